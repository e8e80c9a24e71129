using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Jury;
using PreventionPrize.Core.Scoring;
using PreventionPrize.Web.Infrastructure.Csv;
using PreventionPrize.Web.Infrastructure.Security;
using PreventionPrize.Web.Infrastructure.Xlsx;

namespace PreventionPrize.Web.Features.Rounds;

/// <summary>
/// Every counted score sheet — raw values per criterion, the weighted total, the juror's estimated leniency and the
/// calibrated total — with the comment and the feedback; and, in the workbook, the ranking. CSV cells that a
/// spreadsheet would run as a formula are neutralised; the workbook stores text as text.
/// </summary>
public static class ExportResults
{
    public enum Format { Csv, Xlsx }

    public sealed record Command(int RoundId, Format As) : ICommand<(byte[] Content, string ContentType, string FileName)>;

    public sealed class Handler(PrizeDbContext db, IMediator mediator, JuryPolicy policy, TimeProvider clock, CurrentUser user, IStringLocalizer<SharedResource> l)
        : ICommandHandler<Command, (byte[] Content, string ContentType, string FileName)>
    {
        public async ValueTask<(byte[] Content, string ContentType, string FileName)> Handle(Command command, CancellationToken ct)
        {
            var results = await mediator.Send(new RoundResults.Query(command.RoundId), ct);
            var excluded = (await policy.ExcludedPairs(results.Round.CallId).ToListAsync(ct)).Select(p => (p.EntryId, p.JuryMemberId)).ToHashSet();
            var entries = results.Entries.ToDictionary(e => e.Id);
            var jurors = results.Jurors.ToDictionary(j => j.Id);
            var sheets = (await db.Scores.AsNoTracking().Where(s => s.RoundId == results.Round.Id && s.Status == ScoreStatus.Submitted).ToListAsync(ct))
                .Where(s => !excluded.Contains((s.EntryId, s.JuryMemberId)) && entries.ContainsKey(s.EntryId) && jurors.ContainsKey(s.JuryMemberId))
                .OrderBy(s => entries[s.EntryId].Reference).ThenBy(s => jurors[s.JuryMemberId].Name).ToList();

            var header = new List<object?> { l["Results.Csv.Reference"].Value, l["Results.Csv.Juror"].Value };
            header.AddRange(results.Criteria.Select(c => (object?)$"{c.NameEn} (×{c.Weight})"));
            header.AddRange([l["Results.Csv.Total"].Value, l["Results.Csv.Leniency"].Value, l["Results.Csv.CalibratedTotal"].Value, l["Results.Csv.Comment"].Value, l["Results.Csv.Feedback"].Value]);
            var rows = new List<object?[]> { header.ToArray() };
            foreach (var s in sheets)
            {
                var weights = results.Criteria.Where(c => s.ValueOf(c.Id) is not null).ToList();
                var total = weights.Count == 0 ? (double?)null : weights.Sum(c => c.Weight * s.ValueOf(c.Id)!.Value) / (double)weights.Sum(c => c.Weight);
                var effect = jurors[s.JuryMemberId].Effect?.Effect;
                var row = new List<object?> { entries[s.EntryId].Reference, jurors[s.JuryMemberId].Name };
                row.AddRange(results.Criteria.Select(c => (object?)s.ValueOf(c.Id)));
                row.AddRange([total, effect, total is { } t && effect is { } e ? t - e : null, s.Comment, s.Feedback]);
                rows.Add(row.ToArray());
            }
            db.Audit(clock.GetUtcNow().UtcDateTime, user.Id, "results.exported", $"round:{results.Round.Id}", $"{command.As}, {sheets.Count} score sheets");
            await db.SaveChangesAsync(ct);

            var name = $"{results.Code}-round-{results.Round.Number}-scores";
            if (command.As == Format.Csv)
            {
                var csv = new CsvWriter();
                foreach (var row in rows) csv.Row(row.Select(Text));
                return (csv.ToUtf8WithBom(), "text/csv; charset=utf-8", name + ".csv");
            }
            var ranking = results.ByRawRank.Select(e => new object?[]
            {
                e.Raw!.Rank, e.Reference, e.Title, e.Raw.Count, e.Raw.Mean, e.Raw.Median, e.Raw.TrimmedMean, e.Calibrated?.CalibratedScore,
                e.Calibrated?.CalibratedRank, e.Stability?.TopShare,
            }).Prepend(
            [
                l["Results.Rank"].Value, l["Results.Csv.Reference"].Value, l["Results.Csv.Title"].Value, l["Results.Scores"].Value, l["Results.Mean"].Value,
                l["Results.Median"].Value, l["Results.TrimmedMean"].Value, l["Results.CalibratedScore"].Value, l["Results.CalibratedRank"].Value,
                l["Results.TopShare", RoundResults.TopPlaces].Value,
            ]);
            var workbook = new XlsxWriter().Sheet(l["Results.Sheet.Scores"], rows).Sheet(l["Results.Sheet.Ranking"], ranking).ToBytes();
            return (workbook, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
        }

        private static string? Text(object? value) => value switch
        {
            null => null,
            double d => d.ToString("0.###", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
    }
}
