using System.Globalization;

namespace PreventionPrize.Core.Time;

/// <summary>
/// Instants are stored in UTC and shown in Strasbourg time, the seat of the Council of Europe, with the zone
/// named so that nobody in another country misreads a deadline.
/// </summary>
public static class Strasbourg
{
    public const string ZoneId = "Europe/Paris";

    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>
    /// Reads a wall-clock time typed in Strasbourg time. In the autumn overlap the earlier (summer-time)
    /// instant is taken; a time skipped in spring moves forward by the gap, as a clock would.
    /// </summary>
    public static DateTime ToUtc(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(unspecified)) unspecified = unspecified.AddHours(1);
        if (Zone.IsAmbiguousTime(unspecified))
        {
            var offset = Zone.GetAmbiguousTimeOffsets(unspecified).Max();
            return DateTime.SpecifyKind(unspecified - offset, DateTimeKind.Utc);
        }
        return TimeZoneInfo.ConvertTimeToUtc(unspecified, Zone);
    }

    /// <summary>"CET" or "CEST" with the UTC offset, e.g. "CEST, UTC+02:00".</summary>
    public static string ZoneLabel(DateTime utc)
    {
        var offset = Zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        var abbreviation = Zone.IsDaylightSavingTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc)) ? "CEST" : "CET";
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return $"{abbreviation}, UTC{sign}{offset:hh\\:mm}";
    }

    /// <summary>A full date and time in the reader's culture, followed by the Strasbourg zone.</summary>
    public static string Format(DateTime utc, CultureInfo culture) =>
        $"{ToLocal(utc).ToString("f", culture)} ({ZoneLabel(utc)})";
}
