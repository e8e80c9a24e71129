using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace PreventionPrize.TestSupport;

/// <summary>A received page: status, headers and the parsed document.</summary>
public sealed record Page(HttpResponseMessage Response, string Html, IHtmlDocument Document)
{
    public HttpStatusCode Status => Response.StatusCode;
    /// <summary>The text a reader sees (entities decoded, whitespace collapsed).</summary>
    public string Text => System.Text.RegularExpressions.Regex.Replace(Document.Body?.TextContent ?? "", @"\s+", " ");

    public string? Location => Response.Headers.Location?.OriginalString;

    /// <summary>Validation messages shown beside fields and in the summary.</summary>
    public IReadOnlyList<string> Errors =>
        Document.QuerySelectorAll(".field-error, .validation-summary-errors li").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).Distinct().ToList();

    public string? ValueOf(string name) => (Document.QuerySelector($"[name='{name}']") as IHtmlInputElement)?.Value
        ?? Document.QuerySelector($"textarea[name='{name}']")?.TextContent;
}

/// <summary>
/// Drives the app as a browser does: GETs the page, fills the form found there (keeping its hidden fields,
/// antiforgery token and ticked boxes), and posts it to the form's action. Like a browser, it names the page's origin
/// on its requests (the passkey check compares it with the origin the authenticator signed).
/// </summary>
public sealed class TestClient(HttpClient http) : IDisposable
{
    public const string DefaultPassword = "correct horse battery staple";

    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = AsBrowser(http);

    private static HttpClient AsBrowser(HttpClient http)
    {
        if (http.BaseAddress is { } site && !http.DefaultRequestHeaders.Contains("Origin"))
            http.DefaultRequestHeaders.Add("Origin", site.GetLeftPart(UriPartial.Authority));
        return http;
    }

    public async Task<Page> GetAsync(string url)
    {
        var response = await Http.GetAsync(url);
        return await ReadAsync(response);
    }

    /// <summary>Fills the form matched by <paramref name="formSelector"/> on <paramref name="pageUrl"/> and submits it.</summary>
    public async Task<Page> SubmitAsync(string pageUrl, IEnumerable<KeyValuePair<string, string>> values, string formSelector = "main form.form", string? action = null)
    {
        var page = await GetAsync(pageUrl);
        if (page.Status != HttpStatusCode.OK) throw new InvalidOperationException($"GET {pageUrl} answered {(int)page.Status}");
        return await SubmitAsync(page, values, formSelector, action);
    }

    /// <summary><paramref name="action"/> stands for a button's formaction: the same form posted elsewhere.</summary>
    public async Task<Page> SubmitAsync(Page page, IEnumerable<KeyValuePair<string, string>> values, string formSelector = "main form.form", string? action = null)
    {
        var form = page.Document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on the page");
        var fields = FormFields(form);
        var overrides = values.ToList();
        foreach (var name in overrides.Select(v => v.Key).Distinct())
            fields.RemoveAll(f => f.Key == name);
        fields.AddRange(overrides);
        action ??= form.GetAttribute("action") ?? page.Response.RequestMessage!.RequestUri!.PathAndQuery;
        return await ReadAsync(await Http.PostAsync(action, new FormUrlEncodedContent(fields)));
    }

    /// <summary>Posts to any URL with a valid antiforgery token (a bare POST button).</summary>
    public async Task<Page> PostAsync(string url, IEnumerable<KeyValuePair<string, string>>? values = null)
    {
        var fields = (values ?? []).Append(new("__RequestVerificationToken", await AntiforgeryTokenAsync()));
        return await ReadAsync(await Http.PostAsync(url, new FormUrlEncodedContent(fields)));
    }

    /// <summary>
    /// Posts one file as multipart/form-data, as the upload form does, with the antiforgery token and any other
    /// fields. <paramref name="fileName"/> travels in <c>filename*</c> (RFC 5987), so any character reaches the server.
    /// </summary>
    public async Task<Page> UploadAsync(string url, string fileName, byte[] content, IEnumerable<KeyValuePair<string, string>>? values = null,
        string contentType = "application/octet-stream", bool fromScript = false)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in (values ?? []).Append(new("__RequestVerificationToken", await AntiforgeryTokenAsync())))
            form.Add(new StringContent(value), name);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        file.Headers.ContentDisposition = new System.Net.Http.Headers.ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileNameStar = fileName };
        form.Add(file);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = form };
        if (fromScript) request.Headers.Add("X-Requested-With", "XMLHttpRequest");
        return await ReadAsync(await Http.SendAsync(request));
    }

    /// <summary>A valid antiforgery token for this client's cookie, taken from the home page's language form.</summary>
    /// <summary>
    /// A signed-in user's pages carry a token in the layout (the language switch and sign-out); an anonymous
    /// visitor's public pages carry none (so they can be cached), and the sign-in form is where one is found.
    /// </summary>
    public async Task<string> AntiforgeryTokenAsync()
    {
        // A Secretariat member or juror who must still set up two-factor is sent to that page from every other.
        foreach (var url in new[] { "/", "/account/login", "/account/two-factor" })
            if ((await GetAsync(url)).Document.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value") is { } token)
                return token;
        throw new InvalidOperationException("No antiforgery token on the home page or the sign-in page");
    }

    public async Task SignInAsync(string email, string password = DefaultPassword)
    {
        var page = await SubmitAsync("/account/login", [new("Email", email), new("Password", password)]);
        if (page.Status != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in failed: {string.Join(" | ", page.Errors)}");
        _credentials = (email, password);
    }

    private (string Email, string Password)? _credentials;

    /// <summary>
    /// Signs in again with the last password sign-in's credentials, as a person does whose session ended: sessions
    /// end after 30 idle minutes and 12 hours by the app's clock, so a test that moves the clock hours ahead renews
    /// the sessions it keeps using. The forms already loaded stay valid (the antiforgery token names the same user).
    /// </summary>
    public Task RenewSessionAsync() =>
        _credentials is { } c ? SignInAsync(c.Email, c.Password) : throw new InvalidOperationException("This client never signed in by password.");

    public Task<Page> SwitchLanguageAsync(string culture) => PostAsync("/language", [new("culture", culture), new("returnUrl", "/")]);

    private static List<KeyValuePair<string, string>> FormFields(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when string.IsNullOrEmpty(input.Name) || input.Type is "submit" or "button":
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
        }
        return fields;
    }

    private static async Task<Page> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return new Page(response, html, Parser.ParseDocument(html));
    }

    public void Dispose() => Http.Dispose();
}
