using Microsoft.Extensions.Localization;

namespace PreventionPrize.Web.Features.Rounds;

/// <summary>Why a pair may not be made, in the reader's language, from the loader's <c>conflict:Type</c> or <c>language:fr</c>.</summary>
public static class ForbiddenText
{
    public static string Of(string why, IStringLocalizer l)
    {
        var (kind, value) = (why[..why.IndexOf(':')], why[(why.IndexOf(':') + 1)..]);
        return kind == "conflict"
            ? l["Rounds.Why.Conflict", l[$"ConflictType.{value}"]]
            : l["Rounds.Why.Language", l[$"Language.{value}"]];
    }
}
