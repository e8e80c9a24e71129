namespace PreventionPrize.Core.Scoring;

/// <summary>One thing the jury judges in a round, with a plain-language description of every score level in both languages.</summary>
public sealed class Criterion
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 2000;

    public int Id { get; set; }
    public int RoundId { get; set; }
    public int Position { get; set; }
    public string NameEn { get; set; } = "";
    public string NameFr { get; set; } = "";
    public string DescriptionEn { get; set; } = "";
    public string DescriptionFr { get; set; } = "";
    /// <summary>Relative weight in the entry's total (the weights of a round need not sum to anything).</summary>
    public int Weight { get; set; } = 1;
    public int ScaleMin { get; set; } = 1;
    public int ScaleMax { get; set; } = 5;
    /// <summary>One description per score level from <see cref="ScaleMin"/> to <see cref="ScaleMax"/>.</summary>
    public List<CriterionLevel> Levels { get; set; } = [];
}

public sealed class CriterionLevel
{
    public int Score { get; set; }
    public string TextEn { get; set; } = "";
    public string TextFr { get; set; } = "";
}
