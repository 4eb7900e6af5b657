using System.Globalization;
using Partnerskap.Domain.Common;

namespace Partnerskap.Domain.Portfolio;

/// <summary>FIN-7: one participating member's contribution under an approved financing plan, with the lines that explain it.</summary>
public sealed record ContributionShare(string Orgnr, string Name, decimal Amount, IReadOnlyList<string> Sheet);

/// <summary>
/// FIN-7: "member contributions can be invoiced like fees". The member-contribution sources of an approved financing
/// plan, shared between the participants by each source's cost-sharing key (per capita, equal, custom).
/// </summary>
public static class MemberContributions
{
    private static readonly CultureInfo Nb = CultureInfo.GetCultureInfo("nb-NO");

    /// <summary>
    /// Each participant's total contribution under <paramref name="plan"/> (FIN-7), in the participants' order.
    /// Per capita uses <paramref name="population"/> (by orgnr, on 1 January of <paramref name="populationYear"/>);
    /// a participant without a figure weighs nothing (when nobody has one, the source is shared equally).
    /// Per capita and equal shares are whole kroner that add up exactly to the source (largest remainder).
    /// </summary>
    public static IReadOnlyList<ContributionShare> Shares(
        FinancingPlan plan, IReadOnlyList<(string Orgnr, string Name)> participants, IReadOnlyDictionary<string, int> population, int? populationYear)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Status != FinancingPlanStatus.Approved)
        {
            throw RuleViolation.Conflict(
                $"Version {plan.Version} of the financing plan is {plan.Status.ToString().ToLowerInvariant()}: member contributions are invoiced on the approved version only.", "FIN-7");
        }

        var sources = plan.Sources.Where(s => s.Kind == FundingSourceKind.MemberContribution).ToList();
        if (sources.Count == 0)
        {
            throw RuleViolation.Conflict($"Version {plan.Version} of the financing plan has no member contribution to invoice.", "FIN-7");
        }

        if (participants.Count == 0)
        {
            throw RuleViolation.Conflict("The project has no participating members to invoice.", "FIN-7");
        }

        var amounts = participants.ToDictionary(p => p.Orgnr, _ => 0m, StringComparer.Ordinal);
        var sheets = participants.ToDictionary(p => p.Orgnr, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var source in sources)
        {
            var key = source.Key ?? CostSharingKey.PerCapita;
            IReadOnlyList<MemberShare> shares = key switch
            {
                CostSharingKey.Custom => source.Shares ?? [],
                CostSharingKey.Equal => CostSharing.Split(source.Amount, participants.Select(p => (p.Orgnr, 1m)).ToList()),
                _ => CostSharing.Split(source.Amount, participants.Select(p => (p.Orgnr, (decimal)population.GetValueOrDefault(p.Orgnr))).ToList()),
            };
            var totalPopulation = participants.Sum(p => (long)population.GetValueOrDefault(p.Orgnr));
            foreach (var share in shares.Where(s => amounts.ContainsKey(s.Orgnr)))
            {
                amounts[share.Orgnr] += share.Amount;
                var line = key switch
                {
                    CostSharingKey.Custom => $"{source.Description}: {Kr(source.Amount)}, avtalt andel {Kr(share.Amount)}.",
                    CostSharingKey.Equal => $"{source.Description}: {Kr(source.Amount)} delt likt på {participants.Count} deltakere = {Kr(share.Amount)}.",
                    _ when totalPopulation > 0 => $"{source.Description}: {Kr(source.Amount)} fordelt etter innbyggertall 1.1.{populationYear}: "
                        + $"{population.GetValueOrDefault(share.Orgnr).ToString("N0", Nb)} av {totalPopulation.ToString("N0", Nb)} innbyggere = {Kr(share.Amount)}.",
                    _ => $"{source.Description}: {Kr(source.Amount)}; uten innbyggertall delt likt på {participants.Count} deltakere = {Kr(share.Amount)}.",
                };
                sheets[share.Orgnr].Add(line);
            }
        }

        return participants.Select(p => new ContributionShare(p.Orgnr, p.Name, amounts[p.Orgnr], sheets[p.Orgnr])).ToList();
    }

    private static string Kr(decimal amount) => amount.ToString(decimal.Round(amount, 0) == amount ? "N0" : "N2", Nb) + " kr";
}
