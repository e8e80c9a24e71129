using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Entries;
using PreventionPrize.Core.Jury;

namespace PreventionPrize.IntegrationTests.Jury;

/// <summary>What the jury tests start from: a closed call with eligible entries, jurors signed in, the Secretariat's pages.</summary>
public sealed class JuryScenario(PrizeAppFactory app)
{
    /// <summary>A closed call whose first round is open: every ready juror reads every eligible entry, minus conflicts.</summary>
    public async Task<Call> CallAsync()
    {
        var call = await EntryBuilder.CreateCallAsync(app);
        await app.OpenRoundForEveryoneAsync(call);
        return call;
    }

    public Task<Entry> EntryAsync(Call call, EntryStatus status = EntryStatus.Eligible, Action<Entry>? change = null, AppUser? owner = null)
    {
        var builder = new EntryBuilder(app).In(call).WithStatus(status).With(change ?? (_ => { }));
        return (owner is null ? builder : builder.OwnedBy(owner)).SaveAsync();
    }

    /// <summary>A ready juror of <paramref name="call"/>, signed in through the login form.</summary>
    public async Task<(TestJurors.TestJuror Juror, TestClient Client)> JurorAsync(Call call, string name = "Ines Okafor", Action<JuryMember>? configure = null)
    {
        var juror = await app.CreateReadyJurorAsync(call, name, configure);
        return (juror, await SignedInAsync(juror.Email));
    }

    public async Task<TestClient> SignedInAsync(string email)
    {
        var client = app.NewClient();
        await client.SignInAsync(email);
        return client;
    }

    /// <summary>A juror whose profile names the entry's organisation: the app's own detection finds a hard conflict.</summary>
    public async Task<(TestJurors.TestJuror Juror, TestClient Client)> ConflictedJurorAsync(Call call, Entry entry)
    {
        var conflicted = await JurorAsync(call, "Tomas Berg", m => m.Profile.Organisations.Add(new JurorOrganisation { Name = entry.OrganisationName }));
        await app.DetectConflictsAsync(call.Id);
        var binding = await app.WithDbAsync(db => db.Conflicts.AnyAsync(c =>
            c.JuryMemberId == conflicted.Juror.Member.Id && c.EntryId == entry.Id && c.Severity == ConflictSeverity.Hard));
        if (!binding) throw new InvalidOperationException("Detection found no hard conflict for the juror who works for the applicant");
        return conflicted;
    }

    /// <summary>Steps away from the entry through its page, as a juror does.</summary>
    public static async Task RecuseAsync(TestClient juror, Call call, Entry entry, string type = "Other", string reason = "I advised this team last year")
    {
        var recused = await juror.SubmitAsync(EntryUrl(call, entry), [new("Type", type), new("Reason", reason)], RecuseForm);
        if (recused.Status != HttpStatusCode.Redirect) throw new InvalidOperationException($"Recusal answered {(int)recused.Status}: {string.Join(" | ", recused.Errors)}");
    }

    public const string RecuseForm = "form[action$='/recuse']";
    public const string ConfirmForm = "form[action$='/confirm']";

    public static string EntryUrl(Call call, Entry entry) => $"/jury/{call.Code}/entries/{entry.Reference}";

    /// <summary>The references of the entries the juror's page for the call lists.</summary>
    public static IReadOnlyList<string> ListedReferences(Page page, Call call) =>
        page.Document.QuerySelectorAll($"a[href^='/jury/{call.Code}/entries/']").Select(a => a.GetAttribute("href")!.Split('/')[^1]).ToList();

    /// <summary>Invites through the Secretariat's page and returns the link the e-mail carries.</summary>
    public async Task<string> InviteAsync(TestClient secretariat, Call call, string name, string email)
    {
        var invited = await secretariat.SubmitAsync($"/secretariat/calls/{call.Code}/jury/invite", [new("Name", name), new("Email", email)]);
        if (invited.Status != HttpStatusCode.Redirect) throw new InvalidOperationException($"Invitation answered {(int)invited.Status}: {string.Join(" | ", invited.Errors)}");
        return MailFolder.LinkIn(await app.Mail.WaitForMessageTo(email), "/jury/invitations/");
    }

    public Task<TestClient> SecretariatAsync() => app.SignedInAsync(Roles.Secretariat);
}
