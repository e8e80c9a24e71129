using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace PreventionPrize.Web.Features.Account;

/// <summary>Identity tokens travel in URLs; Base64Url keeps '+' and '/' from being mangled by mail clients.</summary>
public static class AccountTokens
{
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
