using CsCheck;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Members;
using Partnerskap.Domain.Portfolio;

namespace Partnerskap.Domain.Tests.Portfolio;

/// <summary>FIN-3 (in-kind, never invoiced), FIN-4 (grants), FIN-5 (the base budget and the two positions).</summary>
public class BaseFundingTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Fact]
    public void FIN_5_the_base_budget_shows_whether_fees_and_grants_cover_the_two_positions()
    {
        var lines = new[]
        {
            new BudgetAmount(BudgetLineKind.Fees, 3_900_000m, 3_900_000m, null),
            new BudgetAmount(BudgetLineKind.Grant, 500_000m, null, 400_000m),
            new BudgetAmount(BudgetLineKind.Positions, 2_400_000m, 2_000_000m, 2_450_000m),
            new BudgetAmount(BudgetLineKind.Activities, 800_000m, 500_000m, null),
            new BudgetAmount(BudgetLineKind.SmallProjects, 1_000_000m, 0m, null),
        };
        var (budget, actual, expected) = BaseBudget.Summarise(lines);
        Assert.Equal(4_400_000m, budget.Income);
        Assert.Equal(4_200_000m, budget.Cost);
        Assert.Equal(200_000m, budget.Balance);
        Assert.True(budget.CoversPositions);
        Assert.Equal(1_200_000m, budget.RoomForSmallProjects);
        Assert.Equal(3_900_000m, actual.Income);
        Assert.Equal(4_300_000m, expected.Income); // forecast 400,000 replaces the budgeted grant
        Assert.Equal(2_450_000m, expected.Positions);
        Assert.Equal(1_050_000m, expected.RoomForSmallProjects);

        var (thin, _, _) = BaseBudget.Summarise([new(BudgetLineKind.Fees, 1_000_000m, null, null), new(BudgetLineKind.Positions, 2_400_000m, null, null)]);
        Assert.False(thin.CoversPositions);
        Assert.Equal(0m, thin.RoomForSmallProjects);
    }

    [Fact]
    public void FIN_5_negative_amounts_and_lines_without_text_are_refused()
    {
        Assert.Equal("FIN-5", Assert.Throws<RuleViolation>(() => new BaseBudgetLine(1, 2026, BudgetLineKind.Fees, "Kontingent", -1m, null, null)).Rule);
        Assert.Equal("description", Assert.Throws<RuleViolation>(() => new BaseBudgetLine(1, 2026, BudgetLineKind.Fees, " ", 1m, null, null)).Field);
        Assert.Equal("forecast", Assert.Throws<RuleViolation>(() => new BaseBudgetLine(1, 2026, BudgetLineKind.Positions, "Stillinger", 1m, null, -5m)).Field);
    }

    [Fact]
    public void FIN_5_balance_is_income_minus_cost_for_any_lines() =>
        Gen.Select(Gen.Enum<BudgetLineKind>(), Gen.Decimal[0m, 10_000_000m]).Array[0, 20].Sample(raw =>
        {
            var lines = raw.Select(x => new BudgetAmount(x.Item1, Math.Round(x.Item2, 2), null, null)).ToList();
            var (budget, _, _) = BaseBudget.Summarise(lines);
            Assert.Equal(lines.Sum(l => l.Budgeted), budget.Income + budget.Cost);
            Assert.Equal(budget.Income - budget.Cost, budget.Balance);
            Assert.True(budget.RoomForSmallProjects >= 0m);
        });

    [Fact]
    public void FIN_4_a_grant_is_applied_for_granted_and_received_within_its_amounts()
    {
        var g = new Grant(1, "Statsforvalteren i Oslo og Viken", GrantPurpose.BaseFunding, null, 2026, 500_000m, new DateOnly(2026, 3, 1), "Skjønnsmidler");
        Assert.Equal(GrantStatus.Applied, g.Status);
        Assert.Equal("FIN-4", Assert.Throws<RuleViolation>(() => g.RecordReceived(1m)).Rule);
        Assert.Equal("granted", Assert.Throws<RuleViolation>(() => g.RecordAward(600_000m, null, null)).Field);
        g.RecordAward(400_000m, "Rapport innen 1. mars 2027", new DateOnly(2027, 3, 1));
        Assert.Equal(GrantStatus.Granted, g.Status);
        Assert.Equal("received", Assert.Throws<RuleViolation>(() => g.RecordReceived(400_001m)).Field);
        g.RecordReceived(200_000m);
        Assert.Equal(GrantStatus.Received, g.Status);
        Assert.Equal("FIN-4", Assert.Throws<RuleViolation>(() => new Grant(1, "", GrantPurpose.BaseFunding, null, 2026, 1m, Today, null)).Rule);
        Assert.Equal("projectId", Assert.Throws<RuleViolation>(() => new Grant(1, "KS", GrantPurpose.Project, null, 2026, 1m, Today, null)).Field);
        Assert.Equal("applied", Assert.Throws<RuleViolation>(() => new Grant(1, "KS", GrantPurpose.BaseFunding, null, 2026, 0m, Today, null)).Field);
    }

    [Fact]
    public void FIN_4_granted_base_funding_grants_are_base_budget_income_and_project_grants_back_the_plan()
    {
        var base1 = new Grant(1, "Statsforvalteren", GrantPurpose.BaseFunding, null, 2026, 500_000m, Today, null);
        base1.RecordAward(300_000m, null, null);
        base1.RecordReceived(100_000m);
        var pending = new Grant(1, "KS", GrantPurpose.BaseFunding, null, 2026, 200_000m, Today, null);
        var lastYear = new Grant(1, "KS", GrantPurpose.BaseFunding, null, 2025, 200_000m, Today, null);
        lastYear.RecordAward(200_000m, null, null);
        var income = Grants.AsBaseBudgetIncome([base1, pending, lastYear], 2026).ToList();
        Assert.Equal([new BudgetAmount(BudgetLineKind.Grant, 300_000m, 100_000m, null)], income);

        var project = new Project(1, "Felles chatbot", ProjectKind.Project, new Member(1, OrganisationNumber.Parse("920125298"), "Asker kommune", MemberKind.Municipality, new DateOnly(2022, 1, 1)), Today);
        var plan = project.ProposePlan([new FundingSource(FundingSourceKind.Grant, "Statsforvalteren", 400_000m), new FundingSource(FundingSourceKind.BaseFunding, "Grunnfinansiering", 100_000m)], DateTimeOffset.UnixEpoch, "office");
        var projectGrant = new Grant(1, "Statsforvalteren", GrantPurpose.Project, 7, 2026, 400_000m, Today, null);
        Assert.Equal(400_000m, Grants.NotYetGranted(plan, [projectGrant]));
        projectGrant.RecordAward(250_000m, null, null);
        Assert.Equal(150_000m, Grants.NotYetGranted(plan, [projectGrant]));
        Assert.Equal(0m, Grants.NotYetGranted(null, [projectGrant]));
    }

    [Fact]
    public void FIN_3_in_kind_contributions_are_summed_per_member_and_never_invoiced()
    {
        var a = new InKindContribution(1, 1, "920125298", Today, "To saksbehandlere i piloten", 120m, 90_000m);
        var b = new InKindContribution(1, 1, "920125298", Today, "Møterom", null, 5_000m);
        var c = new InKindContribution(1, 2, "935478715", Today, "Prosjektleder 20 %", 300m, 250_000m);
        var totals = InKind.PerMember([a, b, c]);
        Assert.Equal(["935478715", "920125298"], totals.Select(t => t.Orgnr));
        Assert.Equal(new InKind.MemberTotal("920125298", 120m, 95_000m, 2), totals[1]);
        Assert.Equal(0m, InKind.Invoiceable([a, b, c]));
        Assert.Equal("FIN-3", Assert.Throws<RuleViolation>(() => new InKindContribution(1, 1, "920125298", Today, "x", -1m, 0m)).Rule);
        Assert.Equal("value", Assert.Throws<RuleViolation>(() => new InKindContribution(1, 1, "920125298", Today, "x", null, -1m)).Field);
    }

    [Fact]
    public void PUR_5_an_idea_needs_a_member_with_rights_a_recommendation_and_a_board_decision_to_become_a_project()
    {
        var asker = new Member(1, OrganisationNumber.Parse("920125298"), "Asker kommune", MemberKind.Municipality, new DateOnly(2022, 1, 1));
        Assert.Equal("title", Assert.Throws<RuleViolation>(() => new Idea(1, " ", null, asker, "a@test", DateTimeOffset.UnixEpoch, Today)).Field);
        Assert.Equal("MEM-5", Assert.Throws<RuleViolation>(() => new Idea(2, "Idé", null, asker, "a@test", DateTimeOffset.UnixEpoch, Today)).Rule);
        var idea = new Idea(1, " Felles KI-veileder ", "", asker, "a@test", DateTimeOffset.UnixEpoch, Today);
        Assert.Equal(("Felles KI-veileder", (string?)null, IdeaStatus.Submitted), (idea.Title, idea.Description, idea.Status));
        Assert.Equal("PUR-5", Assert.Throws<RuleViolation>(() => idea.BecameProject(7, "2026/1")).Rule);
        idea.Assess(false, "Ikke nå", DateTimeOffset.UnixEpoch);
        Assert.Equal(IdeaStatus.NotRecommended, idea.Status);
        idea.Assess(true, "Flere har behovet", DateTimeOffset.UnixEpoch);
        Assert.Equal("decisionRef", Assert.Throws<RuleViolation>(() => idea.BecameProject(7, " ")).Field);
        idea.BecameProject(7, "2026/1");
        Assert.Equal((IdeaStatus.Project, (int?)7, "2026/1"), (idea.Status, idea.ProjectId, idea.DecisionRef));
        Assert.Throws<RuleViolation>(() => idea.Assess(false, "x", DateTimeOffset.UnixEpoch));
    }
}
