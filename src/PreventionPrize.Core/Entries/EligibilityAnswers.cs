namespace PreventionPrize.Core.Entries;

public enum ProjectState { Running, Finished }

/// <summary>The answers given before the form, kept with the entry as the Secretariat's screening evidence.</summary>
public sealed class EligibilityAnswers
{
    /// <summary>At least two people run the project within a formal structure (association, institution, company...).</summary>
    public bool FormalStructure { get; set; }

    /// <summary>Young people under 25 take an active part, not only consulted.</summary>
    public bool YouthActivelyInvolved { get; set; }

    public ProjectState ProjectState { get; set; }

    /// <summary>When a finished project ended; must fall within the call's "recently finished" window.</summary>
    public DateOnly? FinishedOn { get; set; }

    /// <summary>ISO code of the country where the project is located.</summary>
    public string Country { get; set; } = "";
}
