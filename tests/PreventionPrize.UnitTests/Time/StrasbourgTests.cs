using System.Globalization;
using PreventionPrize.Core.Time;

namespace PreventionPrize.UnitTests.Time;

public sealed class StrasbourgTests
{
    private static DateTime Utc(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static DateTime Local(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);

    [Fact]
    public void Winter_time_is_one_hour_ahead_of_UTC()
    {
        Assert.Equal(Local(2026, 1, 15, 13, 0), Strasbourg.ToLocal(Utc(2026, 1, 15, 12, 0)));
        Assert.Equal(Utc(2026, 1, 15, 12, 0), Strasbourg.ToUtc(Local(2026, 1, 15, 13, 0)));
    }

    [Fact]
    public void Summer_time_is_two_hours_ahead_of_UTC()
    {
        Assert.Equal(Local(2026, 7, 1, 14, 0), Strasbourg.ToLocal(Utc(2026, 7, 1, 12, 0)));
        Assert.Equal(Utc(2026, 7, 1, 12, 0), Strasbourg.ToUtc(Local(2026, 7, 1, 14, 0)));
    }

    [Fact]
    public void A_deadline_typed_just_before_midnight_in_summer_is_stored_on_the_same_UTC_day()
    {
        Assert.Equal(Utc(2026, 6, 30, 21, 59), Strasbourg.ToUtc(Local(2026, 6, 30, 23, 59)));
    }

    [Fact]
    public void ToUtc_returns_a_UTC_kind_so_it_compares_and_stores_as_UTC()
    {
        Assert.Equal(DateTimeKind.Utc, Strasbourg.ToUtc(Local(2026, 1, 15, 13, 0)).Kind);
        Assert.Equal(DateTimeKind.Utc, Strasbourg.ToUtc(Local(2026, 10, 25, 2, 30)).Kind);
    }

    [Fact]
    public void The_repeated_autumn_hour_is_read_as_summer_time()
    {
        // 2026-10-25 02:30 happens twice in Strasbourg: first at 00:30 UTC (CEST), then at 01:30 UTC (CET).
        Assert.Equal(Utc(2026, 10, 25, 0, 30), Strasbourg.ToUtc(Local(2026, 10, 25, 2, 30)));
    }

    [Fact]
    public void The_hour_after_the_autumn_change_is_winter_time()
    {
        Assert.Equal(Utc(2026, 10, 25, 2, 0), Strasbourg.ToUtc(Local(2026, 10, 25, 3, 0)));
    }

    [Fact]
    public void A_time_skipped_in_spring_moves_forward_by_the_gap()
    {
        // 2026-03-29 02:30 does not exist in Strasbourg: clocks jump from 02:00 CET to 03:00 CEST.
        Assert.Equal(Utc(2026, 3, 29, 1, 30), Strasbourg.ToUtc(Local(2026, 3, 29, 2, 30)));
    }

    [Fact]
    public void Both_utc_instants_of_the_repeated_autumn_hour_show_the_same_wall_clock_time()
    {
        Assert.Equal(Local(2026, 10, 25, 2, 30), Strasbourg.ToLocal(Utc(2026, 10, 25, 0, 30)));
        Assert.Equal(Local(2026, 10, 25, 2, 30), Strasbourg.ToLocal(Utc(2026, 10, 25, 1, 30)));
    }

    [Fact]
    public void The_zone_label_names_winter_time_and_its_offset()
    {
        Assert.Equal("CET, UTC+01:00", Strasbourg.ZoneLabel(Utc(2026, 1, 15, 12, 0)));
    }

    [Fact]
    public void The_zone_label_names_summer_time_and_its_offset()
    {
        Assert.Equal("CEST, UTC+02:00", Strasbourg.ZoneLabel(Utc(2026, 7, 1, 12, 0)));
    }

    [Fact]
    public void The_zone_label_changes_at_the_instant_of_the_autumn_change()
    {
        Assert.Equal("CEST, UTC+02:00", Strasbourg.ZoneLabel(Utc(2026, 10, 25, 0, 59)));
        Assert.Equal("CET, UTC+01:00", Strasbourg.ZoneLabel(Utc(2026, 10, 25, 1, 0)));
    }

    [Fact]
    public void Format_shows_the_local_time_in_the_readers_culture_and_names_the_zone_in_English()
    {
        var text = Strasbourg.Format(Utc(2026, 1, 15, 10, 0), CultureInfo.GetCultureInfo("en-GB"));

        Assert.Contains("15 January 2026", text);
        Assert.Contains("11:00", text);
        Assert.EndsWith("(CET, UTC+01:00)", text);
    }

    [Fact]
    public void Format_shows_the_local_time_in_the_readers_culture_and_names_the_zone_in_French()
    {
        var text = Strasbourg.Format(Utc(2026, 7, 1, 10, 0), CultureInfo.GetCultureInfo("fr-FR"));

        Assert.Contains("1 juillet 2026", text);
        Assert.Contains("12:00", text);
        Assert.EndsWith("(CEST, UTC+02:00)", text);
    }
}
