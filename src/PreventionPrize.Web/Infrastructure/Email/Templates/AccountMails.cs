namespace PreventionPrize.Web.Infrastructure.Email.Templates;

public sealed record ConfirmAccountMail(string LinkPath) : MailModel
{
    public override string Kind => "account.confirm";

    public override MailContent Compose(MailText l) => new(l["Mail.Confirm.Subject", l.Prize],
    [
        new Paragraph(l["Mail.Confirm.Body", l.Prize]),
        new ActionLink(l["Mail.Confirm.Action"], l.Link(LinkPath)),
    ]);
}

public sealed record ResetPasswordMail(string LinkPath) : MailModel
{
    public override string Kind => "account.reset";

    public override MailContent Compose(MailText l) => new(l["Mail.Reset.Subject", l.Prize],
    [
        new Paragraph(l["Mail.Reset.Body", l.Prize]),
        new ActionLink(l["Mail.Reset.Action"], l.Link(LinkPath)),
    ]);
}

public sealed record AlreadyRegisteredMail(string LinkPath) : MailModel
{
    public override string Kind => "account.existing";

    public override MailContent Compose(MailText l) => new(l["Mail.Existing.Subject", l.Prize],
    [
        new Paragraph(l["Mail.Existing.Body", l.Prize]),
        new ActionLink(l["Mail.Existing.Action"], l.Link(LinkPath)),
    ]);
}

/// <summary>To the new address: the change happens only when its owner follows the link.</summary>
public sealed record ChangeEmailMail(string LinkPath) : MailModel
{
    public override string Kind => "account.change-email";

    public override MailContent Compose(MailText l) => new(l["Mail.ChangeEmail.Subject", l.Prize],
    [
        new Paragraph(l["Mail.ChangeEmail.Body", l.Prize]),
        new ActionLink(l["Mail.ChangeEmail.Action"], l.Link(LinkPath)),
    ]);
}

public enum SecurityChange { PasswordChanged, EmailChangeRequested, TwoFactorDisabled, PasskeyAdded, PasskeyRemoved }

/// <summary>To the account's address after a change to how it signs in (ASVS 6.3.7): if it was not its owner, they know.</summary>
public sealed record SecurityNoticeMail(SecurityChange Change, DateTime AtUtc) : MailModel
{
    public override string Kind => "account.security-notice";

    public override MailContent Compose(MailText l) => new(l["Mail.SecurityNotice.Subject", l.Prize],
    [
        new Paragraph(l[$"Mail.SecurityNotice.{Change}", l.Date(AtUtc)]),
        new Paragraph(l["Mail.SecurityNotice.NotYou"]),
        new ActionLink(l["Mail.SecurityNotice.Action"], l.Link("/account/forgot-password")),
    ]);
}
