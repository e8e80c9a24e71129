namespace PreventionPrize.Web.Infrastructure.Email.Templates;

public enum ResultOutcome { Winner, Finalist, NotSelected }

/// <summary>Sent when the embargo is lifted, never before; jury feedback is optional and shown as the jury wrote it.</summary>
public sealed record ResultMail(string CallTitle, string Reference, ResultOutcome Outcome, int? Place, string? JuryFeedback, string EntryPath) : MailModel
{
    public override string Kind => Outcome switch
    {
        ResultOutcome.Winner => "results.winner",
        ResultOutcome.Finalist => "results.finalist",
        _ => "results.notselected",
    };

    public override MailContent Compose(MailText l)
    {
        var (subject, body) = Outcome switch
        {
            ResultOutcome.Winner when Place is { } place => (l["Mail.Result.WinnerSubject", l.Prize], l["Mail.Result.WinnerBody", CallTitle, Reference, place]),
            ResultOutcome.Winner => (l["Mail.Result.WinnerSubject", l.Prize], l["Mail.Result.MentionBody", CallTitle, Reference]),
            ResultOutcome.Finalist => (l["Mail.Result.FinalistSubject", l.Prize], l["Mail.Result.FinalistBody", CallTitle, Reference]),
            _ => (l["Mail.Result.NotSelectedSubject", l.Prize], l["Mail.Result.NotSelectedBody", CallTitle, Reference]),
        };
        List<MailBlock> blocks = [new Paragraph(body)];
        if (!string.IsNullOrWhiteSpace(JuryFeedback)) blocks.Add(new Quote(l["Mail.Result.Feedback"], JuryFeedback));
        blocks.Add(new ActionLink(l["Mail.Result.Action"], l.Link(EntryPath)));
        return new(subject, blocks);
    }
}

/// <summary>A winning project is now public as a model for replication.</summary>
public sealed record PublicationNoticeMail(string CallTitle, string ProjectTitle, string PublicPath) : MailModel
{
    public override string Kind => "results.published";

    public override MailContent Compose(MailText l) => new(l["Mail.Published.Subject", l.Prize, ProjectTitle],
    [
        new Paragraph(l["Mail.Published.Body", ProjectTitle, CallTitle]),
        new ActionLink(l["Mail.Published.Action"], l.Link(PublicPath)),
    ]);
}

/// <summary>Free text from the Secretariat to a group, reviewed before release.</summary>
public sealed record BulkMail(string Subject, string Body) : MailModel
{
    public override string Kind => "bulk.message";

    public override MailContent Compose(MailText l) => new(l["Mail.Bulk.Subject", l.Prize, Subject],
        Body.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => (MailBlock)new Paragraph(p)).ToList());
}
