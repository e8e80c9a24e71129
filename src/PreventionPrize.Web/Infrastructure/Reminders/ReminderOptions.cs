namespace PreventionPrize.Web.Infrastructure.Reminders;

/// <summary>The <c>Reminders</c> configuration section.</summary>
public sealed class ReminderOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>How many hours before a deadline an applicant with an unsubmitted draft is reminded, once per step.</summary>
    public int[] DraftHoursBeforeDeadline { get; set; } = [72, 24];

    public int PollMinutes { get; set; } = 10;
}
