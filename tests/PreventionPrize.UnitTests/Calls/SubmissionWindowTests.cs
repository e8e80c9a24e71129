using PreventionPrize.Core.Calls;

namespace PreventionPrize.UnitTests.Calls;

public sealed class SubmissionWindowTests
{
    private static readonly DateTime Opens = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Closes = new(2026, 6, 30, 21, 59, 0, DateTimeKind.Utc);

    private static Call OpenCall(int graceMinutes = 15) => new()
    {
        Status = CallStatus.Open,
        OpensAtUtc = Opens,
        ClosesAtUtc = Closes,
        GraceMinutes = graceMinutes,
    };

    [Fact]
    public void An_open_call_is_upcoming_before_it_opens()
    {
        Assert.Equal(WindowState.Upcoming, SubmissionWindow.Evaluate(OpenCall(), Opens.AddTicks(-1)));
        Assert.False(SubmissionWindow.AcceptsSubmissions(OpenCall(), Opens.AddTicks(-1)));
    }

    [Fact]
    public void A_call_is_open_exactly_at_its_opening_instant()
    {
        Assert.Equal(WindowState.Open, SubmissionWindow.Evaluate(OpenCall(), Opens));
        Assert.True(SubmissionWindow.AcceptsSubmissions(OpenCall(), Opens));
    }

    [Fact]
    public void A_call_is_open_until_just_before_its_deadline()
    {
        Assert.Equal(WindowState.Open, SubmissionWindow.Evaluate(OpenCall(), Closes.AddTicks(-1)));
    }

    [Fact]
    public void A_call_with_grace_is_in_grace_exactly_at_its_deadline()
    {
        Assert.Equal(WindowState.Grace, SubmissionWindow.Evaluate(OpenCall(graceMinutes: 15), Closes));
    }

    [Fact]
    public void A_call_accepts_entries_during_its_grace_period()
    {
        var call = OpenCall(graceMinutes: 15);
        var lastTick = Closes.AddMinutes(15).AddTicks(-1);

        Assert.Equal(WindowState.Grace, SubmissionWindow.Evaluate(call, lastTick));
        Assert.True(SubmissionWindow.AcceptsSubmissions(call, lastTick));
    }

    [Fact]
    public void A_call_is_closed_exactly_when_its_grace_period_ends()
    {
        var call = OpenCall(graceMinutes: 15);

        Assert.Equal(WindowState.Closed, SubmissionWindow.Evaluate(call, Closes.AddMinutes(15)));
        Assert.False(SubmissionWindow.AcceptsSubmissions(call, Closes.AddMinutes(15)));
    }

    [Fact]
    public void A_call_without_grace_is_closed_exactly_at_its_deadline()
    {
        var call = OpenCall(graceMinutes: 0);

        Assert.Equal(WindowState.Closed, SubmissionWindow.Evaluate(call, Closes));
        Assert.False(SubmissionWindow.AcceptsSubmissions(call, Closes));
    }

    [Fact]
    public void A_call_without_grace_is_still_open_one_tick_before_its_deadline()
    {
        Assert.Equal(WindowState.Open, SubmissionWindow.Evaluate(OpenCall(graceMinutes: 0), Closes.AddTicks(-1)));
    }

    private static readonly DateTime[] Clocks =
        [Opens.AddDays(-30), Opens, Opens.AddDays(10), Closes, Closes.AddMinutes(5), Closes.AddDays(30)];

    public static TheoryData<DateTime> AnyClock() => new(Clocks);

    [Theory]
    [MemberData(nameof(AnyClock))]
    public void A_draft_call_accepts_nothing_whatever_the_clock(DateTime now)
    {
        var call = OpenCall();
        call.Status = CallStatus.Draft;

        Assert.Equal(WindowState.NotAccepting, SubmissionWindow.Evaluate(call, now));
        Assert.False(SubmissionWindow.AcceptsSubmissions(call, now));
    }

    public static TheoryData<CallStatus, DateTime> PastSubmissionStatusesAtAnyClock()
    {
        var data = new TheoryData<CallStatus, DateTime>();
        foreach (var status in Enum.GetValues<CallStatus>().Where(s => s is not (CallStatus.Draft or CallStatus.Open)))
        foreach (var now in Clocks)
            data.Add(status, now);
        return data;
    }

    [Theory]
    [MemberData(nameof(PastSubmissionStatusesAtAnyClock))]
    public void A_call_past_its_submission_stage_is_closed_whatever_the_clock(CallStatus status, DateTime now)
    {
        var call = OpenCall();
        call.Status = status;

        Assert.Equal(WindowState.Closed, SubmissionWindow.Evaluate(call, now));
        Assert.False(SubmissionWindow.AcceptsSubmissions(call, now));
    }
}
