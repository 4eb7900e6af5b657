using Partnerskap.Domain.Common;

namespace Partnerskap.Domain.Meetings;

public enum VoteStatus
{
    Draft,
    Open,
    Closed,
}

/// <summary>
/// A vote on an agenda item (annual meeting, ORG-1) or a board case (ORG-2): draft → open → closed. Open (named) or
/// secret. The result is frozen at close.
/// </summary>
public sealed class Vote
{
    /// <summary>Default options: for, mot (against), avstår (abstain).</summary>
    public static readonly IReadOnlyList<string> DefaultOptions = ["for", "mot", "avstår"];

    private Vote()
    {
        Question = "";
        Options = [];
    }

    public Vote(int meetingId, int? caseId, string question, IReadOnlyList<string>? options, bool secret)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            throw RuleViolation.Invalid("question", "A vote needs a question.");
        }

        var list = (options is { Count: > 0 } ? options : DefaultOptions).Select(o => o?.Trim() ?? "").ToList();
        if (list.Count < 2 || list.Any(string.IsNullOrEmpty) || list.Count > 20)
        {
            throw RuleViolation.Invalid("options", "A vote needs 2–20 non-empty options.");
        }

        if (list.Distinct(StringComparer.OrdinalIgnoreCase).Count() != list.Count)
        {
            throw RuleViolation.Invalid("options", "The options must differ.");
        }

        MeetingId = meetingId;
        CaseId = caseId;
        Question = question.Trim();
        Options = list;
        Secret = secret;
    }

    public int Id { get; private set; }

    public int MeetingId { get; private set; }

    public int? CaseId { get; private set; }

    public string Question { get; private set; }

    public List<string> Options { get; private set; }

    /// <summary>Secret (hemmelig): who voted is recorded, never what they chose.</summary>
    public bool Secret { get; private set; }

    public VoteStatus Status { get; private set; }

    public DateTimeOffset? OpenedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Voters (members, or board members) who may vote; fixed when the vote opens.</summary>
    public int Eligible { get; private set; }

    /// <summary>ORG-1: opened although the quorum was not met (quorum policy Mark).</summary>
    public bool OpenedWithoutQuorum { get; private set; }

    /// <summary>Frozen at close: "adopted", "rejected", "tie", "no-quorum" or the winning option.</summary>
    public string? Outcome { get; private set; }

    /// <summary>Frozen at close: the number of ballots.</summary>
    public int? CastAtClose { get; private set; }

    public void Open(DateTimeOffset at, int eligible, int present, VotingRules rules)
    {
        if (Status != VoteStatus.Draft)
        {
            throw RuleViolation.Conflict($"The vote is {Status.ToString().ToLowerInvariant()}: only a draft can be opened.");
        }

        // ORG-1 (policy): a quorum counts present voters against the eligible.
        var needed = rules.QuorumOf(eligible);
        if (present < needed)
        {
            if (rules.QuorumPolicy == QuorumPolicy.Refuse)
            {
                throw RuleViolation.Conflict($"No quorum: {present} of {eligible} present, {needed} needed ({rules.QuorumPercent} %).", "ORG-1");
            }

            OpenedWithoutQuorum = true;
        }

        Eligible = eligible;
        OpenedAt = at;
        Status = VoteStatus.Open;
    }

    /// <summary>Refuses a ballot unless the vote is open; returns the option as written in the vote.</summary>
    public string AcceptChoice(string? choice)
    {
        if (Status != VoteStatus.Open)
        {
            throw RuleViolation.Conflict(Status == VoteStatus.Closed ? "The vote is closed." : "The vote is not open yet.");
        }

        return Options.FirstOrDefault(o => string.Equals(o, choice?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw RuleViolation.Invalid("choice", $"Choose one of: {string.Join(", ", Options)}.");
    }

    public void Close(DateTimeOffset at, TallyResult result)
    {
        if (Status != VoteStatus.Open)
        {
            throw RuleViolation.Conflict("Only an open vote can be closed.");
        }

        Status = VoteStatus.Closed;
        ClosedAt = at;
        Outcome = result.Outcome;
        CastAtClose = result.Cast;
    }
}

/// <summary>
/// One voter's ballot. For a secret vote <see cref="Choice"/> is null: the choice only goes into the anonymous
/// counters (<c>VoteTally</c>), so neither the ballot, its audit entry nor the API can tell who chose what.
/// </summary>
public sealed class Ballot
{
    private Ballot()
    {
        VoterKey = "";
        CastByUserId = "";
        Receipt = "";
    }

    public Ballot(int voteId, string voterKey, string? orgnr, string castByUserId, string? choice, int weight, string receipt, DateTimeOffset at)
    {
        VoteId = voteId;
        VoterKey = voterKey;
        Orgnr = orgnr;
        CastByUserId = castByUserId;
        Choice = choice;
        Weight = weight;
        Receipt = receipt;
        CastAt = at;
    }

    public long Id { get; private set; }

    public int VoteId { get; private set; }

    /// <summary>The member's orgnr (annual meeting) or "user:{id}" (board): unique per vote, one ballot each.</summary>
    public string VoterKey { get; private set; }

    public string? Orgnr { get; private set; }

    public string CastByUserId { get; private set; }

    /// <summary>The chosen option; null in a secret vote.</summary>
    public string? Choice { get; private set; }

    public int Weight { get; private set; }

    /// <summary>The receipt (kvittering) given to the voter.</summary>
    public string Receipt { get; private set; }

    public DateTimeOffset CastAt { get; private set; }
}
