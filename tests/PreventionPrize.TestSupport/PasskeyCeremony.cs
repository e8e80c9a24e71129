namespace PreventionPrize.TestSupport;

/// <summary>
/// What <c>passkeys.js</c> does in a browser, done by a test client: fetch the options with the page's antiforgery
/// token, let the authenticator answer, post the answer with the page's passkey form.
/// </summary>
public static class PasskeyCeremony
{
    public const string FormSelector = "form[data-passkey]";

    /// <summary>Adds <paramref name="key"/> to the signed-in account; returns the page the form post led to.</summary>
    public static async Task<Page> RegisterAsync(TestClient client, SoftwarePasskey key, string? name = null)
    {
        var page = await client.GetAsync("/account/passkeys");
        var options = await OptionsAsync(client, page);
        return await client.SubmitAsync(page, [new("CredentialJson", key.Register(options)), new("Name", name ?? "")], FormSelector);
    }

    /// <summary>Signs in with <paramref name="key"/> from the sign-in page (or the page given, e.g. re-authentication).</summary>
    public static async Task<Page> UseAsync(TestClient client, SoftwarePasskey key, string pageUrl = "/account/login")
    {
        var page = await client.GetAsync(pageUrl);
        return await client.SubmitAsync(page, [new("CredentialJson", key.Assert(await OptionsAsync(client, page)))], FormSelector);
    }

    /// <summary>The options JSON from the form's <c>data-options-url</c>, as the script asks for them.</summary>
    public static async Task<string> OptionsAsync(TestClient client, Page page)
    {
        var form = page.Document.QuerySelector(FormSelector) ?? throw new InvalidOperationException("No passkey form on the page");
        var token = form.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var response = await client.Http.PostAsync(form.GetAttribute("data-options-url"),
            new FormUrlEncodedContent([new KeyValuePair<string, string>("__RequestVerificationToken", token)]));
        if (response.Content.Headers.ContentType?.MediaType != "application/json")
            throw new InvalidOperationException($"The options answered {(int)response.StatusCode} {response.Headers.Location}");
        return await response.Content.ReadAsStringAsync();
    }
}
