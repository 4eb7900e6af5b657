using Partnerskap.Domain.Common;

namespace Partnerskap.Domain.Meetings;

/// <summary>Annual meeting (årsmøte, ORG-1) or programme-board meeting (styremøte, ORG-2).</summary>
public enum MeetingKind
{
    Annual,
    Board,
}

public enum MeetingStatus
{
    Planned,
    NoticeSent,
    InSession,
    Closed,
}

/// <summary>
/// A meeting of the annual meeting or the programme board. The annual-meeting module (notice, agenda, credentials,
/// votes, protocol) and the board module (cases, attendance, minutes) build on it.
/// </summary>
public sealed class Meeting
{
    private Meeting() => Title = "";

    public Meeting(int partnershipId, MeetingKind kind, string title, DateTimeOffset startsAt, string? location)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw RuleViolation.Invalid("title", "A meeting needs a title.");
        }

        PartnershipId = partnershipId;
        Kind = kind;
        Title = title.Trim();
        StartsAt = startsAt;
        Location = string.IsNullOrWhiteSpace(location) ? null : location.Trim();
    }

    public int Id { get; private set; }

    public int PartnershipId { get; private set; }

    public MeetingKind Kind { get; private set; }

    public string Title { get; private set; }

    /// <summary>Start instant (UTC); its Oslo date is the meeting date (MEM-5: who may be represented).</summary>
    public DateTimeOffset StartsAt { get; private set; }

    /// <summary>Place, or a hybrid/online link.</summary>
    public string? Location { get; private set; }

    /// <summary>The meeting date in Europe/Oslo.</summary>
    public DateOnly Date => PartnershipTime.OsloDate(StartsAt);

    /// <summary>Where the meeting stands: planned, notice sent, in session, closed.</summary>
    public MeetingStatus Status { get; private set; } = MeetingStatus.Planned;

    /// <summary>A rehearsal (prøvemøte): test credentials and test ballots, wiped afterwards; never in the register.</summary>
    public bool Rehearsal { get; private set; }

    /// <summary>When the notice (innkalling) was sent, or null.</summary>
    public DateTimeOffset? NoticeSentAt { get; private set; }

    /// <summary>Last Oslo date members may submit proposals (from the statutes' deadline, ORG-4).</summary>
    public DateOnly? ProposalDeadline { get; private set; }

    /// <summary>ORG-1: how votes at this meeting are weighed and decided (the statutes decide; defaults in <see cref="VotingRules"/>).</summary>
    public VotingRules Rules => new(Majority, QuorumPercent, QuorumPolicy, RulesSource);

    public MajorityRule Majority { get; private set; }

    public int? QuorumPercent { get; private set; }

    public QuorumPolicy QuorumPolicy { get; private set; }

    public string? RulesSource { get; private set; }

    public void MarkRehearsal() => Rehearsal = true;

    /// <summary>ORG-1/ORG-4: sets the voting rules, naming the document they come from.</summary>
    public void SetRules(VotingRules rules)
    {
        Majority = rules.Majority;
        QuorumPercent = rules.QuorumPercent;
        QuorumPolicy = rules.QuorumPolicy;
        RulesSource = rules.Source;
    }

    /// <summary>ORG-4: the notice is sent at the latest <paramref name="noticeDays"/> before the meeting date.</summary>
    public void SendNotice(DateTimeOffset at, int noticeDays, int proposalDays)
    {
        if (Status is MeetingStatus.InSession or MeetingStatus.Closed)
        {
            throw RuleViolation.Conflict("The meeting has started: the notice can no longer be sent.");
        }

        var today = PartnershipTime.OsloDate(at);
        if (today.AddDays(noticeDays) > Date)
        {
            throw RuleViolation.Conflict(
                $"The notice period is {noticeDays} days: a notice sent {today:yyyy-MM-dd} is too late for a meeting on {Date:yyyy-MM-dd}.", "ORG-4");
        }

        NoticeSentAt = at;
        ProposalDeadline = Date.AddDays(-proposalDays);
        Status = MeetingStatus.NoticeSent;
    }

    public void Open()
    {
        if (Status == MeetingStatus.Closed)
        {
            throw RuleViolation.Conflict("The meeting is closed.");
        }

        Status = MeetingStatus.InSession;
    }

    /// <summary>
    /// Closes (avslutter) the meeting once its protocol is approved or published: from then on no credential, presence,
    /// vote or ballot changes, and its results are public (unless a rehearsal).
    /// </summary>
    public void Close(int openVotes)
    {
        if (Status == MeetingStatus.Closed)
        {
            throw RuleViolation.Conflict("The meeting is already closed.");
        }

        if (openVotes > 0)
        {
            throw RuleViolation.Conflict($"{openVotes} vote(s) are still open: close them before the meeting is closed.", "ORG-1");
        }

        Status = MeetingStatus.Closed;
    }

    /// <summary>Refuses a change to credentials, presence, votes or ballots of a closed meeting.</summary>
    public void EnsureNotClosed()
    {
        if (Status == MeetingStatus.Closed)
        {
            throw RuleViolation.Conflict("The meeting is closed (avsluttet): its credentials, votes and ballots can no longer be changed.");
        }
    }

    public void Reschedule(string title, DateTimeOffset startsAt, string? location)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw RuleViolation.Invalid("title", "A meeting needs a title.");
        }

        Title = title.Trim();
        StartsAt = startsAt;
        Location = string.IsNullOrWhiteSpace(location) ? null : location.Trim();
    }
}
