namespace Partnerskap.Domain.Meetings;

/// <summary>A counted vote: weighted votes per option, ballots cast, and the outcome under the rules.</summary>
public sealed record TallyResult(IReadOnlyDictionary<string, int> Counts, int Cast, bool QuorumMet, string Outcome);

/// <summary>A choice with the votes it carries (ORG-1: weight 1 unless the statutes say otherwise).</summary>
public readonly record struct WeightedChoice(string Choice, int Weight);

/// <summary>Counting votes (ORG-1). Pure: a holder of several members' votes is several weighted choices.</summary>
public static class Tally
{
    public const string Adopted = "adopted";
    public const string Rejected = "rejected";
    public const string Tie = "tie";
    public const string NoQuorum = "no-quorum";

    /// <summary>Counts weighted choices; a for/mot question is adopted or rejected, other options elect the winner.</summary>
    /// <param name="eligible">Voters who may vote: the quorum base.</param>
    public static TallyResult Count(IReadOnlyList<string> options, IEnumerable<WeightedChoice> choices, VotingRules rules, int eligible)
    {
        var counts = options.ToDictionary(o => o, _ => 0);
        var cast = 0;
        foreach (var c in choices)
        {
            counts[c.Choice] += c.Weight;
            cast++;
        }

        return Decide(options, counts, cast, rules, eligible);
    }

    /// <summary>The outcome from counts already added up (the anonymous counters of a secret vote).</summary>
    public static TallyResult Decide(IReadOnlyList<string> options, IReadOnlyDictionary<string, int> counts, int cast, VotingRules rules, int eligible)
    {
        // ORG-1 (policy): quorum counts the voters who took part (abstaining counts as taking part).
        var quorumMet = cast >= rules.QuorumOf(eligible);
        if (!quorumMet)
        {
            return new TallyResult(counts, cast, false, NoQuorum);
        }

        var abstain = options.FirstOrDefault(o => o.Equals("avstår", StringComparison.OrdinalIgnoreCase));
        var yes = options.FirstOrDefault(o => o.Equals("for", StringComparison.OrdinalIgnoreCase));
        var no = options.FirstOrDefault(o => o.Equals("mot", StringComparison.OrdinalIgnoreCase));
        var all = counts.Values.Sum();
        var abstained = abstain is null ? 0 : counts[abstain];
        if (yes is not null && no is not null && options.Count == (abstain is null ? 2 : 3))
        {
            var f = counts[yes];
            var m = counts[no];
            var adopted = rules.Majority switch
            {
                MajorityRule.SimpleOfCast => f > m,
                MajorityRule.AbsoluteOfCast => f * 2 > all,
                MajorityRule.TwoThirdsOfCast => f + m > 0 && f * 3 >= (f + m) * 2,
                _ => false,
            };
            return new TallyResult(counts, cast, true, adopted ? Adopted : Rejected);
        }

        // Elections and choices between alternatives: the option with most votes, by the same majority rule.
        var ranked = counts.Where(kv => kv.Key != abstain).OrderByDescending(kv => kv.Value).ToList();
        if (ranked.Count == 0 || ranked[0].Value == 0 || (ranked.Count > 1 && ranked[1].Value == ranked[0].Value))
        {
            return new TallyResult(counts, cast, true, Tie);
        }

        var top = ranked[0].Value;
        var counted = all - abstained;
        var carried = rules.Majority switch
        {
            MajorityRule.SimpleOfCast => true,
            MajorityRule.AbsoluteOfCast => top * 2 > all,
            MajorityRule.TwoThirdsOfCast => top * 3 >= counted * 2,
            _ => false,
        };
        return new TallyResult(counts, cast, true, carried ? ranked[0].Key : Rejected);
    }
}
