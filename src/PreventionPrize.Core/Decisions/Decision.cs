namespace PreventionPrize.Core.Decisions;

/// <summary>
/// The outcome of one entry with the jury's rationale. Pending — invisible to applicants, jurors and the public —
/// until the call's release instant (<see cref="Embargo"/>).
/// </summary>
public sealed class Decision
{
    public const int RationaleMaxLength = 4000;

    public int Id { get; set; }
    public int CallId { get; set; }
    public int EntryId { get; set; }
    public Outcome Outcome { get; set; }
    public string Rationale { get; set; } = "";
    public DateTime DecidedAtUtc { get; set; }
    public string? DecidedById { get; set; }
    public int Version { get; set; }
}

public enum Outcome { FirstPrize, SecondPrize, ThirdPrize, SpecialMention, Finalist, NotSelected }

public static class Outcomes
{
    public static bool IsPrize(this Outcome outcome) => outcome is Outcome.FirstPrize or Outcome.SecondPrize or Outcome.ThirdPrize or Outcome.SpecialMention;

    public static int? Place(this Outcome outcome) => outcome switch
    {
        Outcome.FirstPrize => 1,
        Outcome.SecondPrize => 2,
        Outcome.ThirdPrize => 3,
        _ => null,
    };
}
