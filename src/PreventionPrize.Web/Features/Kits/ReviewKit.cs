using Mediator;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Web.Features.Gallery;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Decisions;
using PreventionPrize.Web.Infrastructure.Mediator;
using PreventionPrize.Web.Infrastructure.Mvc;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Kits;

/// <summary>
/// The Secretariat completes the kit's other language (marked as a translation), corrects it and approves it;
/// only an approved kit is published with the winner's page.
/// </summary>
public static class ReviewKit
{
    public sealed record Query(int EntryId) : IQuery<Command>;

    public sealed class Command : KitForm, ICommand
    {
        public bool EnIsTranslation { get; set; }
        public bool FrIsTranslation { get; set; }
        public bool Approve { get; set; }
        public KitStatus Status { get; set; }
        public string Reference { get; set; } = "";
    }

    public sealed class Validator : FluentValidation.AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l) => Include(new KitFormRules<Command>(l));
    }

    public sealed class QueryHandler(PrizeDbContext db) : IQueryHandler<Query, Command>
    {
        public async ValueTask<Command> Handle(Query query, CancellationToken ct)
        {
            var reference = await db.Entries.Where(e => e.Id == query.EntryId).Select(e => e.Reference).SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
            var kit = await db.ReplicationKits.AsNoTracking().SingleOrDefaultAsync(k => k.EntryId == query.EntryId, ct) ?? throw new NotFoundException();
            var form = KitForm.From<Command>(kit, query.EntryId);
            (form.EnIsTranslation, form.FrIsTranslation, form.Status, form.Reference) = (kit.EnIsTranslation, kit.FrIsTranslation, kit.Status, reference);
            return form;
        }
    }

    public sealed class Handler(PrizeDbContext db, IOutputCacheStore cache, TimeProvider clock, CurrentUser user, IStringLocalizer<SharedResource> l)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var kit = await db.ReplicationKits.SingleOrDefaultAsync(k => k.EntryId == command.EntryId, ct) ?? throw new NotFoundException();
            if (kit.Version != command.Version) throw Rejection.Because(l["Kit.ChangedElsewhere"]);
            db.Entry(kit).Property(k => k.Version).OriginalValue = command.Version;
            command.CopyTo(kit);
            // The gallery is bilingual: an approved kit reads in both languages, one of them perhaps a labelled translation.
            if (command.Approve && (kit.En.IsEmpty || kit.Fr.IsEmpty || !command.CompleteInOneLanguage)) throw Rejection.Because(l["Kit.BothLanguages"]);
            (kit.EnIsTranslation, kit.FrIsTranslation) = (command.EnIsTranslation, command.FrIsTranslation);
            var now = clock.GetUtcNow().UtcDateTime;
            kit.UpdatedAtUtc = now;
            kit.Version++;
            if (command.Approve) (kit.Status, kit.ApprovedAtUtc, kit.ApprovedById) = (KitStatus.Approved, now, user.RequiredId);
            db.Audit(now, user.Id, command.Approve ? "kit.approved" : "kit.edited", $"entry:{kit.EntryId}");
            await db.SaveChangesAsync(ct);
            // An approved kit is part of the winner's public page: the cached page must not outlive the change.
            await cache.EvictAsync(ct);
            return Unit.Value;
        }
    }
}
