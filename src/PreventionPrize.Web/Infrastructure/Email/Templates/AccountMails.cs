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
