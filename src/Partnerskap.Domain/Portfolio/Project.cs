using Partnerskap.Domain.Common;
using Partnerskap.Domain.Members;

namespace Partnerskap.Domain.Portfolio;

/// <summary>PUR-5: the portfolio holds joint projects and procurements (anskaffelser).</summary>
public enum ProjectKind
{
    Project,
    Procurement,
}

/// <summary>The phases of Digdir's Prosjektveiviseren, with a board gate between each (PUR-5).</summary>
public enum ProjectPhase
{
    Idea,
    Concept,
    Planning,
    Execution,
    Conclusion,
}

public enum ProjectStatus
{
    Active,

    /// <summary>The board stopped the project (an escalation decided "stop", FIN-9).</summary>
    Stopped,

    /// <summary>Through the last gate.</summary>
    Concluded,
}

/// <summary>A member taking part in a project from a date (MEM-5: only members with rights on that date).</summary>
public sealed class ProjectParticipant
{
    private ProjectParticipant() => Orgnr = "";

    internal ProjectParticipant(int memberId, string orgnr, string name, DateOnly from)
    {
        MemberId = memberId;
        Orgnr = orgnr;
        Name = name;
        From = from;
    }

    public int Id { get; private set; }

    public int ProjectId { get; private set; }

    public int MemberId { get; private set; }

    public string Orgnr { get; private set; }

    public string Name { get; private set; } = "";

    public DateOnly From { get; private set; }
}

/// <summary>A gate passed: from one phase to the next on a board decision (PUR-5).</summary>
public sealed class PhaseGate
{
    private PhaseGate()
    {
    }

    internal PhaseGate(ProjectPhase from, ProjectPhase to, string decisionRef, DateOnly on)
    {
        From = from;
        To = to;
        DecisionRef = decisionRef;
        On = on;
    }

    public int Id { get; private set; }

    public int ProjectId { get; private set; }

    public ProjectPhase From { get; private set; }

    public ProjectPhase To { get; private set; }

    public string DecisionRef { get; private set; } = "";

    public DateOnly On { get; private set; }
}

/// <summary>
/// A joint project or procurement in the portfolio (PUR-5): owner member, participants, phase, the approved financing
/// plan (FIN-7) and the money spent against it (FIN-9). Spending and escalations go through methods that keep the
/// rules; <see cref="Spent"/> is the committed running total, kept on the project row so one row lock serialises
/// every expenditure of the project.
/// </summary>
public sealed class Project
{
    private readonly List<ProjectParticipant> _participants = [];
    private readonly List<FinancingPlan> _plans = [];
    private readonly List<Escalation> _escalations = [];
    private readonly List<PhaseGate> _gates = [];

    private Project() => Name = "";

    public Project(int partnershipId, string name, ProjectKind kind, Member owner, DateOnly createdOn, string? projectManager = null, string? description = null)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw RuleViolation.Invalid("name", "The project needs a name.");
        }

        ArgumentNullException.ThrowIfNull(owner);
        if (owner.PartnershipId != partnershipId)
        {
            throw RuleViolation.Invalid("ownerOrgnr", $"{owner.Orgnr} is not a member of this partnership.", "MEM-5");
        }

        // MEM-5: an exited member takes on no new projects, not even as owner.
        if (!owner.HasRightsOn(createdOn))
        {
            throw RuleViolation.Conflict($"{owner.Name} ({owner.Orgnr}) has no rights in the partnership on {createdOn:yyyy-MM-dd} and cannot own a new project.", "MEM-5", "ownerOrgnr");
        }

        PartnershipId = partnershipId;
        Name = name.Trim();
        Kind = kind;
        OwnerMemberId = owner.Id;
        OwnerOrgnr = owner.Orgnr;
        CreatedOn = createdOn;
        ProjectManager = string.IsNullOrWhiteSpace(projectManager) ? null : projectManager.Trim();
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        Phase = ProjectPhase.Idea;
        Status = ProjectStatus.Active;
    }

    public int Id { get; private set; }

    public int PartnershipId { get; private set; }

    public string Name { get; private set; }

    public string? Description { get; private set; }

    public ProjectKind Kind { get; private set; }

    public int OwnerMemberId { get; private set; }

    public string OwnerOrgnr { get; private set; } = "";

    public string? ProjectManager { get; private set; }

    public DateOnly CreatedOn { get; private set; }

    public ProjectPhase Phase { get; private set; }

    public ProjectStatus Status { get; private set; }

    /// <summary>FIN-9: the sum of every recorded expenditure.</summary>
    public decimal Spent { get; private set; }

    /// <summary>The office's latest forecast of total cost, if any.</summary>
    public decimal? Forecast { get; private set; }

    /// <summary>Bumped by every change to the money; an optimistic-concurrency token on top of the row lock.</summary>
    public int LockVersion { get; private set; }

    public IReadOnlyList<ProjectParticipant> Participants => _participants;

    public IReadOnlyList<FinancingPlan> Plans => _plans;

    public IReadOnlyList<Escalation> Escalations => _escalations;

    public IReadOnlyList<PhaseGate> Gates => _gates;

    /// <summary>FIN-7: the approved version of the financing plan, the spending limit; null until the board approves one.</summary>
    public FinancingPlan? ApprovedPlan => _plans.Where(p => p.Status == FinancingPlanStatus.Approved).MaxBy(p => p.Version);

    public decimal? ApprovedFinancing => ApprovedPlan?.Total;

    /// <summary>FIN-9: the escalation waiting for the board's decision, if any (at most one per project).</summary>
    public Escalation? OpenEscalation => _escalations.FirstOrDefault(e => e.Status == EscalationStatus.Open);

    /// <summary>MEM-5: adds a participant; only a member of this partnership with rights on <paramref name="on"/>.</summary>
    public ProjectParticipant AddParticipant(Member member, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (member.PartnershipId != PartnershipId)
        {
            throw RuleViolation.Invalid("participants", $"{member.Orgnr} is not a member of this partnership.", "MEM-5");
        }

        if (!member.HasRightsOn(on))
        {
            throw RuleViolation.Conflict(
                $"{member.Name} ({member.Orgnr}) has no rights in the partnership on {on:yyyy-MM-dd}: no new project participation (MEM-5).", "MEM-5", "participants");
        }

        if (_participants.FirstOrDefault(p => p.Orgnr == member.Orgnr) is { } existing)
        {
            return existing;
        }

        var participant = new ProjectParticipant(member.Id, member.Orgnr, member.Name, on);
        _participants.Add(participant);
        return participant;
    }

    /// <summary>PUR-5: passes the gate to the next phase on a board decision. Execution needs an approved financing plan (FIN-7).</summary>
    public PhaseGate AdvancePhase(string? decisionRef, DateOnly on)
    {
        EnsureActive();
        if (string.IsNullOrWhiteSpace(decisionRef))
        {
            throw RuleViolation.Invalid("decisionRef", "Each gate between phases is a board decision: give its reference.", "PUR-5");
        }

        if (Phase == ProjectPhase.Conclusion)
        {
            throw RuleViolation.Conflict("The project is in its last phase.", "PUR-5");
        }

        var next = Phase + 1;
        if (next == ProjectPhase.Execution && ApprovedPlan is null)
        {
            throw RuleViolation.Conflict("The board approves a financing plan before execution starts.", "FIN-7");
        }

        var gate = new PhaseGate(Phase, next, decisionRef.Trim(), on);
        _gates.Add(gate);
        Phase = next;
        return gate;
    }

    /// <summary>Concludes the project after the last phase.</summary>
    public void Conclude()
    {
        EnsureActive();
        if (Phase != ProjectPhase.Conclusion)
        {
            throw RuleViolation.Conflict("Only a project in the conclusion phase can be concluded.", "PUR-5");
        }

        Status = ProjectStatus.Concluded;
    }

    /// <summary>FIN-7: the office proposes a new version of the financing plan.</summary>
    public FinancingPlan ProposePlan(IReadOnlyList<FundingSource>? sources, DateTimeOffset at, string by, decimal? statedTotal = null)
    {
        EnsureActive();
        var valid = FinancingPlan.Validate(sources, _participants.Select(p => p.Orgnr).Append(OwnerOrgnr).ToHashSet(), statedTotal);
        var plan = new FinancingPlan(Id, _plans.Count == 0 ? 1 : _plans.Max(p => p.Version) + 1, valid, at, by);
        _plans.Add(plan);
        return plan;
    }

    /// <summary>
    /// FIN-7: a board decision approves a proposed version, which becomes the spending limit; the version approved before
    /// it is superseded. The caller checks that the decision exists and that the actor holds a board seat (ORG-2).
    /// </summary>
    public FinancingPlan ApprovePlan(int version, string? decisionRef, DateOnly on)
    {
        if (string.IsNullOrWhiteSpace(decisionRef))
        {
            throw RuleViolation.Invalid("decisionRef", "A financing plan is approved by a board decision: give its reference.", "FIN-7");
        }

        var plan = _plans.FirstOrDefault(p => p.Version == version)
            ?? throw new KeyNotFoundException($"The project has no financing plan version {version}.");
        if (plan.Total < Spent)
        {
            throw RuleViolation.Conflict($"Version {version} ({plan.Total:N2}) is less than what is already spent ({Spent:N2}).", "FIN-9");
        }

        var previous = ApprovedPlan;
        plan.Approve(decisionRef.Trim(), on);
        previous?.Supersede();
        LockVersion++;
        return plan;
    }

    /// <summary>
    /// FIN-9: records an expenditure within the approved financing. Beyond it the expenditure is refused and nothing
    /// is recorded; the caller raises an escalation with <see cref="RaiseEscalation"/> and saves that alone.
    /// </summary>
    public Expenditure Spend(DateOnly date, decimal amount, string? description, DateTimeOffset at, string by, int? documentId = null)
    {
        if (amount <= 0)
        {
            throw RuleViolation.Invalid("amount", "An expenditure is a positive amount in NOK (no negatives; correct with a credit in the ledger).");
        }

        if (decimal.Round(amount, 2) != amount)
        {
            throw RuleViolation.Invalid("amount", "Amounts are NOK with at most two decimals.");
        }

        if (string.IsNullOrWhiteSpace(description))
        {
            throw RuleViolation.Invalid("description", "Say what the money was spent on.");
        }

        if (Status == ProjectStatus.Stopped)
        {
            throw RuleViolation.Conflict("The board stopped this project: no more spending is recorded.", "FIN-9");
        }

        switch (DeficitGuard.CheckSpend(ApprovedFinancing, Spent, amount))
        {
            case SpendVerdict.NoApprovedFinancing:
                throw RuleViolation.Conflict("The project has no approved financing plan: nothing may be spent before the board approves one.", "FIN-7");
            case SpendVerdict.BeyondApprovedFinancing:
                throw new DeficitException(
                    $"{amount:N2} would bring spending to {Spent + amount:N2}, beyond the approved financing of {ApprovedFinancing:N2}. " +
                    "Nothing is recorded; the board and the participating members are notified and the board decides (increase financing, reduce scope or stop).",
                    $"Utgift på {amount:N2} kr ville gitt forbruk {Spent + amount:N2} kr, over godkjent finansiering {ApprovedFinancing:N2} kr.");
        }

        Spent += amount;
        LockVersion++;
        return new Expenditure(Id, date, amount, description.Trim(), at, by, documentId);
    }

    /// <summary>FIN-9: a new forecast of total cost; returns the verdict (the caller raises an escalation on a deficit).</summary>
    public ForecastVerdict SetForecast(decimal expectedTotalCost, decimal earlyWarningPercent)
    {
        var verdict = DeficitGuard.CheckForecast(ApprovedFinancing, expectedTotalCost, earlyWarningPercent);
        if (decimal.Round(expectedTotalCost, 2) != expectedTotalCost)
        {
            throw RuleViolation.Invalid("expectedTotalCost", "Amounts are NOK with at most two decimals.");
        }

        Forecast = expectedTotalCost;
        LockVersion++;
        return verdict;
    }

    /// <summary>The early-warning state of the current forecast (for the overview).</summary>
    public ForecastVerdict? ForecastVerdictNow(decimal earlyWarningPercent) =>
        Forecast is { } f ? DeficitGuard.CheckForecast(ApprovedFinancing, f, earlyWarningPercent) : null;

    /// <summary>
    /// FIN-9: raises an escalation to the board, once: while one is open, a new deficit adds nothing (returns null),
    /// so refused attempts do not pile up cases and mails.
    /// </summary>
    public Escalation? RaiseEscalation(EscalationTrigger trigger, string reason, DateTimeOffset at)
    {
        if (OpenEscalation is not null)
        {
            return null;
        }

        var escalation = new Escalation(Id, trigger, reason, at);
        _escalations.Add(escalation);
        LockVersion++;
        return escalation;
    }

    /// <summary>
    /// FIN-9: the board's decision on an escalation. Increase financing approves a new plan version for the new amount
    /// (the approved sources and one line for the increase); reduce scope leaves the limit; stop stops the project.
    /// </summary>
    public Escalation DecideEscalation(int escalationId, EscalationOutcome outcome, string? decisionRef, decimal? newApprovedFinancing, DateTimeOffset at, string by)
    {
        if (string.IsNullOrWhiteSpace(decisionRef))
        {
            throw RuleViolation.Invalid("decisionRef", "The board decides an escalation: give the decision's reference.", "FIN-9");
        }

        var escalation = _escalations.FirstOrDefault(e => e.Id == escalationId)
            ?? throw new KeyNotFoundException($"The project has no escalation {escalationId}.");
        if (escalation.Status != EscalationStatus.Open)
        {
            throw RuleViolation.Conflict("The board has already decided this escalation.", "FIN-9");
        }

        var on = PartnershipTime.OsloDate(at);
        switch (outcome)
        {
            case EscalationOutcome.IncreaseFinancing:
                if (newApprovedFinancing is not { } amount)
                {
                    throw RuleViolation.Invalid("newApprovedFinancing", "Increasing the financing needs the new approved amount.", "FIN-9");
                }

                var current = ApprovedFinancing ?? 0m;
                if (amount <= current)
                {
                    throw RuleViolation.Invalid("newApprovedFinancing", $"The new approved financing must be above the current {current:N2}.", "FIN-9");
                }

                var sources = (ApprovedPlan?.Sources ?? []).ToList();
                sources.Add(new FundingSource(FundingSourceKind.Other, $"Økt finansiering, vedtak {decisionRef.Trim()}", amount - current));
                var plan = new FinancingPlan(Id, _plans.Count == 0 ? 1 : _plans.Max(p => p.Version) + 1, sources, at, by);
                _plans.Add(plan);
                ApprovePlan(plan.Version, decisionRef, on);
                break;
            case EscalationOutcome.Stop:
                Status = ProjectStatus.Stopped;
                break;
        }

        escalation.Decide(outcome, decisionRef.Trim(), at);
        LockVersion++;
        return escalation;
    }

    private void EnsureActive()
    {
        if (Status != ProjectStatus.Active)
        {
            throw RuleViolation.Conflict($"The project is {Status.ToString().ToLowerInvariant()}.", "PUR-5");
        }
    }
}

/// <summary>FIN-9: the refusal of an expenditure beyond the approved financing; the caller raises an escalation and answers 409.</summary>
public sealed class DeficitException(string message, string reasonNb) : Exception(message)
{
    /// <summary>The reason in bokmål, as the escalation and the notice state it.</summary>
    public string ReasonNb { get; } = reasonNb;
}
