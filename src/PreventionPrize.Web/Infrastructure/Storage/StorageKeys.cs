using System.Text.RegularExpressions;

namespace PreventionPrize.Web.Infrastructure.Storage;

/// <summary>The stores' own names for files: 32 hex digits, new for every save.</summary>
public static partial class StorageKeys
{
    public static string New() => Guid.NewGuid().ToString("N");

    /// <summary>Refuses anything that is not one of our keys before it can name a path or a blob.</summary>
    public static string Checked(string key) =>
        KeyPattern().IsMatch(key) ? key : throw new ArgumentException("Not a storage key.", nameof(key));

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex KeyPattern();
}
