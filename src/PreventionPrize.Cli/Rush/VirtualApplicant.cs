using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace PreventionPrize.Cli.Rush;

/// <summary>
/// One applicant's last minutes before the deadline, as a browser with script sends them: the sign-in page and form,
/// the entry's attachment page, the upload (as the page's script posts it, which answers JSON rather than a redirect),
/// the entry form, and the submit button. Cookies and antiforgery tokens travel as a browser keeps them.
/// </summary>
internal sealed class VirtualApplicant(HttpClient http, RushSeed.Applicant applicant, byte[] pdf)
{
    public static readonly string[] Steps = ["login page", "sign in", "attachments page", "upload", "entry form", "submit"];

    private static readonly HtmlParser Parser = new();
    private readonly Dictionary<string, string> _cookies = [];

    /// <summary>Milliseconds per step, or the first failure as "step: reason".</summary>
    public async Task<(double[] Ms, string? Error)> RunAsync()
    {
        var ms = new double[Steps.Length];
        var id = applicant.EntryId;
        try
        {
            var login = await TimeAsync(0, ms, () => Send(HttpMethod.Get, "/account/login"));
            if (Expect(login, HttpStatusCode.OK, 0) is { } e0) return (ms, e0);
            var signIn = await TimeAsync(1, ms, () => Send(HttpMethod.Post, "/account/login", Form(Fields(login.Html, "form.form"),
                [new("Email", applicant.Email), new("Password", applicant.Password)])));
            if (Expect(signIn, HttpStatusCode.Redirect, 1) is { } e1) return (ms, e1);

            var files = await TimeAsync(2, ms, () => Send(HttpMethod.Get, $"/entries/{id}/attachments"));
            if (Expect(files, HttpStatusCode.OK, 2) is { } e2) return (ms, e2);
            var upload = await TimeAsync(3, ms, () => Send(HttpMethod.Post, $"/entries/{id}/attachments", Multipart(Fields(files.Html, "form.attachment-upload")), script: true));
            if (Expect(upload, HttpStatusCode.OK, 3) is { } e3) return (ms, e3);

            var edit = await TimeAsync(4, ms, () => Send(HttpMethod.Get, $"/entries/{id}/edit"));
            if (Expect(edit, HttpStatusCode.OK, 4) is { } e4) return (ms, e4);
            var submit = await TimeAsync(5, ms, () => Send(HttpMethod.Post, $"/entries/{id}/submit", Form(Fields(edit.Html, "form.entry-form"), [])));
            if (Expect(submit, HttpStatusCode.Redirect, 5) is { } e5) return (ms, e5);
            return (ms, null);
        }
        catch (TaskCanceledException)
        {
            return (ms, $"{Steps[Array.IndexOf(ms, 0d) is var i and >= 0 ? i : ^1]}: timeout");
        }
        catch (HttpRequestException failed)
        {
            return (ms, $"{Steps[Array.IndexOf(ms, 0d) is var i and >= 0 ? i : ^1]}: {failed.HttpRequestError}");
        }
    }

    /// <summary>Process CPU per step; meaningful only when one applicant runs at a time (<c>--concurrency 1</c>).</summary>
    public double[] CpuMs { get; } = new double[Steps.Length];

    private async Task<Response> TimeAsync(int step, double[] ms, Func<Task<Response>> send)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();
        var response = await send();
        ms[step] = Math.Max(Stopwatch.GetElapsedTime(start).TotalMilliseconds, 0.001);
        CpuMs[step] = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        return response;
    }

    private static string? Expect(Response response, HttpStatusCode expected, int step) =>
        response.Status == expected ? null : $"{Steps[step]}: {(int)response.Status}" + (response.Status == HttpStatusCode.OK && expected == HttpStatusCode.Redirect ? " (form shown again)" : "");

    private async Task<Response> Send(HttpMethod method, string url, HttpContent? content = null, bool script = false)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        if (script) request.Headers.Add("X-Requested-With", "XMLHttpRequest");
        using var response = await http.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
            foreach (var cookie in cookies)
            {
                var pair = cookie.Split(';', 2)[0].Split('=', 2);
                if (pair.Length < 2 || pair[1].Length == 0 || cookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) _cookies.Remove(pair[0]);
                else _cookies[pair[0]] = pair[1];
            }
        return new Response(response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The fields a browser would send from the form: hidden ones, the typed values, ticked boxes, chosen options.</summary>
    private static List<KeyValuePair<string, string>> Fields(string html, string selector)
    {
        var form = Parser.ParseDocument(html).QuerySelector(selector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"no form '{selector}' on the page");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
            switch (element)
            {
                case IHtmlInputElement input when string.IsNullOrEmpty(input.Name) || input.Type is "submit" or "button" or "file":
                    break;
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked) fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name!, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.Add(new(select.Name!, select.Value ?? ""));
                    break;
            }
        return fields;
    }

    private static FormUrlEncodedContent Form(List<KeyValuePair<string, string>> fields, KeyValuePair<string, string>[] typed)
    {
        fields.RemoveAll(f => typed.Any(t => t.Key == f.Key));
        return new FormUrlEncodedContent([.. fields, .. typed]);
    }

    private MultipartFormDataContent Multipart(List<KeyValuePair<string, string>> fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileName = "\"project-report.pdf\"" };
        form.Add(file);
        return form;
    }

    private sealed record Response(HttpStatusCode Status, string Html);
}
