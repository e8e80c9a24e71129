using System.Globalization;
using System.Text;
using QRCoder;

namespace PreventionPrize.Web.Features.AccountSecurity;

/// <summary>
/// A QR code as one SVG path, drawn on the server: no script, no inline style (the CSP allows neither), and the
/// same picture whatever the browser. The quiet zone QRCoder adds keeps phone cameras happy.
/// </summary>
public static class QrCodeSvg
{
    public static string Render(string text, string title)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var size = modules.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        for (var x = 0; x < size; x++)
            if (modules[y][x]) path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
        var escapedTitle = System.Net.WebUtility.HtmlEncode(title);
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" width=\"{size * 6}\" height=\"{size * 6}\" role=\"img\" aria-labelledby=\"qr-title\" class=\"qr-code\" shape-rendering=\"crispEdges\">"
            + $"<title id=\"qr-title\">{escapedTitle}</title><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>";
    }
}
