using Partnerskap.Domain.Common;
using Partnerskap.Domain.Decisions;
using Partnerskap.Domain.Partnerships;

namespace Partnerskap.Domain.Tests.Partnerships;

public class DissolutionTests
{
    private static readonly DateOnly Decided = new(2027, 4, 20);

    [Fact]
    public void MEM_6_the_annual_meeting_records_a_dissolution_with_the_date_it_takes_effect()
    {
        Assert.Equal(new DateOnly(2027, 12, 31), Dissolution.EffectiveOn(DecisionBody.AnnualMeeting, Decided, "effectiveOn=2027-12-31"));
        Assert.Equal(Decided, Dissolution.EffectiveOn(DecisionBody.AnnualMeeting, Decided, " effectiveOn=2027-04-20 "));
    }

    [Fact]
    public void MEM_6_the_board_cannot_dissolve_the_partnership()
    {
        var ex = Assert.Throws<RuleViolation>(() => Dissolution.EffectiveOn(DecisionBody.Board, Decided, "effectiveOn=2027-12-31"));
        Assert.Equal(("MEM-6", ViolationKind.Forbidden), (ex.Rule, ex.Kind));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2027-12-31")]
    [InlineData("effectiveOn=31.12.2027")]
    [InlineData("effectiveOn=2027-04-19")]
    public void MEM_6_a_dissolution_needs_a_date_not_before_the_decision(string? target)
    {
        var ex = Assert.Throws<RuleViolation>(() => Dissolution.EffectiveOn(DecisionBody.AnnualMeeting, Decided, target));
        Assert.Equal(("MEM-6", "effectTarget"), (ex.Rule, ex.Field));
    }
}
