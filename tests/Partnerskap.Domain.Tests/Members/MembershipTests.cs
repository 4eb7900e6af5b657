using Partnerskap.Domain.Members;

namespace Partnerskap.Domain.Tests.Members;

public class MembershipTests
{
    private static readonly DateOnly Joined = new(2022, 1, 1);

    [Fact]
    public void MEM_2_not_a_member_before_the_start_date() =>
        Assert.Null(Membership.StatusOn(Joined, (DateOnly?)null, (DateOnly?)null, new DateOnly(2021, 12, 31)));

    [Fact]
    public void MEM_2_a_member_from_the_start_date() =>
        Assert.Equal(MembershipStatus.Member, Membership.StatusOn(Joined, (DateOnly?)null, (DateOnly?)null, Joined));

    [Fact]
    public void MEM_5_notice_given_on_the_day_before_the_effective_date_still_has_rights()
    {
        var received = new DateOnly(2025, 3, 1);
        var exit = Resignation.EffectiveFrom(received)!.Value;
        var dayBefore = exit.AddDays(-1);
        Assert.Equal(MembershipStatus.NoticeGiven, Membership.StatusOn(Joined, received, exit, dayBefore));
        Assert.True(Membership.HasRightsOn(Joined, received, exit, dayBefore));
    }

    [Fact]
    public void MEM_5_exited_on_the_effective_date_has_no_rights()
    {
        var received = new DateOnly(2025, 3, 1);
        var exit = Resignation.EffectiveFrom(received)!.Value;
        Assert.Equal(MembershipStatus.Exited, Membership.StatusOn(Joined, received, exit, exit));
        Assert.False(Membership.HasRightsOn(Joined, received, exit, exit));
    }

    [Fact]
    public void MEM_5_before_the_notice_arrived_the_status_is_member() =>
        Assert.Equal(MembershipStatus.Member,
            Membership.StatusOn(Joined, new DateOnly(2025, 3, 1), new DateOnly(2026, 1, 1), new DateOnly(2025, 2, 28)));

    [Fact]
    public void MEM_1_a_municipality_keeps_the_history_of_its_numbers()
    {
        var baerum = new Member(1, OrganisationNumber.Parse("935478715"), "Bærum", MemberKind.Municipality, Joined);
        baerum.AddMunicipalityNumber(MunicipalityNumber.Parse("3024"), new DateOnly(2020, 1, 1));
        baerum.AddMunicipalityNumber(MunicipalityNumber.Parse("3201"), new DateOnly(2024, 1, 1));

        Assert.Equal("3024", baerum.MunicipalityNumberOn(new DateOnly(2023, 12, 31)));
        Assert.Equal("3201", baerum.MunicipalityNumberOn(new DateOnly(2024, 1, 1)));
        Assert.Equal(new DateOnly(2023, 12, 31), baerum.MunicipalityNumbers[0].ValidTo);
    }

    [Fact]
    public void MEM_1_a_county_has_no_municipality_number()
    {
        var county = new Member(1, OrganisationNumber.Parse("921693230"), "Viken fylkeskommune", MemberKind.County, Joined);
        Assert.Throws<InvalidOperationException>(() => county.AddMunicipalityNumber(MunicipalityNumber.Parse("3024"), Joined));
        Assert.Null(county.MunicipalityNumberOn(Joined));
    }
}
