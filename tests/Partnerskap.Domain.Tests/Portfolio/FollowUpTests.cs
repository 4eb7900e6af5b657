using CsCheck;
using Partnerskap.Domain.Benefits;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Members;
using Partnerskap.Domain.Portfolio;

namespace Partnerskap.Domain.Tests.Portfolio;

/// <summary>Following a project up (PUR-5): status reports and the risk list; FIN-8 values are never negative.</summary>
public class FollowUpTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void PUR_5_a_status_report_needs_progress_and_a_date_that_has_come()
    {
        var r = new StatusReport(1, new DateOnly(2026, 11, 25), OverallStatus.Yellow, " Forsinket ", " ", Now, "office@test.local");
        Assert.Equal("Forsinket", r.Progress);
        Assert.Null(r.NextSteps);
        Assert.Equal(Now, r.PublishedAt);
        Assert.Equal("progress", Assert.Throws<RuleViolation>(() => new StatusReport(1, new DateOnly(2026, 11, 25), OverallStatus.Red, "", null, Now, "x")).Field);
        Assert.Equal("date", Assert.Throws<RuleViolation>(() => new StatusReport(1, new DateOnly(2026, 11, 26), OverallStatus.Red, "X", null, Now, "x")).Field);
    }

    [Theory]
    [InlineData(0, 3, "probability")]
    [InlineData(6, 3, "probability")]
    [InlineData(-1, 3, "probability")]
    [InlineData(3, 0, "consequence")]
    [InlineData(3, null, "consequence")]
    public void PUR_5_probability_and_consequence_are_1_to_5(int? probability, int? consequence, string field) =>
        Assert.Equal(field, Assert.Throws<RuleViolation>(() => new ProjectRisk(1, "Risiko", probability, consequence, "Kari", null, Now)).Field);

    [Fact]
    public void PUR_5_the_risk_list_has_open_risks_first_by_score_and_a_risk_closes_once()
    {
        Gen.Select(Gen.Int[1, 5], Gen.Int[1, 5], Gen.Bool).Array[0, 30].Sample(items =>
        {
            var risks = items.Select(x =>
            {
                var r = new ProjectRisk(1, "R", x.Item1, x.Item2, "Eier", null, Now);
                if (x.Item3)
                {
                    r.Close(Now);
                }

                return r;
            }).ToList();
            var sorted = ProjectRisk.Sorted(risks);
            Assert.Equal(risks.Count, sorted.Count);
            Assert.All(sorted, r => Assert.Equal(r.Probability * r.Consequence, r.Score));
            Assert.All(sorted, r => Assert.InRange(r.Score, 1, 25));
            for (var i = 1; i < sorted.Count; i++)
            {
                var (a, b) = (sorted[i - 1], sorted[i]);
                Assert.True(a.Status < b.Status || (a.Status == b.Status && a.Score >= b.Score), "open first, then by score");
            }
        });

        var risk = new ProjectRisk(1, "R", 2, 2, "Eier", null, Now);
        risk.Close(Now);
        Assert.Equal(ViolationKind.Conflict, Assert.Throws<RuleViolation>(() => risk.Close(Now)).Kind);
    }

    [Fact]
    public void FIN_8_baseline_target_and_measurements_are_not_negative()
    {
        var asker = new Member(1, OrganisationNumber.Parse("920125298"), "Asker kommune", MemberKind.Municipality, new DateOnly(2022, 1, 1));
        var p = new Project(1, "Felles saksbehandling", ProjectKind.Project, asker, new DateOnly(2026, 11, 25));
        p.AddParticipant(asker, new DateOnly(2026, 11, 25));
        Assert.Equal("baseline", Assert.Throws<RuleViolation>(() => new Benefit(p, "920125298", "Kari", null, "Saker", null, -1m, 1m)).Field);
        Assert.Equal("target", Assert.Throws<RuleViolation>(() => new Benefit(p, "920125298", "Kari", null, "Saker", null, 1m, -1m)).Field);
        var b = new Benefit(p, "920125298", "Kari", null, "Saker", null, 0m, 10m);
        var refused = Assert.Throws<RuleViolation>(() => b.Report(new DateOnly(2026, 6, 30), -0.5m, "kari", Now));
        Assert.Equal(("value", "FIN-8"), (refused.Field, refused.Rule));
        Assert.Empty(b.Measurements);
    }
}
