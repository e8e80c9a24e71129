using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Entries;
using PreventionPrize.Core.Jury;
using PreventionPrize.Web.Infrastructure.Localization;

namespace PreventionPrize.Web.Features.Jurors;

public static class EditJurorProfile
{
    /// <summary>Blank organisation rows on the form, so a juror can add some without script.</summary>
    public const int BlankRows = 3;

    /// <summary>
    /// A juror under 18 names at most this many organisations — their school and a youth organisation, as they are
    /// now — and nothing else about ties, domains or expertise: the organisation-name rule is what detects a
    /// conflict a minor can have (a project of their own school or club); the rest would be data kept for nothing.
    /// </summary>
    public const int MinorOrganisations = 2;

    public sealed record Query(string Code) : IQuery<Command>;

    public sealed class OrganisationRow
    {
        public string? Name { get; set; }
        public OrganisationTie Tie { get; set; }
        public bool Current { get; set; } = true;
    }

    public sealed class Command : ICommand
    {
        [FromRoute] public string Code { get; set; } = "";
        public List<OrganisationRow> Organisations { get; set; } = [];
        public List<string> Countries { get; set; } = [];
        public string? EmailDomains { get; set; }
        public List<string> ReadsLanguages { get; set; } = [];
        public List<string> DigitalBehaviours { get; set; } = [];
        public List<string> TargetGroups { get; set; } = [];
        public bool Under18 { get; set; }

        public IEnumerable<string> DomainList => (EmailDomains ?? "").Split('\n', ',', ';').Select(d => d.Trim().TrimStart('@').ToLowerInvariant()).Where(d => d.Length > 0).Distinct();
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(c => c.Organisations).Must(o => o.Count(r => !string.IsNullOrWhiteSpace(r.Name)) <= JuryMember.MaxListItems)
                .WithMessage(_ => l["JurorProfile.TooMany", JuryMember.MaxListItems]);
            RuleForEach(c => c.Organisations).ChildRules(row => row.RuleFor(r => r.Name).MaxChars(l, "JurorProfile.OrganisationName", JurorOrganisation.NameMaxLength));
            RuleFor(c => c.Countries).Must(c => c.All(Core.Calls.Countries.IsKnownCode)).WithMessage(_ => l["JurorProfile.UnknownCountry"]);
            RuleFor(c => c.DomainList).Must(d => d.Count() <= JuryMember.MaxListItems).WithMessage(_ => l["JurorProfile.TooMany", JuryMember.MaxListItems])
                .Must(d => d.All(IsDomain)).WithMessage(_ => l["JurorProfile.BadDomain"]).OverridePropertyName(nameof(Command.EmailDomains));
            RuleFor(c => c.ReadsLanguages).Must(r => r.Count > 0 && r.All(EntryLanguages.All.Contains)).WithMessage(_ => l["JurorProfile.ReadsRequired"]);
            RuleFor(c => c.DigitalBehaviours).Must(b => b.All(Vocabulary.DigitalBehaviours.Contains)).WithMessage(_ => l["JurorProfile.UnknownExpertise"]);
            RuleFor(c => c.TargetGroups).Must(b => b.All(Vocabulary.TargetGroups.Contains)).WithMessage(_ => l["JurorProfile.UnknownExpertise"]);
        }

        private static bool IsDomain(string d) => d.Length <= 253 && d.Contains('.') && Uri.CheckHostName(d) == UriHostNameType.Dns;
    }

    public sealed class QueryHandler(JurorMembership membership) : IQueryHandler<Query, Command>
    {
        public async ValueTask<Command> Handle(Query query, CancellationToken ct)
        {
            var member = await membership.ForCallAsync(query.Code, ct);
            var p = member.Profile;
            return new Command
            {
                Code = query.Code,
                Organisations = p.Organisations.Select(o => new OrganisationRow { Name = o.Name, Tie = o.Tie, Current = o.Current }).ToList(),
                Countries = p.Countries, EmailDomains = string.Join('\n', p.EmailDomains), ReadsLanguages = p.ReadsLanguages,
                DigitalBehaviours = p.DigitalBehaviours, TargetGroups = p.TargetGroups, Under18 = member.IsMinor,
            };
        }
    }

    /// <summary>Saving runs conflict detection for this juror in the same transaction, so a new organisation takes effect at once.</summary>
    public sealed class Handler(PrizeDbContext db, JurorMembership membership, ConflictDetection detection, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var member = await membership.ForCallAsync(command.Code, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            // A juror may say they are under 18; only the Secretariat can say otherwise.
            member.IsMinor |= command.Under18;
            var minor = member.IsMinor;
            var organisations = command.Organisations.Where(o => !string.IsNullOrWhiteSpace(o.Name))
                .Select(o => new JurorOrganisation { Name = o.Name!.Trim(), Tie = minor ? OrganisationTie.Volunteer : o.Tie, Current = minor || o.Current });
            member.Profile = new JurorProfile
            {
                Organisations = (minor ? organisations.Take(MinorOrganisations) : organisations).ToList(),
                Countries = command.Countries.Distinct().ToList(),
                EmailDomains = minor ? [] : command.DomainList.ToList(),
                ReadsLanguages = command.ReadsLanguages.Distinct().ToList(),
                DigitalBehaviours = minor ? [] : command.DigitalBehaviours.Distinct().ToList(),
                TargetGroups = minor ? [] : command.TargetGroups.Distinct().ToList(),
            };
            member.ProfileUpdatedAtUtc = now;
            member.Touch();
            db.Audit(now, member.UserId, "juror.profile", $"juror:{member.Id}",
                $"organisations: {member.Profile.Organisations.Count}; countries: {string.Join(",", member.Profile.Countries)}; domains: {member.Profile.EmailDomains.Count}");
            await db.InTransactionAsync(async ct =>
            {
                await db.SaveChangesAsync(ct);
                await detection.RunAsync(member.CallId, now, ct, juryMemberId: member.Id);
                await db.SaveChangesAsync(ct);
            }, ct);
            return Unit.Value;
        }
    }
}
