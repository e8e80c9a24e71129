namespace PreventionPrize.Web.Infrastructure.Email.Templates;

// Jury mails never name an applicant, an organisation or a country: entries are counted, not described.

/// <summary>The link is the invitation: it works once, until <paramref name="ExpiresAtUtc"/>, and a resend replaces it.</summary>
public sealed record JurorInvitationMail(string CallTitle, string InviteeName, DateTime ExpiresAtUtc, string LinkPath) : MailModel
{
    public override string Kind => "jury.invitation";

    public override MailContent Compose(MailText l) => new(l["Mail.JurorInvitation.Subject", l.Prize, CallTitle],
    [
        new Paragraph(l["Mail.JurorInvitation.Greeting", InviteeName]),
        new Paragraph(l["Mail.JurorInvitation.Body", l.Prize, CallTitle]),
        new Paragraph(l["Mail.JurorInvitation.Conflicts"]),
        new ActionLink(l["Mail.JurorInvitation.Action"], l.Link(LinkPath)),
        new Paragraph(l["Mail.JurorInvitation.Expires", l.Date(ExpiresAtUtc)]),
    ]);
}

public sealed record AssignmentsPublishedMail(string CallTitle, string RoundName, int EntryCount, DateTime ScoringDeadlineUtc, string LinkPath) : MailModel
{
    public override string Kind => "jury.assignments";

    public override MailContent Compose(MailText l) => new(l["Mail.Assignments.Subject", l.Prize, RoundName],
    [
        new Paragraph(l["Mail.Assignments.Body", RoundName, CallTitle, EntryCount]),
        new Paragraph(l["Mail.Jury.Deadline", l.Date(ScoringDeadlineUtc)]),
        new ActionLink(l["Mail.Jury.Action"], l.Link(LinkPath)),
    ]);
}

public sealed record ScoringReminderMail(string CallTitle, string RoundName, int Remaining, DateTime ScoringDeadlineUtc, string LinkPath) : MailModel
{
    public override string Kind => "jury.scoringreminder";

    public override MailContent Compose(MailText l) => new(l["Mail.ScoringReminder.Subject", l.Prize, RoundName],
    [
        new Paragraph(l["Mail.ScoringReminder.Body", Remaining, RoundName, CallTitle]),
        new Paragraph(l["Mail.Jury.Deadline", l.Date(ScoringDeadlineUtc)]),
        new ActionLink(l["Mail.Jury.Action"], l.Link(LinkPath)),
    ]);
}

public sealed record RoundClosedMail(string CallTitle, string RoundName) : MailModel
{
    public override string Kind => "jury.roundclosed";

    public override MailContent Compose(MailText l) => new(l["Mail.RoundClosed.Subject", l.Prize, RoundName],
    [
        new Paragraph(l["Mail.RoundClosed.Body", RoundName, CallTitle]),
        new Paragraph(l["Mail.RoundClosed.Thanks"]),
    ]);
}
