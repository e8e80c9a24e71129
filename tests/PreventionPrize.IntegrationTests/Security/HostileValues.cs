using System.Text;

namespace PreventionPrize.IntegrationTests.Security;

/// <summary>The kind of value a form field expects, from its input's type or the bound property's type.</summary>
public enum FieldKind { Text, Number, Date, Boolean, Choice }

/// <summary>
/// Sets of hostile values, one value per field kind in each set: a request posts one set in every field at once,
/// so each endpoint gets a handful of requests instead of a product of fields and values.
/// </summary>
public static class HostileValues
{
    public const string Script = "<script>alert(1)</script>";

    /// <summary>Stands for a lone UTF-16 surrogate, sent as its (invalid) UTF-8 bytes ED A0 80.</summary>
    public const string LoneSurrogate = "\uD800";

    public sealed record Set(string Name, string Text, string Number, string Date, string Boolean, string Choice)
    {
        public string For(FieldKind kind) => kind switch
        {
            FieldKind.Number => Number,
            FieldKind.Date => Date,
            FieldKind.Boolean => Boolean,
            FieldKind.Choice => Choice,
            _ => Text,
        };
    }

    public static readonly IReadOnlyList<Set> Sets =
    [
        new("empty", "", "", "", "", ""),
        new("100 kB", new string('A', 100 * 1024), "abc", "2026-13-45", "maybe", new string('Z', 100 * 1024)),
        new("script", Script, "99999999999999999999999", "2026-02-30T25:61", Script, Script),
        new("CR/LF and unicode", "a\r\nBcc: x@y\r\n\u202Eevil\u200D👩‍💻" + LoneSurrogate, "-1", "0000-00-00", "true\r\nfalse", "\u202E1"),
        new("SQL", "' OR 1=1 --", "1 OR 1=1", "' OR 1=1 --", "1; DROP TABLE Entries", "'; DROP TABLE Entries; --"),
        new("NUL", "a\0b", "1\0", "2026-01-01\0", "true\0", "\0"),
    ];

    /// <summary>application/x-www-form-urlencoded by hand: a lone surrogate cannot be encoded by <see cref="FormUrlEncodedContent"/>.</summary>
    public static HttpContent Form(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var body = string.Join("&", fields.Select(f => Escape(f.Key) + "=" + Escape(f.Value)));
        return new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded");
    }

    private static string Escape(string value) =>
        string.Join("%ED%A0%80", value.Split(LoneSurrogate).Select(part => Uri.EscapeDataString(part)));
}
