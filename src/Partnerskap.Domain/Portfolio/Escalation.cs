using Partnerskap.Domain.Common;

namespace Partnerskap.Domain.Portfolio;

public enum EscalationTrigger
{
    /// <summary>An expenditure would have gone beyond the approved financing (and was refused).</summary>
    Spending,

    /// <summary>The forecast of total cost exceeds the approved financing.</summary>
    Forecast,
}

public enum EscalationStatus
{
    Open,
    Decided,
}

/// <summary>FIN-9: what the board decided about a coming deficit.</summary>
public enum EscalationOutcome
{
    IncreaseFinancing,
    ReduceScope,
    Stop,
}

/// <summary>
/// FIN-9: a project heading for a deficit, raised at once to the programme board (as a board case) and to every
/// participating member's contacts. At most one is open per project; the board's decision closes it.
/// </summary>
public sealed class Escalation
{
    private Escalation() => Reason = "";

    internal Escalation(int projectId, EscalationTrigger trigger, string reason, DateTimeOffset raisedAt)
    {
        ProjectId = projectId;
        Trigger = trigger;
        Reason = reason;
        RaisedAt = raisedAt;
        Status = EscalationStatus.Open;
    }

    public int Id { get; private set; }

    public int ProjectId { get; private set; }

    public EscalationTrigger Trigger { get; private set; }

    public string Reason { get; private set; }

    public DateTimeOffset RaisedAt { get; private set; }

    public EscalationStatus Status { get; private set; }

    public EscalationOutcome? Outcome { get; private set; }

    public string? DecisionRef { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>The board case opened for it (governance core), when there is one.</summary>
    public int? BoardCaseId { get; private set; }

    public void LinkBoardCase(int caseId) => BoardCaseId = caseId;

    internal void Decide(EscalationOutcome outcome, string decisionRef, DateTimeOffset at)
    {
        if (Status != EscalationStatus.Open)
        {
            throw RuleViolation.Conflict("The board has already decided this escalation.", "FIN-9");
        }

        Outcome = outcome;
        DecisionRef = decisionRef;
        DecidedAt = at;
        Status = EscalationStatus.Decided;
    }
}

public static class PortfolioNames
{
    public static string ToApi(this EscalationOutcome o) => o switch
    {
        EscalationOutcome.IncreaseFinancing => "increase-financing",
        EscalationOutcome.ReduceScope => "reduce-scope",
        _ => "stop",
    };

    public static EscalationOutcome? ParseOutcome(string? s) => s switch
    {
        "increase-financing" => EscalationOutcome.IncreaseFinancing,
        "reduce-scope" => EscalationOutcome.ReduceScope,
        "stop" => EscalationOutcome.Stop,
        _ => null,
    };

    public static string ToApi(this FundingSourceKind k) => k switch
    {
        FundingSourceKind.BaseFunding => "base-funding",
        FundingSourceKind.Grant => "grant",
        FundingSourceKind.MemberContribution => "member-contribution",
        _ => "other",
    };

    public static FundingSourceKind? ParseSourceKind(string? s) => s switch
    {
        "base-funding" => FundingSourceKind.BaseFunding,
        "grant" => FundingSourceKind.Grant,
        "member-contribution" => FundingSourceKind.MemberContribution,
        "other" => FundingSourceKind.Other,
        _ => null,
    };

    public static string ToApi(this CostSharingKey k) => k switch
    {
        CostSharingKey.PerCapita => "per-capita",
        CostSharingKey.Equal => "equal",
        _ => "custom",
    };

    public static CostSharingKey? ParseKey(string? s) => s switch
    {
        "per-capita" => CostSharingKey.PerCapita,
        "equal" => CostSharingKey.Equal,
        "custom" => CostSharingKey.Custom,
        _ => null,
    };

    public static string ToApi(this ProjectKind k) => k == ProjectKind.Procurement ? "procurement" : "project";

    public static string ToApi(this ProjectPhase p) => p.ToString().ToLowerInvariant();

    public static string ToApi(this EscalationStatus s) => s.ToString().ToLowerInvariant();

    public static string ToApi(this ProjectStatus s) => s.ToString().ToLowerInvariant();
}
