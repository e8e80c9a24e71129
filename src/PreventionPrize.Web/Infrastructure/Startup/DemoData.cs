using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Jury;

namespace PreventionPrize.Web.Infrastructure.Startup;

/// <summary>A demo call and one account per role, so a fresh clone shows something real. Development only.</summary>
public sealed class DemoData(PrizeDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    public const string Password = "demo-password-2026";

    public static readonly (string Email, string Role)[] Accounts =
    [
        ("secretariat@demo.test", Roles.Secretariat),
        ("juror@demo.test", Roles.Juror),
        ("applicant@demo.test", Roles.Applicant),
    ];

    public async Task SeedAsync(ILogger logger)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (email, role) in Accounts)
        {
            if (await users.FindByEmailAsync(email) is not null) continue;
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAtUtc = now };
            await users.CreateAsync(user, Password);
            await users.AddToRoleAsync(user, role);
        }
        if (!await db.Calls.AnyAsync())
        {
            var call = DemoCall(now);
            db.Calls.Add(call);
            await db.SaveChangesAsync();
            await AddDemoJurorAsync(call, now);
        }
        logger.LogWarning("Demo accounts (password {Password}): {Accounts}", Password, string.Join(", ", Accounts.Select(a => $"{a.Email} ({a.Role})")));
    }

    /// <summary>The demo juror has accepted and filled a profile; signing the declaration is left to whoever tries the demo.</summary>
    private async Task AddDemoJurorAsync(Call call, DateTime now)
    {
        var juror = await users.FindByEmailAsync("juror@demo.test");
        db.JuryMembers.Add(new JuryMember
        {
            CallId = call.Id, Name = "Demo Juror", Email = "juror@demo.test", Status = InvitationStatus.Accepted, UserId = juror!.Id,
            InvitedAtUtc = now, ExpiresAtUtc = now, RespondedAtUtc = now, ProfileUpdatedAtUtc = now,
            Profile = new JurorProfile { ReadsLanguages = ["en", "fr"], Countries = ["MT"] },
        });
        call.JuryPublishedAtUtc = now;
        await db.SaveChangesAsync();
    }

    private static Call DemoCall(DateTime now) => new()
    {
        Code = $"DPP-{now.Year}",
        TitleEn = $"Digital Prevention Prize {now.Year}",
        TitleFr = $"Prix de la prévention numérique {now.Year}",
        DescriptionEn = "Awards for successful projects on new prevention practices for a digital world: gaming, gambling, social media, streaming and online shopping. Young people under 25 must be actively involved.",
        DescriptionFr = "Des prix pour des projets réussis de nouvelles pratiques de prévention dans un monde numérique : jeux vidéo, jeux d'argent, réseaux sociaux, streaming et achats en ligne. Les jeunes de moins de 25 ans doivent y participer activement.",
        RulesEn = "Projects are run by at least two people with a formal structure, actively involve young people under 25, are running or recently finished, and are located in an eligible country.",
        RulesFr = "Les projets sont menés par au moins deux personnes dotées d'une structure formelle, impliquent activement des jeunes de moins de 25 ans, sont en cours ou récemment terminés et se situent dans un pays éligible.",
        OpensAtUtc = now.AddDays(-7),
        ClosesAtUtc = Core.Time.Strasbourg.ToUtc(Core.Time.Strasbourg.ToLocal(now).Date.AddDays(30).AddHours(18)),
        GraceMinutes = 15,
        EligibleCountries = [.. Countries.DefaultEligibleCodes],
        EntryLanguages = [.. EntryLanguages.All],
        Status = CallStatus.Open,
        CreatedAtUtc = now,
        UpdatedAtUtc = now,
    };
}
