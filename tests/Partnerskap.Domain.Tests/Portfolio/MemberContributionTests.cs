using CsCheck;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Members;
using Partnerskap.Domain.Portfolio;

namespace Partnerskap.Domain.Tests.Portfolio;

/// <summary>FIN-7: each participant's share of an approved plan's member contributions, by the cost-sharing key.</summary>
public class MemberContributionTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static Member M(string orgnr, string name) => new(1, OrganisationNumber.Parse(orgnr), name, MemberKind.Municipality, new DateOnly(2022, 1, 1));

    private static readonly (string Orgnr, string Name)[] Participants = [("920125298", "Asker kommune"), ("935478715", "Bærum kommune"), ("959159092", "Oslo kommune")];

    private static FinancingPlan Plan(bool approve, params FundingSource[] sources)
    {
        var p = new Project(1, "Felles chatbot", ProjectKind.Project, M("920125298", "Asker kommune"), Today);
        foreach (var (orgnr, name) in Participants)
        {
            p.AddParticipant(M(orgnr, name), Today);
        }

        var plan = p.ProposePlan(sources, Now, "office");
        if (approve)
        {
            p.ApprovePlan(plan.Version, "PS-2026/014", Today);
        }

        return plan;
    }

    [Fact]
    public void FIN_7_member_contributions_are_shared_by_population_equally_or_as_agreed()
    {
        var plan = Plan(true,
            new FundingSource(FundingSourceKind.Grant, "Skjønnsmidler", 100_000m),
            new FundingSource(FundingSourceKind.MemberContribution, "Bidrag etter innbyggertall", 300_000m, CostSharingKey.PerCapita),
            new FundingSource(FundingSourceKind.MemberContribution, "Likt bidrag", 90_000m, CostSharingKey.Equal),
            new FundingSource(FundingSourceKind.MemberContribution, "Avtalt bidrag", 10_000m, CostSharingKey.Custom, [new MemberShare("959159092", 10_000m)]));
        var population = new Dictionary<string, int> { ["920125298"] = 100_000, ["935478715"] = 100_000, ["959159092"] = 100_000 };

        var shares = MemberContributions.Shares(plan, Participants, population, 2026);

        Assert.Equal([100_000m + 30_000m, 100_000m + 30_000m, 100_000m + 30_000m + 10_000m], shares.Select(s => s.Amount));
        Assert.Equal(400_000m, shares.Sum(s => s.Amount));
        Assert.Contains(shares[0].Sheet, l => l.Contains("innbyggertall 1.1.2026", StringComparison.Ordinal));
        Assert.Equal(2, shares[0].Sheet.Count);
        Assert.Equal(3, shares[2].Sheet.Count);
    }

    [Fact]
    public void FIN_7_contributions_are_invoiced_on_an_approved_plan_with_a_member_contribution_only()
    {
        var proposed = Plan(false, new FundingSource(FundingSourceKind.MemberContribution, "Bidrag", 1_000m, CostSharingKey.Equal));
        Assert.Equal("FIN-7", Assert.Throws<RuleViolation>(() => MemberContributions.Shares(proposed, Participants, new Dictionary<string, int>(), null)).Rule);
        var grantOnly = Plan(true, new FundingSource(FundingSourceKind.Grant, "Tilskudd", 1_000m));
        Assert.Equal("FIN-7", Assert.Throws<RuleViolation>(() => MemberContributions.Shares(grantOnly, Participants, new Dictionary<string, int>(), null)).Rule);
    }

    [Fact]
    public void FIN_7_per_capita_and_equal_shares_are_whole_kroner_that_add_up_to_the_contribution()
    {
        Gen.Select(Gen.Int[1, 20_000_000], Gen.Int[0, 700_000].Array[3], Gen.Int[1, 5_000_000])
            .Sample((amount, populations, equal) =>
            {
                var plan = Plan(true,
                    new FundingSource(FundingSourceKind.MemberContribution, "Etter innbyggertall", amount, CostSharingKey.PerCapita),
                    new FundingSource(FundingSourceKind.MemberContribution, "Likt", equal, CostSharingKey.Equal));
                var population = Participants.Select((p, i) => (p.Orgnr, populations[i])).ToDictionary(x => x.Orgnr, x => x.Item2);
                var shares = MemberContributions.Shares(plan, Participants, population, 2026);
                return shares.Sum(s => s.Amount) == amount + equal && shares.All(s => s.Amount >= 0 && decimal.Round(s.Amount) == s.Amount);
            });
    }
}
