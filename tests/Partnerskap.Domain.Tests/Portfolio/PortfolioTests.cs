using CsCheck;
using Partnerskap.Domain.Benefits;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Members;
using Partnerskap.Domain.Portfolio;

namespace Partnerskap.Domain.Tests.Portfolio;

public class PortfolioTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static Member Asker() => new(1, OrganisationNumber.Parse("920125298"), "Asker kommune", MemberKind.Municipality, new DateOnly(2022, 1, 1));

    private static Member Baerum() => new(1, OrganisationNumber.Parse("935478715"), "Bærum kommune", MemberKind.Municipality, new DateOnly(2022, 1, 1));

    private static Member Exited()
    {
        var m = new Member(1, OrganisationNumber.Parse("921693230"), "Viken fylkeskommune", MemberKind.County, new DateOnly(2022, 1, 1));
        m.GiveNotice(new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero), new DateOnly(2024, 3, 1), 1, LateNoticePolicy.EffectiveYearAfterNext, "office", Now);
        return m; // exit 1 January 2025
    }

    private static Project NewProject(decimal? approved = null)
    {
        var p = new Project(1, "Felles saksbehandling", ProjectKind.Project, Asker(), Today);
        p.AddParticipant(Asker(), Today);
        p.AddParticipant(Baerum(), Today);
        if (approved is { } a)
        {
            p.ProposePlan([new FundingSource(FundingSourceKind.BaseFunding, "Grunnfinansiering", a)], Now, "office");
            p.ApprovePlan(1, "PS-2026/001", Today);
        }

        return p;
    }

    [Fact]
    public void MEM_5_a_member_without_rights_cannot_join_a_project()
    {
        var ex = Assert.Throws<RuleViolation>(() => NewProject().AddParticipant(Exited(), Today));
        Assert.Equal("MEM-5", ex.Rule);
        Assert.Equal(ViolationKind.Conflict, ex.Kind);
    }

    [Fact]
    public void MEM_5_a_member_who_had_rights_on_an_earlier_date_could_join_then() =>
        Assert.Equal("921693230", NewProject().AddParticipant(Exited(), new DateOnly(2024, 6, 1)).Orgnr);

    [Fact]
    public void MEM_5_an_exited_member_cannot_own_a_new_project() =>
        Assert.Equal("MEM-5", Assert.Throws<RuleViolation>(() => new Project(1, "X", ProjectKind.Procurement, Exited(), Today)).Rule);

    [Fact]
    public void PUR_5_phases_follow_prosjektveiviseren_with_a_board_gate_each()
    {
        var p = NewProject();
        Assert.Equal(ProjectPhase.Idea, p.Phase);
        Assert.Equal("PUR-5", Assert.Throws<RuleViolation>(() => p.AdvancePhase(" ", Today)).Rule);
        p.AdvancePhase("PS-2026/002", Today);
        p.AdvancePhase("PS-2026/003", Today);
        Assert.Equal(ProjectPhase.Planning, p.Phase);
        // FIN-7: execution only with an approved financing plan.
        Assert.Equal("FIN-7", Assert.Throws<RuleViolation>(() => p.AdvancePhase("PS-2026/004", Today)).Rule);
        p.ProposePlan([new FundingSource(FundingSourceKind.Grant, "Skjønnsmidler", 100_000m)], Now, "office");
        p.ApprovePlan(1, "PS-2026/005", Today);
        p.AdvancePhase("PS-2026/006", Today);
        p.AdvancePhase("PS-2026/007", Today);
        Assert.Equal(ProjectPhase.Conclusion, p.Phase);
        Assert.Equal(4, p.Gates.Count);
        Assert.Throws<RuleViolation>(() => p.AdvancePhase("PS-2026/008", Today));
    }

    [Fact]
    public void FIN_7_a_plan_is_proposed_then_approved_by_a_board_decision_and_becomes_the_limit()
    {
        var p = NewProject();
        var plan = p.ProposePlan(
            [
                new FundingSource(FundingSourceKind.BaseFunding, "Grunnfinansiering 2026", 200_000m),
                new FundingSource(FundingSourceKind.Grant, "Skjønnsmidler fra Statsforvalteren", 300_000m),
            ],
            Now,
            "office");
        Assert.Equal(FinancingPlanStatus.Proposed, plan.Status);
        Assert.Null(p.ApprovedFinancing);
        Assert.Equal("FIN-7", Assert.Throws<RuleViolation>(() => p.ApprovePlan(1, null, Today)).Rule);

        p.ApprovePlan(1, "PS-2026/010", Today);
        Assert.Equal(500_000m, p.ApprovedFinancing);
        Assert.Equal("PS-2026/010", plan.DecisionRef);
    }

    [Fact]
    public void FIN_7_a_newer_approved_version_supersedes_the_old_one()
    {
        var p = NewProject(approved: 100_000m);
        p.ProposePlan([new FundingSource(FundingSourceKind.BaseFunding, "Grunnfinansiering", 150_000m)], Now, "office");
        p.ApprovePlan(2, "PS-2026/011", Today);
        Assert.Equal(150_000m, p.ApprovedFinancing);
        Assert.Equal(FinancingPlanStatus.Superseded, p.Plans[0].Status);
        Assert.Equal("FIN-7", Assert.Throws<RuleViolation>(() => p.ApprovePlan(2, "PS-2026/012", Today)).Rule);
    }

    [Fact]
    public void FIN_7_sources_that_do_not_add_up_are_refused()
    {
        var p = NewProject();
        var ex = Assert.Throws<RuleViolation>(() => p.ProposePlan(
            [new FundingSource(FundingSourceKind.Grant, "Tilskudd", 100m), new FundingSource(FundingSourceKind.Other, "Annet", 50m)], Now, "office", statedTotal: 200m));
        Assert.Equal(("FIN-7", "total"), (ex.Rule, ex.Field));

        ex = Assert.Throws<RuleViolation>(() => p.ProposePlan(
            [new FundingSource(FundingSourceKind.MemberContribution, "Bidrag", 100m, CostSharingKey.Custom, [new MemberShare("920125298", 60m), new MemberShare("935478715", 30m)])],
            Now,
            "office"));
        Assert.Equal(("FIN-7", "sources[0].shares"), (ex.Rule, ex.Field));

        ex = Assert.Throws<RuleViolation>(() => p.ProposePlan(
            [new FundingSource(FundingSourceKind.MemberContribution, "Bidrag", 100m, CostSharingKey.Custom, [new MemberShare("959159092", 100m)])], Now, "office"));
        Assert.Contains("959159092", ex.Message, StringComparison.Ordinal);

        Assert.Equal("sources[0].amount", Assert.Throws<RuleViolation>(() => p.ProposePlan([new FundingSource(FundingSourceKind.Grant, "Minus", -5m)], Now, "office")).Field);
        Assert.Equal("sources", Assert.Throws<RuleViolation>(() => p.ProposePlan([], Now, "office")).Field);
        Assert.Empty(p.Plans);
    }

    [Fact]
    public void FIN_7_cost_sharing_shares_always_add_up_to_the_contribution() =>
        Gen.Select(Gen.Int[0, 50_000_000], Gen.Int[1, 700_000].Array[1, 60])
            .Sample((amount, populations) =>
            {
                var weights = populations.Select((pop, i) => ($"{i:D9}", (decimal)pop)).ToList();
                var shares = CostSharing.Split(amount, weights);
                Assert.Equal((decimal)amount, shares.Sum(s => s.Amount));
                Assert.All(shares, s => Assert.True(s.Amount >= 0 && s.Amount == decimal.Floor(s.Amount)));
                // No share is more than one krone from the exact per-capita share.
                var total = populations.Sum(x => (decimal)x);
                Assert.All(shares.Zip(populations), z => Assert.True(Math.Abs(z.First.Amount - ((decimal)amount * z.Second / total)) < 1m));
            });

    [Fact]
    public void FIN_9_expenditure_beyond_approved_financing_is_refused()
    {
        var p = NewProject(approved: 100_000m);
        p.Spend(Today, 60_000m, "Konsulent", Now, "office");
        var ex = Assert.Throws<DeficitException>(() => p.Spend(Today, 40_000.01m, "Lisenser", Now, "office"));
        Assert.Contains("100,000.00", ex.Message, StringComparison.Ordinal);
        Assert.Equal(60_000m, p.Spent);
        p.Spend(Today, 40_000m, "Lisenser", Now, "office"); // exactly up to the limit is fine
        Assert.Equal(100_000m, p.Spent);
    }

    [Fact]
    public void FIN_9_no_spending_before_a_plan_is_approved() =>
        Assert.Equal("FIN-7", Assert.Throws<RuleViolation>(() => NewProject().Spend(Today, 1m, "x", Now, "office")).Rule);

    [Fact]
    public void FIN_9_negative_and_zero_expenditures_are_refused()
    {
        var p = NewProject(approved: 100m);
        Assert.Equal("amount", Assert.Throws<RuleViolation>(() => p.Spend(Today, -1m, "x", Now, "o")).Field);
        Assert.Equal("amount", Assert.Throws<RuleViolation>(() => p.Spend(Today, 0m, "x", Now, "o")).Field);
    }

    [Fact]
    public void FIN_9_guard_never_lets_spending_pass_the_approved_financing() =>
        Gen.Select(Gen.Int[1, 10_000_000], Gen.Int[1, 2_000_000].Array[0, 40])
            .Sample((limit, amounts) =>
            {
                decimal spent = 0;
                foreach (var a in amounts)
                {
                    if (DeficitGuard.CheckSpend(limit, spent, a) == SpendVerdict.Allowed)
                    {
                        spent += a;
                    }
                    else
                    {
                        Assert.True(spent + a > limit);
                    }

                    Assert.True(spent <= limit);
                }
            });

    [Fact]
    public void FIN_9_guard_allows_exactly_what_fits() =>
        Gen.Select(Gen.Decimal[0m, 1_000_000m], Gen.Decimal[0m, 1_000_000m], Gen.Decimal[0.01m, 1_000_000m])
            .Sample((limit, spent, amount) =>
                Assert.Equal(spent + amount <= limit, DeficitGuard.CheckSpend(limit, spent, amount) == SpendVerdict.Allowed));

    [Fact]
    public void FIN_9_forecast_above_approved_is_a_deficit_and_within_the_threshold_an_early_warning()
    {
        Assert.Equal(ForecastVerdict.Deficit, DeficitGuard.CheckForecast(100_000m, 100_000.01m));
        Assert.Equal(ForecastVerdict.EarlyWarning, DeficitGuard.CheckForecast(100_000m, 100_000m));
        Assert.Equal(ForecastVerdict.EarlyWarning, DeficitGuard.CheckForecast(100_000m, 90_000m));
        Assert.Equal(ForecastVerdict.WithinFinancing, DeficitGuard.CheckForecast(100_000m, 89_999m));
        Assert.Equal(ForecastVerdict.WithinFinancing, DeficitGuard.CheckForecast(100_000m, 94_999m, earlyWarningPercent: 5m));
        Assert.Equal(ForecastVerdict.Deficit, DeficitGuard.CheckForecast(null, 1m));
        Assert.Throws<RuleViolation>(() => DeficitGuard.CheckForecast(100m, -1m));
    }

    [Fact]
    public void FIN_9_forecast_verdicts_are_ordered_by_the_forecast() =>
        Gen.Select(Gen.Decimal[1m, 1_000_000m], Gen.Decimal[0m, 2_000_000m], Gen.Decimal[0m, 2_000_000m], Gen.Decimal[0m, 50m])
            .Sample((limit, a, b, pct) =>
            {
                var (lo, hi) = a <= b ? (a, b) : (b, a);
                Assert.True(DeficitGuard.CheckForecast(limit, lo, pct) <= DeficitGuard.CheckForecast(limit, hi, pct));
                Assert.Equal(hi > limit, DeficitGuard.CheckForecast(limit, hi, pct) == ForecastVerdict.Deficit);
            });

    [Fact]
    public void FIN_9_an_escalation_is_raised_once_not_once_per_attempt()
    {
        var p = NewProject(approved: 100m);
        Assert.NotNull(p.RaiseEscalation(EscalationTrigger.Spending, "over", Now));
        Assert.Null(p.RaiseEscalation(EscalationTrigger.Spending, "over again", Now));
        Assert.Null(p.RaiseEscalation(EscalationTrigger.Forecast, "forecast", Now));
        Assert.Single(p.Escalations);
    }

    [Fact]
    public void FIN_9_increase_financing_approves_a_new_plan_version_and_spending_can_go_on()
    {
        var p = NewProject(approved: 100m);
        var e = p.RaiseEscalation(EscalationTrigger.Spending, "over", Now)!;
        Assert.Equal("FIN-9", Assert.Throws<RuleViolation>(() => p.DecideEscalation(e.Id, EscalationOutcome.IncreaseFinancing, "PS-2026/020", null, Now, "board")).Rule);
        Assert.Equal("FIN-9", Assert.Throws<RuleViolation>(() => p.DecideEscalation(e.Id, EscalationOutcome.IncreaseFinancing, "PS-2026/020", 90m, Now, "board")).Rule);
        p.DecideEscalation(e.Id, EscalationOutcome.IncreaseFinancing, "PS-2026/020", 150m, Now, "board");
        Assert.Equal(150m, p.ApprovedFinancing);
        Assert.Equal(2, p.ApprovedPlan!.Version);
        Assert.Equal("PS-2026/020", p.ApprovedPlan.DecisionRef);
        Assert.Equal(EscalationStatus.Decided, e.Status);
        p.Spend(Today, 150m, "x", Now, "office");
        Assert.Equal("FIN-9", Assert.Throws<RuleViolation>(() => p.DecideEscalation(e.Id, EscalationOutcome.Stop, "PS-2026/021", null, Now, "board")).Rule);
    }

    [Fact]
    public void FIN_9_stop_stops_all_further_spending()
    {
        var p = NewProject(approved: 100m);
        var e = p.RaiseEscalation(EscalationTrigger.Forecast, "over", Now)!;
        p.DecideEscalation(e.Id, EscalationOutcome.Stop, "PS-2026/022", null, Now, "board");
        Assert.Equal(ProjectStatus.Stopped, p.Status);
        Assert.Equal("FIN-9", Assert.Throws<RuleViolation>(() => p.Spend(Today, 1m, "x", Now, "office")).Rule);
    }

    [Fact]
    public void FIN_8_benefits_are_planned_per_participating_member_and_reported_by_each()
    {
        var p = NewProject();
        var asker = new Benefit(p, "920125298", "Kari Nordmann", "kari@asker.kommune.no", "Saksbehandlingstid (dager)", "dager", 30m, 10m);
        var baerum = new Benefit(p, "935478715", "Ola Nordmann", null, "Saksbehandlingstid (dager)", "dager", 40m, 20m);
        Assert.Equal("FIN-8", Assert.Throws<RuleViolation>(() => new Benefit(p, "959159092", "X", null, "Y", null, 0m, 1m)).Rule);
        Assert.Equal("ownerName", Assert.Throws<RuleViolation>(() => new Benefit(p, "920125298", " ", null, "Y", null, 0m, 1m)).Field);

        var period = new DateOnly(2026, 6, 30);
        asker.Report(period, 20m, "kari@asker.kommune.no", Now);
        Assert.Equal(0.5m, asker.Achieved);
        Assert.Equal(["935478715"], Benefit.NotReported([asker, baerum], period));
        Assert.Equal("FIN-8", Assert.Throws<RuleViolation>(() => asker.Report(period, 19m, "kari", Now)).Rule);
    }
}
