using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Entries;
using PreventionPrize.Web.Infrastructure.Localization;
using PreventionPrize.Web.Infrastructure.Mediator;
using PreventionPrize.Web.Infrastructure.Mvc;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Entries;

public static class StartEntry
{
    /// <summary>The eligibility questions, answered before the form. Nullable so "not answered" differs from "no".</summary>
    public sealed class Command : ICommand<int>
    {
        public string CallCode { get; set; } = "";
        public bool? FormalStructure { get; set; }
        public bool? YouthActivelyInvolved { get; set; }
        public ProjectState? ProjectState { get; set; }
        public DateOnly? FinishedOn { get; set; }
        public string? Country { get; set; }
        public string? Language { get; set; }

        public EligibilityAnswers Answers() => new()
        {
            FormalStructure = FormalStructure == true,
            YouthActivelyInvolved = YouthActivelyInvolved == true,
            ProjectState = ProjectState ?? Core.Entries.ProjectState.Running,
            FinishedOn = ProjectState == Core.Entries.ProjectState.Finished ? FinishedOn : null,
            Country = Country?.Trim().ToUpperInvariant() ?? "",
        };
    }

    /// <summary>Key under which the "does not qualify" reasons come back, so the page can show them apart from input errors.</summary>
    public const string NotEligibleKey = "NotEligible";

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(c => c.FormalStructure).NotNull().WithMessage(_ => l["Eligibility.Answer", l["Eligibility.FormalStructure"]]);
            RuleFor(c => c.YouthActivelyInvolved).NotNull().WithMessage(_ => l["Eligibility.Answer", l["Eligibility.YouthActivelyInvolved"]]);
            RuleFor(c => c.ProjectState).NotNull().WithMessage(_ => l["Eligibility.Answer", l["Eligibility.ProjectState"]]);
            RuleFor(c => c.Country).Required(l, "Eligibility.Country");
            RuleFor(c => c.Language).Must(EntryLanguages.All.Contains).WithMessage(_ => l["Eligibility.Answer", l["Eligibility.Language"]]);
        }
    }

    /// <summary>
    /// Creates the draft only for a project that qualifies; otherwise the reasons come back to the same page.
    /// A call that has not opened yet already takes drafts, so teams can prepare.
    /// </summary>
    public sealed class Handler(PrizeDbContext db, CurrentUser user, UserManager<AppUser> users, TimeProvider clock, IStringLocalizer<SharedResource> l)
        : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken ct)
        {
            var call = await db.Calls.SingleOrDefaultAsync(c => c.Code == command.CallCode && c.Status == CallStatus.Open, ct) ?? throw new NotFoundException();
            var now = clock.GetUtcNow().UtcDateTime;
            if (SubmissionWindow.Evaluate(call, now) is not (WindowState.Upcoming or WindowState.Open or WindowState.Grace))
                throw Rejection.Because(l["Entry.CallClosed"]);
            if (!call.EntryLanguages.Contains(command.Language!))
                throw Rejection.Because(l["Eligibility.LanguageNotOffered"], nameof(Command.Language));

            var answers = command.Answers();
            var reasons = EligibilityCheck.Reasons(answers, call, now);
            if (reasons.Count > 0)
                throw new ValidationException(reasons.Select(r => new ValidationFailure(NotEligibleKey, l[r, EligibilityCheck.EarliestFinish(call).ToString("d", Cultures.DateCulture)])));

            var owner = await users.FindByIdAsync(user.RequiredId) ?? throw new NotFoundException();
            var entry = new Entry
            {
                CallId = call.Id,
                OwnerId = owner.Id,
                Language = command.Language!,
                Eligibility = answers,
                ContactEmail = owner.Email ?? "",
                ImplementationCountries = [answers.Country],
                CreatedAtUtc = now,
                UpdatedAtUtc = now,
            };
            // The audit event needs the entry's id: two saves, one transaction.
            await db.InTransactionAsync(async token =>
            {
                db.Entries.Add(entry);
                await db.SaveChangesAsync(token);
                db.Audit(now, owner.Id, "entry.started", $"entry:{entry.Id}", call.Code);
                await db.SaveChangesAsync(token);
            }, ct);
            return entry.Id;
        }
    }
}
