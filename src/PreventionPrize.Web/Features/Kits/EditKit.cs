using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Decisions;
using PreventionPrize.Web.Features.Entries;
using PreventionPrize.Web.Infrastructure.Mediator;
using PreventionPrize.Web.Infrastructure.Mvc;

namespace PreventionPrize.Web.Features.Kits;

/// <summary>
/// The winning team writes its replication kit after the release: a draft saves anything, submitting needs every
/// section in at least one language. Once the Secretariat approved it, changes go through the Secretariat.
/// </summary>
public static class EditKit
{
    public sealed record Query(int EntryId) : IQuery<Command>;

    public sealed class Command : KitForm, ICommand
    {
        public bool Submit { get; set; }
        public KitStatus Status { get; set; }
    }

    public sealed class Validator : FluentValidation.AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l) => Include(new KitFormRules<Command>(l));
    }

    /// <summary>The owner's distinguished entry, once the results are out; 404 for anything else.</summary>
    internal static async Task<Core.Entries.Entry> WinningEntryAsync(EntryAccess access, PrizeDbContext db, TimeProvider clock, int entryId, CancellationToken ct)
    {
        var entry = await access.OwnedAsync(entryId, ct);
        var outcome = await db.Decisions.Where(d => d.EntryId == entryId).Select(d => (Outcome?)d.Outcome).SingleOrDefaultAsync(ct);
        if (outcome is not { } o || !o.IsPrize() || !entry.Call.IsLifted(clock.GetUtcNow().UtcDateTime)) throw new NotFoundException();
        return entry;
    }

    public sealed class QueryHandler(EntryAccess access, PrizeDbContext db, TimeProvider clock) : IQueryHandler<Query, Command>
    {
        public async ValueTask<Command> Handle(Query query, CancellationToken ct)
        {
            await WinningEntryAsync(access, db, clock, query.EntryId, ct);
            var kit = await db.ReplicationKits.AsNoTracking().SingleOrDefaultAsync(k => k.EntryId == query.EntryId, ct);
            var form = KitForm.From<Command>(kit, query.EntryId);
            form.Status = kit?.Status ?? KitStatus.Draft;
            return form;
        }
    }

    public sealed class Handler(EntryAccess access, PrizeDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var entry = await WinningEntryAsync(access, db, clock, command.EntryId, ct);
            var kit = await db.ReplicationKits.SingleOrDefaultAsync(k => k.EntryId == entry.Id, ct);
            if (kit?.Status == KitStatus.Approved) throw Rejection.Because(l["Kit.Approved"]);
            if (command.Submit && !command.CompleteInOneLanguage) throw Rejection.Because(l["Kit.Incomplete"]);
            if (kit is null) db.ReplicationKits.Add(kit = new ReplicationKit { EntryId = entry.Id });
            else if (kit.Version != command.Version) throw Rejection.Because(l["Kit.ChangedElsewhere"]);
            else db.Entry(kit).Property(k => k.Version).OriginalValue = command.Version;
            var now = clock.GetUtcNow().UtcDateTime;
            command.CopyTo(kit);
            kit.UpdatedAtUtc = now;
            kit.Version++;
            if (command.Submit) (kit.Status, kit.SubmittedAtUtc) = (KitStatus.Submitted, now);
            db.Audit(now, entry.OwnerId, command.Submit ? "kit.submitted" : "kit.saved", $"entry:{entry.Id}");
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
