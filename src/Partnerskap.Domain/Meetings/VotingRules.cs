using Partnerskap.Domain.Common;

namespace Partnerskap.Domain.Meetings;

/// <summary>ORG-1 (policy): how many votes carry a question. The statutes decide; default simple majority of votes cast.</summary>
public enum MajorityRule
{
    /// <summary>More for than against; abstentions are not counted (default).</summary>
    SimpleOfCast,

    /// <summary>More than half of all votes cast, abstentions included.</summary>
    AbsoluteOfCast,

    /// <summary>At least two thirds of the for and against votes.</summary>
    TwoThirdsOfCast,
}

/// <summary>ORG-1 (policy): what happens to a vote when the quorum is not met.</summary>
public enum QuorumPolicy
{
    /// <summary>The vote cannot be opened, and a closed vote without quorum decides nothing.</summary>
    Refuse,

    /// <summary>The vote runs; its result is marked "no quorum" and decides nothing.</summary>
    Mark,
}

/// <summary>
/// ORG-1/ORG-4: the voting rules of a meeting, with the document they come from (statutes, agreement). Weights are per
/// credential (one vote per member unless the statutes say otherwise).
/// </summary>
public sealed record VotingRules(MajorityRule Majority, int? QuorumPercent, QuorumPolicy QuorumPolicy, string? Source)
{
    /// <summary>ORG-1 default: simple majority of votes cast, no quorum.</summary>
    public static readonly VotingRules Default = new(MajorityRule.SimpleOfCast, null, QuorumPolicy.Refuse, null);

    public VotingRules Validate()
    {
        if (QuorumPercent is < 1 or > 100)
        {
            throw RuleViolation.Invalid("quorumPercent", "The quorum is a share of the eligible members, 1–100 %.", "ORG-1");
        }

        return this;
    }

    /// <summary>ORG-1: the number of members (voters) that must take part for a quorum, of <paramref name="eligible"/>.</summary>
    public int QuorumOf(int eligible) => QuorumPercent is { } p ? (int)Math.Ceiling(eligible * p / 100m) : 0;
}
