using CsCheck;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Members;

namespace Partnerskap.Domain.Tests.Members;

public class ResignationTests
{
    [Fact]
    public void MEM_3_notice_on_30_june_takes_effect_1_january_next_year() =>
        Assert.Equal(new DateOnly(2026, 1, 1), Resignation.EffectiveFrom(new DateOnly(2025, 6, 30)));

    [Fact]
    public void MEM_3_notice_on_1_july_takes_effect_the_year_after_next() =>
        Assert.Equal(new DateOnly(2027, 1, 1), Resignation.EffectiveFrom(new DateOnly(2025, 7, 1)));

    [Fact]
    public void MEM_3_notice_on_1_january_takes_effect_the_next_year() =>
        Assert.Equal(new DateOnly(2025, 1, 1), Resignation.EffectiveFrom(new DateOnly(2024, 1, 1)));

    [Fact]
    public void MEM_3_notice_on_31_december_takes_effect_the_year_after_next() =>
        Assert.Equal(new DateOnly(2026, 1, 1), Resignation.EffectiveFrom(new DateOnly(2024, 12, 31)));

    [Fact]
    public void MEM_3_late_notice_is_refused_when_the_partnership_policy_says_so() =>
        Assert.Null(Resignation.EffectiveFrom(new DateOnly(2025, 7, 1), LateNoticePolicy.Refused));

    [Fact]
    public void MEM_3_on_time_notice_is_unaffected_by_the_late_notice_policy() =>
        Assert.Equal(new DateOnly(2026, 1, 1), Resignation.EffectiveFrom(new DateOnly(2025, 6, 30), LateNoticePolicy.Refused));

    [Fact]
    public void MEM_3_leap_day_notice_is_on_time() =>
        Assert.Equal(new DateOnly(2025, 1, 1), Resignation.EffectiveFrom(new DateOnly(2024, 2, 29)));

    [Fact]
    public void MEM_3_23_59_on_30_june_Oslo_time_is_on_time()
    {
        // 23:59 CEST (UTC+2) on 30 June is 21:59 UTC.
        var received = new DateTimeOffset(2025, 6, 30, 21, 59, 0, TimeSpan.Zero);
        Assert.Equal(new DateOnly(2026, 1, 1), Resignation.EffectiveFrom(PartnershipTime.OsloDate(received)));
    }

    [Fact]
    public void MEM_3_midnight_starting_1_july_Oslo_time_is_late()
    {
        var received = new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.FromHours(2));
        Assert.Equal(new DateOnly(2027, 1, 1), Resignation.EffectiveFrom(PartnershipTime.OsloDate(received)));
    }

    [Fact]
    public void MEM_3_an_instant_given_in_UTC_that_is_already_1_july_in_Oslo_is_late()
    {
        // 22:30 UTC on 30 June = 00:30 on 1 July in Oslo.
        var received = new DateTimeOffset(2025, 6, 30, 22, 30, 0, TimeSpan.Zero);
        Assert.Equal(new DateOnly(2025, 7, 1), PartnershipTime.OsloDate(received));
        Assert.Equal(new DateOnly(2027, 1, 1), Resignation.EffectiveFrom(PartnershipTime.OsloDate(received)));
    }

    [Fact]
    public void MEM_3_effective_date_is_always_1_january_one_or_two_years_later() =>
        Gen.Date.Where(d => d.Year is > 1900 and < 9000).Sample(dt =>
        {
            var received = DateOnly.FromDateTime(dt);
            var effective = Resignation.EffectiveFrom(received)!.Value;
            var onTime = received <= new DateOnly(received.Year, 6, 30);
            return effective.Month == 1 && effective.Day == 1
                && effective.Year == received.Year + (onTime ? 1 : 2);
        });

    [Fact]
    public void MEM_3_a_later_notice_never_takes_effect_earlier() =>
        Gen.Select(Gen.Int[0, 2_900_000], Gen.Int[0, 800]).Sample((start, gap) =>
        {
            var first = DateOnly.FromDayNumber(700_000 + start);
            var second = first.AddDays(gap);
            return Resignation.EffectiveFrom(first) <= Resignation.EffectiveFrom(second);
        });

    [Theory]
    [InlineData("2026-11-25", "2027-06-30")]
    [InlineData("2026-06-30", "2026-06-30")]
    [InlineData("2026-07-01", "2027-06-30")]
    [InlineData("2026-01-01", "2026-06-30")]
    public void MEM_3_next_notice_deadline(string today, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), Resignation.NextDeadline(DateOnly.Parse(today)));
}
