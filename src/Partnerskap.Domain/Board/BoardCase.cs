using Partnerskap.Domain.Common;

namespace Partnerskap.Domain.Board;

/// <summary>What a case is about; decides who sees it and what a decision on it does.</summary>
public enum CaseKind
{
    /// <summary>An ordinary case for a board meeting.</summary>
    Ordinary,

    /// <summary>Decided between meetings by written procedure (skriftlig behandling).</summary>
    WrittenProcedure,

    /// <summary>A financing plan to approve (FIN-7).</summary>
    FinancingPlan,

    /// <summary>A deficit escalation (FIN-9).</summary>
    Escalation,

    /// <summary>A dispute between members escalated to the board (DIS-2).</summary>
    Dispute,

    /// <summary>An item on the annual meeting's agenda.</summary>
    AnnualMeeting,
}

public enum CaseStatus
{
    Open,
    Decided,
    Withdrawn,
}

/// <summary>
/// A case (sak) for the programme board or the annual meeting: numbered year/sequence per partnership, with the
/// organisations that are parties to it (DIS-3), a restricted flag for its papers, and an optional link to what it
/// concerns (e.g. <c>project:12</c>, <c>escalation:4</c>, <c>dispute:3</c>).
/// </summary>
public sealed class BoardCase
{
    private readonly List<CaseParty> _parties = [];
    private readonly List<Recusal> _recusals = [];

    private BoardCase()
    {
        Title = "";
        Number = "";
    }

    public BoardCase(int partnershipId, int year, int sequence, string title, CaseKind kind, DateTimeOffset openedAt,
        IEnumerable<string>? partyOrgnrs = null, bool restricted = false, string? link = null, int? meetingId = null)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw RuleViolation.Invalid("title", "A case needs a title.");
        }

        PartnershipId = partnershipId;
        Year = year;
        Sequence = sequence;
        Number = $"{year}/{sequence}";
        Title = title.Trim();
        Kind = kind;
        OpenedAt = openedAt;
        Restricted = restricted;
        Link = link;
        MeetingId = meetingId;
        foreach (var orgnr in (partyOrgnrs ?? []).Distinct())
        {
            _parties.Add(new CaseParty(orgnr));
        }
    }

    public int Id { get; private set; }

    public int PartnershipId { get; private set; }

    public int Year { get; private set; }

    public int Sequence { get; private set; }

    /// <summary>Case number, "2026/7".</summary>
    public string Number { get; private set; }

    public string Title { get; private set; }

    public CaseKind Kind { get; private set; }

    public CaseStatus Status { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    /// <summary>The meeting whose agenda it is on, if any.</summary>
    public int? MeetingId { get; private set; }

    /// <summary>The papers are restricted (unntatt offentlighet): recused board members do not see them (DIS-3).</summary>
    public bool Restricted { get; private set; }

    /// <summary>The case presentation (saksframlegg) text.</summary>
    public string? Presentation { get; private set; }

    /// <summary>The decision proposed to the board (forslag til vedtak).</summary>
    public string? ProposedDecision { get; private set; }

    /// <summary>What the case concerns, "project:12", "escalation:4", "dispute:3", "financing-plan:12/2".</summary>
    public string? Link { get; private set; }

    public IReadOnlyList<CaseParty> Parties => _parties;

    public IReadOnlyList<Recusal> Recusals => _recusals;

    public void Describe(string title, string? presentation, string? proposedDecision, bool restricted)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw RuleViolation.Invalid("title", "A case needs a title.");
        }

        Title = title.Trim();
        Presentation = presentation;
        ProposedDecision = proposedDecision;
        Restricted = restricted;
    }

    public void PutOnAgenda(int? meetingId) => MeetingId = meetingId;

    public void AddParty(string orgnr)
    {
        if (_parties.All(p => p.Orgnr != orgnr))
        {
            _parties.Add(new CaseParty(orgnr));
        }
    }

    public void MarkDecided() => Status = CaseStatus.Decided;

    public void Withdraw() => Status = CaseStatus.Withdrawn;

    /// <summary>DIS-3: records that a person declares (or the office records) a conflict of interest.</summary>
    public Recusal DeclareConflict(string userId, string reason, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw RuleViolation.Invalid("reason", "Give the reason for the conflict of interest.", "DIS-3");
        }

        if (_recusals.Any(r => r.UserId == userId && r.Status != RecusalStatus.Rejected))
        {
            throw RuleViolation.Conflict("This person is already recused or declared for this case.", "DIS-3");
        }

        var recusal = new Recusal(userId, reason.Trim(), at);
        _recusals.Add(recusal);
        return recusal;
    }
}

/// <summary>An organisation that is a party to a case (DIS-3).</summary>
public sealed class CaseParty
{
    private CaseParty() => Orgnr = "";

    internal CaseParty(string orgnr) => Orgnr = orgnr;

    public int Id { get; private set; }

    public int CaseId { get; private set; }

    public string Orgnr { get; private set; }
}

public enum RecusalStatus
{
    /// <summary>Declared; the board has not decided yet. Counts as recused until decided (the careful default).</summary>
    Declared,

    /// <summary>The board found the person disqualified (inhabil).</summary>
    Upheld,

    /// <summary>The board found the person not disqualified.</summary>
    Rejected,
}

/// <summary>A declared conflict of interest on a case and the board's finding (DIS-3). Shown in the minutes.</summary>
public sealed class Recusal
{
    private Recusal()
    {
        UserId = "";
        Reason = "";
    }

    internal Recusal(string userId, string reason, DateTimeOffset at)
    {
        UserId = userId;
        Reason = reason;
        DeclaredAt = at;
        Status = RecusalStatus.Declared;
    }

    public int Id { get; private set; }

    public int CaseId { get; private set; }

    public string UserId { get; private set; }

    public string Reason { get; private set; }

    public DateTimeOffset DeclaredAt { get; private set; }

    public RecusalStatus Status { get; private set; }

    /// <summary>The board decision (reference) that upheld or rejected it.</summary>
    public string? DecisionRef { get; private set; }

    public void Decide(bool upheld, string? decisionRef)
    {
        Status = upheld ? RecusalStatus.Upheld : RecusalStatus.Rejected;
        DecisionRef = decisionRef;
    }
}
