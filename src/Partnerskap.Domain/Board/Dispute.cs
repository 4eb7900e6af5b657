using Partnerskap.Domain.Common;

namespace Partnerskap.Domain.Board;

public enum DisputeStatus
{
    /// <summary>DIS-1: the parties seek to solve it by dialogue or negotiation.</summary>
    Dialogue,

    /// <summary>DIS-2: escalated to the programme board (a restricted board case with the parties).</summary>
    Escalated,

    /// <summary>DIS-2: the board has proposed a tailored mediation (a board decision).</summary>
    MediationProposed,

    /// <summary>Settled; the outcome is recorded.</summary>
    Resolved,
}

/// <summary>
/// A confidential dispute between members (DIS-1): parties, subject and a log of the dialogue; visible only to the
/// office and the parties' contacts. It may be escalated to the board, which may propose a mediation (DIS-2); the
/// parties' representatives on the board are then recused from the board case (DIS-3).
/// </summary>
public sealed class Dispute
{
    private readonly List<DisputeEntry> _entries = [];

    private Dispute()
    {
        Subject = "";
        PartyOrgnrs = "";
    }

    public Dispute(int partnershipId, string subject, IReadOnlyCollection<string> partyOrgnrs, DateTimeOffset openedAt)
    {
        if (string.IsNullOrWhiteSpace(subject))
        {
            throw RuleViolation.Invalid("subject", "Describe what the dispute is about.", "DIS-1");
        }

        var parties = partyOrgnrs.Distinct().ToList();
        if (parties.Count < 2)
        {
            throw RuleViolation.Invalid("partyOrgnrs", "A dispute is between at least two members.", "DIS-1");
        }

        PartnershipId = partnershipId;
        Subject = subject.Trim();
        PartyOrgnrs = string.Join(",", parties);
        OpenedAt = openedAt;
        Status = DisputeStatus.Dialogue;
    }

    public int Id { get; private set; }

    public int PartnershipId { get; private set; }

    public string Subject { get; private set; }

    /// <summary>The parties' organisation numbers, comma-separated.</summary>
    public string PartyOrgnrs { get; private set; }

    public IReadOnlyList<string> Parties => PartyOrgnrs.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public DateTimeOffset OpenedAt { get; private set; }

    public DisputeStatus Status { get; private set; }

    /// <summary>The board case it was escalated to (DIS-2).</summary>
    public int? CaseId { get; private set; }

    /// <summary>The board decision proposing mediation (DIS-2).</summary>
    public string? MediationDecisionRef { get; private set; }

    public string? Outcome { get; private set; }

    public DateOnly? ResolvedOn { get; private set; }

    public IReadOnlyList<DisputeEntry> Entries => _entries;

    public bool IsParty(string? orgnr) => orgnr is not null && Parties.Contains(orgnr);

    /// <summary>DIS-1: a note in the dialogue log (meeting, letter, proposal).</summary>
    public DisputeEntry Log(string author, string text, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw RuleViolation.Invalid("text", "Write what happened in the dialogue.", "DIS-1");
        }

        EnsureNotResolved();
        var entry = new DisputeEntry(author, text.Trim(), at);
        _entries.Add(entry);
        return entry;
    }

    /// <summary>DIS-1 then DIS-2: escalation to the board only after dialogue has been tried (at least one log entry).</summary>
    public void EnsureMayEscalate()
    {
        EnsureNotResolved();
        if (Status != DisputeStatus.Dialogue)
        {
            throw RuleViolation.Conflict("The dispute is already with the board.", "DIS-2");
        }

        if (_entries.Count == 0)
        {
            throw RuleViolation.Conflict("Disputes are first sought solved by dialogue between the parties: log the dialogue before escalating.", "DIS-1");
        }
    }

    public void Escalate(int caseId)
    {
        EnsureMayEscalate();
        CaseId = caseId;
        Status = DisputeStatus.Escalated;
    }

    /// <summary>DIS-2: the board's decision proposing mediation.</summary>
    public void ProposeMediation(string decisionRef)
    {
        if (Status != DisputeStatus.Escalated)
        {
            throw RuleViolation.Conflict("Mediation is proposed by the board on an escalated dispute.", "DIS-2");
        }

        Status = DisputeStatus.MediationProposed;
        MediationDecisionRef = decisionRef;
    }

    public void Resolve(string outcome, DateOnly on)
    {
        if (string.IsNullOrWhiteSpace(outcome))
        {
            throw RuleViolation.Invalid("outcome", "Describe the outcome.");
        }

        EnsureNotResolved();
        Outcome = outcome.Trim();
        ResolvedOn = on;
        Status = DisputeStatus.Resolved;
    }

    private void EnsureNotResolved()
    {
        if (Status == DisputeStatus.Resolved)
        {
            throw RuleViolation.Conflict("The dispute is resolved.", "DIS-1");
        }
    }
}

/// <summary>A note in a dispute's dialogue log (DIS-1).</summary>
public sealed class DisputeEntry
{
    private DisputeEntry()
    {
        Author = "";
        Text = "";
    }

    internal DisputeEntry(string author, string text, DateTimeOffset at)
    {
        Author = author;
        Text = text;
        At = at;
    }

    public int Id { get; private set; }

    public int DisputeId { get; private set; }

    public string Author { get; private set; }

    public string Text { get; private set; }

    public DateTimeOffset At { get; private set; }
}
