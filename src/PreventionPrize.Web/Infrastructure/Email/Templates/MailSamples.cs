namespace PreventionPrize.Web.Infrastructure.Email.Templates;

/// <summary>Every template of the catalogue with made-up data, for the Secretariat's preview and the tests.</summary>
public static class MailSamples
{
    public static IReadOnlyList<MailModel> All(string language, DateTime nowUtc)
    {
        var fr = language == "fr";
        var call = fr ? "Prix de la prévention numérique 2027" : "Digital Prevention Prize 2027";
        var round = fr ? "Premier tour" : "First round";
        var deadline = nowUtc.Date.AddDays(10).AddHours(22);
        const string entry = "/entries/DPP-2027-0042";
        const string scoring = "/jury";
        var feedback = fr
            ? "Le jury a apprécié la place donnée aux jeunes dans la conception.\nL'évaluation pourrait être plus détaillée."
            : "The jury liked how young people shaped the design.\nThe evaluation could say more about outcomes.";
        return
        [
            new ConfirmAccountMail("/account/confirm?userId=sample&code=sample"),
            new ResetPasswordMail("/account/reset-password?email=sample%40example.org&code=sample"),
            new AlreadyRegisteredMail("/account/forgot-password"),
            new ChangeEmailMail("/account/confirm-email-change?userId=sample&email=new%40example.org&code=sample"),
            new SecurityNoticeMail(SecurityChange.PasswordChanged, nowUtc),
            new DraftReminderMail(call, deadline, entry),
            new SubmissionReceiptMail(call, "DPP-2027-0042", nowUtc, deadline,
            [
                new(fr ? "Titre du projet" : "Project title", fr ? "Jouer sans se perdre" : "Play without getting lost"),
                new(fr ? "Résumé" : "Summary", fr ? "Des lycéens conçoivent un jeu sur le temps d'écran." : "Secondary-school pupils design a game about screen time."),
                new(fr ? "Jeunes impliqués" : "Young people involved", "24"),
            ], entry),
            new WithdrawalMail(call, "DPP-2027-0042", nowUtc),
            new EligibilityOutcomeMail(call, "DPP-2027-0042", Eligible: true, null, entry),
            new EligibilityOutcomeMail(call, "DPP-2027-0043", Eligible: false,
                fr ? "Le projet s'est terminé il y a plus de deux ans." : "The project ended more than two years ago.", entry),
            new JurorInvitationMail(call, "Marie Dupont", deadline, "/jury/invitations/sample"),
            new AssignmentsPublishedMail(call, round, 12, deadline, scoring),
            new ScoringReminderMail(call, round, 3, deadline, scoring),
            new RoundClosedMail(call, round),
            new ResultMail(call, "DPP-2027-0042", ResultOutcome.Winner, 1, feedback, entry),
            new ResultMail(call, "DPP-2027-0042", ResultOutcome.Finalist, null, feedback, entry),
            new ResultMail(call, "DPP-2027-0042", ResultOutcome.NotSelected, null, null, entry),
            new PublicationNoticeMail(call, fr ? "Jouer sans se perdre" : "Play without getting lost", "/winners/DPP-2027-0042"),
            new BulkMail(fr ? "La cérémonie aura lieu le 12 mai" : "The ceremony is on 12 May",
                fr ? "Bonjour,\n\nLa cérémonie de remise des prix aura lieu à Strasbourg.\n\nLe Secrétariat"
                   : "Hello,\n\nThe award ceremony will take place in Strasbourg.\n\nThe Secretariat"),
        ];
    }

    /// <summary>The distinct template keys, in catalogue order.</summary>
    public static IReadOnlyList<string> Kinds { get; } = All("en", DateTime.UnixEpoch).Select(m => m.Kind).Distinct().ToList();

    public static MailModel? Find(string kind, string language, DateTime nowUtc) => All(language, nowUtc).FirstOrDefault(m => m.Kind == kind);
}
