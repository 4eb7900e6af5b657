using Partnerskap.Domain.Common;

namespace Partnerskap.Domain.Decisions;

/// <summary>The body that made a decision.</summary>
public enum DecisionBody
{
    /// <summary>Årsmøtet, the highest body (ORG-1).</summary>
    AnnualMeeting,

    /// <summary>Programstyret (ORG-2).</summary>
    Board,
}

/// <summary>Follow-up status of a decision until the board closes it.</summary>
public enum DecisionStatus
{
    Open,
    InProgress,
    Closed,
}

/// <summary>
/// A decision (vedtak) in the partnership's decision register (ORG-2), numbered year/sequence per partnership, gap-free.
/// A closed decision cannot be edited, only followed by a new decision. A decision may carry an effect (e.g.
/// <c>approve-financing-plan</c> with target <c>12/2</c>) that the module owning the target applies when it is recorded
/// (FIN-6, FIN-7, FIN-9).
/// </summary>
public sealed class Decision
{
    private Decision()
    {
        Number = "";
        Title = "";
        Text = "";
    }

    public Decision(int partnershipId, DecisionBody body, int year, int sequence, DateOnly decidedOn, string title, string text,
        int? caseId = null, int? meetingId = null, string? voteResult = null, string? effect = null, string? effectTarget = null,
        int? followsDecisionId = null)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw RuleViolation.Invalid("title", "A decision needs a title.");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw RuleViolation.Invalid("text", "A decision needs its adopted text.");
        }

        PartnershipId = partnershipId;
        Body = body;
        Year = year;
        Sequence = sequence;
        Number = FormatNumber(year, sequence);
        DecidedOn = decidedOn;
        Title = title.Trim();
        Text = text.Trim();
        CaseId = caseId;
        MeetingId = meetingId;
        VoteResult = voteResult;
        Effect = effect;
        EffectTarget = effectTarget;
        FollowsDecisionId = followsDecisionId;
    }

    public int Id { get; private set; }

    public int PartnershipId { get; private set; }

    public DecisionBody Body { get; private set; }

    public int Year { get; private set; }

    public int Sequence { get; private set; }

    /// <summary>"2026/14": unique per partnership. This is the decision reference other records point to.</summary>
    public string Number { get; private set; }

    public DateOnly DecidedOn { get; private set; }

    public string Title { get; private set; }

    /// <summary>The adopted text.</summary>
    public string Text { get; private set; }

    public int? CaseId { get; private set; }

    public int? MeetingId { get; private set; }

    /// <summary>The vote result as recorded ("Enstemmig", "5 for, 1 mot"), if voted.</summary>
    public string? VoteResult { get; private set; }

    /// <summary>What adopting it does in another module (see IDecisionEffect in the web project).</summary>
    public string? Effect { get; private set; }

    public string? EffectTarget { get; private set; }

    /// <summary>The earlier (closed) decision this one follows up or changes.</summary>
    public int? FollowsDecisionId { get; private set; }

    /// <summary>Who follows the decision up.</summary>
    public string? Owner { get; private set; }

    public DateOnly? DueOn { get; private set; }

    public DecisionStatus Status { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public static string FormatNumber(int year, int sequence) => $"{year}/{sequence}";

    /// <summary>ORG-2: follow-up (owner, due date, status) is kept until the board closes the decision.</summary>
    public void FollowUp(string? owner, DateOnly? dueOn, DecisionStatus status, DateOnly today)
    {
        EnsureNotClosed();
        Owner = string.IsNullOrWhiteSpace(owner) ? null : owner.Trim();
        DueOn = dueOn;
        Status = status;
        if (status == DecisionStatus.Closed)
        {
            ClosedOn = today;
        }
    }

    /// <summary>ORG-2: a closed decision cannot be edited, only followed by a new decision.</summary>
    public void EnsureNotClosed()
    {
        if (Status == DecisionStatus.Closed)
        {
            throw RuleViolation.Conflict($"Decision {Number} is closed; record a new decision that follows it up.", "ORG-2");
        }
    }
}
