using System.Globalization;
using PreventionPrize.Web.Infrastructure.Localization;

namespace PreventionPrize.Web.Features.Screening;

/// <summary>Small formatting rules for the entry page, where applicant-typed values meet the Secretariat's browser.</summary>
public static class EntryDisplay
{
    /// <summary>An empty answer shown as a dash, so a blank line does not read as a rendering fault.</summary>
    public static string OrDash(string? value) => string.IsNullOrWhiteSpace(value) ? "—" : value;

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Cultures.DateCulture);

    /// <summary>Kilobytes under a megabyte, else megabytes with one decimal, as a number for a "{0} KB" resource.</summary>
    public static (string Number, bool Megabytes) Size(long bytes) => bytes < 1024 * 1024
        ? (Math.Max(1, (int)Math.Round(bytes / 1024.0)).ToString("N0", CultureInfo.CurrentCulture), false)
        : ((bytes / (1024.0 * 1024.0)).ToString("N1", CultureInfo.CurrentCulture), true);
}
