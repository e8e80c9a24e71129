using System.Net;

namespace PreventionPrize.IntegrationTests.Security;

/// <summary>ASP.NET Core refuses to read a form holding a NUL byte; the answer must be a 400 page, never a 500.</summary>
public sealed class UnreadableFormTests(PrizeAppFactory app) : IClassFixture<PrizeAppFactory>
{
    [Fact]
    public async Task A_NUL_byte_in_a_form_field_is_a_bad_request_page()
    {
        using var visitor = app.NewClient();

        var page = await visitor.SubmitAsync("/account/register", [new("Email", "nul\0@example.org")]);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Go back, reload the page and try again.", page.Text);
    }
}
