using Partnerskap.Domain.Common;

namespace Partnerskap.Domain.Portfolio;

/// <summary>FIN-7: where a project's money comes from.</summary>
public enum FundingSourceKind
{
    /// <summary>The partnership's base funding (grunnfinansiering, FIN-5).</summary>
    BaseFunding,

    /// <summary>A grant, e.g. from Statsforvalteren (FIN-4).</summary>
    Grant,

    /// <summary>Contributions from the participating members, shared by a cost-sharing key.</summary>
    MemberContribution,

    Other,
}

/// <summary>How a member contribution is shared between the participating members.</summary>
public enum CostSharingKey
{
    /// <summary>By population on 1 January (like the fee, FIN-1).</summary>
    PerCapita,

    /// <summary>The same amount from each participant.</summary>
    Equal,

    /// <summary>Amounts agreed per member, which must add up to the contribution.</summary>
    Custom,
}

/// <summary>The version of a financing plan: proposed by the office, approved by a board decision (FIN-7).</summary>
public enum FinancingPlanStatus
{
    Proposed,
    Approved,

    /// <summary>Was approved; a later approved version replaced it as the spending limit.</summary>
    Superseded,
}

/// <summary>One member's share of a member contribution.</summary>
public sealed record MemberShare(string Orgnr, decimal Amount);

/// <summary>One source in a financing plan (FIN-7).</summary>
public sealed record FundingSource(
    FundingSourceKind Kind, string Description, decimal Amount, CostSharingKey? Key = null, IReadOnlyList<MemberShare>? Shares = null);

/// <summary>
/// A version of a project's financing plan (FIN-7). Proposed by the office; approved by a programme-board decision;
/// the approved version is the project's spending limit (FIN-9). Versions are never edited: a change is a new version.
/// </summary>
public sealed class FinancingPlan
{
    private FinancingPlan()
    {
        Sources = [];
    }

    internal FinancingPlan(int projectId, int version, IReadOnlyList<FundingSource> sources, DateTimeOffset proposedAt, string proposedBy)
    {
        ProjectId = projectId;
        Version = version;
        Sources = sources.ToList();
        Total = sources.Sum(s => s.Amount);
        ProposedAt = proposedAt;
        ProposedBy = proposedBy;
        Status = FinancingPlanStatus.Proposed;
    }

    public int Id { get; private set; }

    public int ProjectId { get; private set; }

    /// <summary>1, 2, 3 … per project.</summary>
    public int Version { get; private set; }

    public List<FundingSource> Sources { get; private set; }

    /// <summary>The sum of the sources: the spending limit once approved.</summary>
    public decimal Total { get; private set; }

    public FinancingPlanStatus Status { get; private set; }

    public DateTimeOffset ProposedAt { get; private set; }

    public string ProposedBy { get; private set; } = "";

    /// <summary>FIN-7: the board decision that approved this version (e.g. "PS-2026/014").</summary>
    public string? DecisionRef { get; private set; }

    public DateOnly? ApprovedOn { get; private set; }

    internal void Approve(string decisionRef, DateOnly on)
    {
        if (Status != FinancingPlanStatus.Proposed)
        {
            throw RuleViolation.Conflict($"Version {Version} of the financing plan is {Status.ToString().ToLowerInvariant()}, not proposed.", "FIN-7");
        }

        DecisionRef = decisionRef;
        ApprovedOn = on;
        Status = FinancingPlanStatus.Approved;
    }

    internal void Supersede() => Status = FinancingPlanStatus.Superseded;

    /// <summary>
    /// FIN-7: checks a plan's sources: at least one, every amount positive, member contributions carry a cost-sharing
    /// key, custom shares name participants and add up to the contribution, and (when a total is stated) the sources
    /// add up to it.
    /// </summary>
    public static IReadOnlyList<FundingSource> Validate(IReadOnlyList<FundingSource>? sources, IReadOnlyCollection<string> participantOrgnrs, decimal? statedTotal = null)
    {
        if (sources is null || sources.Count == 0)
        {
            throw RuleViolation.Invalid("sources", "A financing plan needs at least one source.", "FIN-7");
        }

        var cleaned = new List<FundingSource>();
        for (var i = 0; i < sources.Count; i++)
        {
            var s = sources[i];
            var field = $"sources[{i}]";
            if (s.Amount <= 0)
            {
                throw RuleViolation.Invalid($"{field}.amount", "Every source is a positive amount in NOK.", "FIN-7");
            }

            if (decimal.Round(s.Amount, 2) != s.Amount)
            {
                throw RuleViolation.Invalid($"{field}.amount", "Amounts are NOK with at most two decimals.", "FIN-7");
            }

            if (string.IsNullOrWhiteSpace(s.Description))
            {
                throw RuleViolation.Invalid($"{field}.description", "Say what the source is (e.g. \"Skjønnsmidler fra Statsforvalteren 2026\").", "FIN-7");
            }

            if (s.Kind != FundingSourceKind.MemberContribution)
            {
                cleaned.Add(s with { Description = s.Description.Trim(), Key = null, Shares = null });
                continue;
            }

            var key = s.Key ?? CostSharingKey.PerCapita;
            if (key == CostSharingKey.Custom)
            {
                var shares = s.Shares ?? [];
                if (shares.Count == 0 || shares.Any(x => x.Amount < 0))
                {
                    throw RuleViolation.Invalid($"{field}.shares", "A custom cost-sharing key lists each member's share (not negative).", "FIN-7");
                }

                if (shares.FirstOrDefault(x => !participantOrgnrs.Contains(x.Orgnr)) is { } stranger)
                {
                    throw RuleViolation.Invalid($"{field}.shares", $"{stranger.Orgnr} does not participate in the project.", "FIN-7");
                }

                if (shares.Sum(x => x.Amount) != s.Amount)
                {
                    throw RuleViolation.Invalid($"{field}.shares", $"The members' shares add up to {shares.Sum(x => x.Amount):N2}, not {s.Amount:N2}.", "FIN-7");
                }
            }

            cleaned.Add(s with { Description = s.Description.Trim(), Key = key, Shares = key == CostSharingKey.Custom ? s.Shares : null });
        }

        var total = cleaned.Sum(s => s.Amount);
        if (statedTotal is { } stated && stated != total)
        {
            throw RuleViolation.Invalid("total", $"The sources add up to {total:N2}, not the stated total {stated:N2}.", "FIN-7");
        }

        return cleaned;
    }
}

/// <summary>Splits a member contribution between participants by a cost-sharing key, in whole kroner that add up exactly.</summary>
public static class CostSharing
{
    /// <summary>
    /// Per capita or equal: each member's share of <paramref name="amount"/> in whole kroner, by the largest-remainder
    /// method so the shares always add up to the amount. <paramref name="weights"/> are the populations (per capita)
    /// or 1 each (equal).
    /// </summary>
    public static IReadOnlyList<MemberShare> Split(decimal amount, IReadOnlyList<(string Orgnr, decimal Weight)> weights)
    {
        if (weights.Count == 0)
        {
            return [];
        }

        var whole = decimal.Round(amount, 0, MidpointRounding.AwayFromZero);
        var totalWeight = weights.Sum(w => w.Weight);
        if (totalWeight <= 0)
        {
            weights = weights.Select(w => (w.Orgnr, 1m)).ToList();
            totalWeight = weights.Count;
        }

        var raw = weights.Select(w => (w.Orgnr, Exact: whole * w.Weight / totalWeight)).ToList();
        var floors = raw.Select(r => (r.Orgnr, Amount: decimal.Floor(r.Exact), Remainder: r.Exact - decimal.Floor(r.Exact))).ToList();
        var left = whole - floors.Sum(f => f.Amount);
        var order = floors.Select((f, i) => (f, i)).OrderByDescending(x => x.f.Remainder).ThenBy(x => x.i).Select(x => x.i).ToList();
        var result = floors.Select(f => f.Amount).ToArray();
        for (var k = 0; k < left; k++)
        {
            result[order[k % order.Count]]++;
        }

        return floors.Select((f, i) => new MemberShare(f.Orgnr, result[i])).ToList();
    }
}
