namespace PreventionPrize.Web.Infrastructure.Email.Templates;

/// <summary>To an applicant whose draft is not submitted yet, some hours before the deadline.</summary>
public sealed record DraftReminderMail(string CallTitle, DateTime DeadlineUtc, string EntryPath) : MailModel
{
    public override string Kind => "entry.draftreminder";

    public override MailContent Compose(MailText l) => new(l["Mail.DraftReminder.Subject", l.Prize, CallTitle],
    [
        new Paragraph(l["Mail.DraftReminder.Body", CallTitle, l.Date(DeadlineUtc)]),
        new ActionLink(l["Mail.DraftReminder.Action"], l.Link(EntryPath)),
    ]);
}

/// <summary>The receipt for a submission, with a copy of what was submitted: the applicant's evidence.</summary>
public sealed record SubmissionReceiptMail(string CallTitle, string Reference, DateTime SubmittedAtUtc, DateTime DeadlineUtc,
    IReadOnlyList<KeyValuePair<string, string>> Answers, string EntryPath) : MailModel
{
    public override string Kind => "entry.receipt";

    public override MailContent Compose(MailText l) => new(l["Mail.Receipt.Subject", l.Prize, Reference],
    [
        new Paragraph(l["Mail.Receipt.Body", CallTitle, Reference, l.Date(SubmittedAtUtc)]),
        new Paragraph(l["Mail.Receipt.Editable", l.Date(DeadlineUtc)]),
        new ActionLink(l["Mail.Receipt.Action"], l.Link(EntryPath)),
        new FieldList(l["Mail.Receipt.Copy"], Answers),
    ]);
}

public sealed record WithdrawalMail(string CallTitle, string Reference, DateTime WithdrawnAtUtc) : MailModel
{
    public override string Kind => "entry.withdrawn";

    public override MailContent Compose(MailText l) => new(l["Mail.Withdrawn.Subject", l.Prize, Reference],
    [
        new Paragraph(l["Mail.Withdrawn.Body", CallTitle, Reference, l.Date(WithdrawnAtUtc)]),
        new Paragraph(l["Mail.Withdrawn.Mistake"]),
    ]);
}

/// <summary>The Secretariat's screening result, with its reasons when the entry is not eligible.</summary>
public sealed record EligibilityOutcomeMail(string CallTitle, string Reference, bool Eligible, string? Reasons, string EntryPath) : MailModel
{
    public override string Kind => Eligible ? "entry.eligible" : "entry.ineligible";

    public override MailContent Compose(MailText l)
    {
        List<MailBlock> blocks = Eligible
            ? [new Paragraph(l["Mail.Eligibility.Eligible", CallTitle, Reference]), new Paragraph(l["Mail.Eligibility.Next"])]
            : [new Paragraph(l["Mail.Eligibility.Ineligible", CallTitle, Reference])];
        // Reasons for a refusal; for an eligible entry the Secretariat's note, if it wrote one.
        if (!string.IsNullOrWhiteSpace(Reasons)) blocks.Add(new Quote(l[Eligible ? "Mail.Eligibility.Note" : "Mail.Eligibility.Reasons"], Reasons));
        blocks.Add(new ActionLink(l["Mail.Eligibility.Action"], l.Link(EntryPath)));
        return new(l[Eligible ? "Mail.Eligibility.SubjectEligible" : "Mail.Eligibility.SubjectIneligible", l.Prize, Reference], blocks);
    }
}
