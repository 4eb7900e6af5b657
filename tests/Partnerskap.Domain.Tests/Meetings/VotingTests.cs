using CsCheck;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Meetings;
using Partnerskap.Domain.Members;

namespace Partnerskap.Domain.Tests.Meetings;

public class VotingTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly MeetingDate = new(2026, 12, 10);

    private static Credential Direct(string orgnr, string user, int weight = 1) => new(1, orgnr, user, null, null, weight, At);

    private static Credential Proxy(string orgnr, string user, string via) => new(1, orgnr, user, via, 7, 1, At);

    private static Vote OpenVote(VotingRules? rules = null, IReadOnlyList<string>? options = null, int eligible = 10)
    {
        var vote = new Vote(1, null, "Godkjenne årsregnskapet?", options, secret: false);
        vote.Open(At, eligible, eligible, rules ?? VotingRules.Default);
        return vote;
    }

    [Fact]
    public void MEM_5_exited_member_cannot_be_credentialed()
    {
        var member = new Member(1, OrganisationNumber.Parse("920125298"), "Asker", MemberKind.Municipality, new DateOnly(2022, 1, 1));
        member.Cease(new DateOnly(2026, 6, 30));
        var ex = Assert.Throws<RuleViolation>(() => CredentialRules.Check([], member.Orgnr, member.Name, member.HasRightsOn(MeetingDate), "u1"));
        Assert.Equal("MEM-5", ex.Rule);
        Assert.Equal(ViolationKind.Conflict, ex.Kind);
    }

    [Fact]
    public void MEM_5_member_with_rights_on_the_meeting_date_gets_its_own_representative()
    {
        var member = new Member(1, OrganisationNumber.Parse("920125298"), "Asker", MemberKind.Municipality, new DateOnly(2022, 1, 1));
        Assert.Null(CredentialRules.Check([], member.Orgnr, member.Name, member.HasRightsOn(MeetingDate), "u1"));
    }

    [Fact]
    public void ORG_1_a_representative_of_another_member_receives_a_vote_as_proxy_through_that_member()
    {
        var via = CredentialRules.Check([Direct("B", "x")], "A", "A kommune", true, "x");
        Assert.Equal("B", via);
    }

    [Fact]
    public void ORG_1_proxy_chain_A_to_B_to_C_is_refused_with_the_chain_named()
    {
        // X represents B and holds A's proxy through B; Y represents C. B's own vote cannot go on to Y.
        IReadOnlyCollection<Credential> active = [Direct("B", "x"), Proxy("A", "x", "B"), Direct("C", "y")];
        var ex = Assert.Throws<RuleViolation>(() => CredentialRules.Check(active, "B", "B kommune", true, "y"));
        Assert.Equal("ORG-1", ex.Rule);
        Assert.Contains("A → B → C", ex.Message);
    }

    [Fact]
    public void ORG_1_a_representative_holding_proxies_cannot_be_revoked_first()
    {
        var b = Direct("B", "x");
        var ex = Assert.Throws<RuleViolation>(() => CredentialRules.CheckRevoke([b, Proxy("A", "x", "B")], b));
        Assert.Equal("ORG-1", ex.Rule);
    }

    [Fact]
    public void ORG_1_a_member_has_one_credential_per_meeting()
    {
        var ex = Assert.Throws<RuleViolation>(() => CredentialRules.Check([Direct("A", "x")], "A", "A kommune", true, "y"));
        Assert.Equal(ViolationKind.Conflict, ex.Kind);
    }

    [Fact]
    public void ORG_1_one_vote_per_member_by_default_and_weights_from_the_statutes()
    {
        Assert.Equal(1, Direct("A", "x").Weight);
        Assert.Equal(3, Direct("A", "x", 3).Weight);
        Assert.Equal("ORG-1", Assert.Throws<RuleViolation>(() => Direct("A", "x", 0)).Rule);
    }

    [Fact]
    public void ORG_1_simple_majority_of_votes_cast_ignores_abstentions_and_a_tie_is_rejected()
    {
        var vote = OpenVote();
        var r = Tally.Count(vote.Options, [new("for", 2), new("mot", 1), new("avstår", 5)], VotingRules.Default, 10);
        Assert.Equal(Tally.Adopted, r.Outcome);
        Assert.Equal(3, r.Cast);
        Assert.Equal(Tally.Rejected, Tally.Count(vote.Options, [new("for", 1), new("mot", 1)], VotingRules.Default, 10).Outcome);
    }

    [Fact]
    public void ORG_1_absolute_and_two_thirds_majorities_from_the_statutes()
    {
        var absolute = VotingRules.Default with { Majority = MajorityRule.AbsoluteOfCast, Source = "Vedtekter § 7" };
        Assert.Equal(Tally.Rejected, Tally.Count(Vote.DefaultOptions, [new("for", 2), new("mot", 1), new("avstår", 1)], absolute, 10).Outcome);
        Assert.Equal(Tally.Adopted, Tally.Count(Vote.DefaultOptions, [new("for", 3), new("mot", 1), new("avstår", 1)], absolute, 10).Outcome);
        var twoThirds = VotingRules.Default with { Majority = MajorityRule.TwoThirdsOfCast };
        Assert.Equal(Tally.Adopted, Tally.Count(Vote.DefaultOptions, [new("for", 2), new("mot", 1)], twoThirds, 10).Outcome);
        Assert.Equal(Tally.Rejected, Tally.Count(Vote.DefaultOptions, [new("for", 3), new("mot", 2)], twoThirds, 10).Outcome);
    }

    [Fact]
    public void ORG_1_without_quorum_the_vote_is_refused_or_marked_per_setting()
    {
        var refuse = new VotingRules(MajorityRule.SimpleOfCast, 50, QuorumPolicy.Refuse, "Vedtekter § 6");
        var vote = new Vote(1, null, "Q", null, false);
        Assert.Equal("ORG-1", Assert.Throws<RuleViolation>(() => vote.Open(At, 52, 25, refuse)).Rule);
        vote.Open(At, 52, 26, refuse);
        Assert.False(vote.OpenedWithoutQuorum);

        var mark = refuse with { QuorumPolicy = QuorumPolicy.Mark };
        var marked = new Vote(1, null, "Q", null, false);
        marked.Open(At, 52, 10, mark);
        Assert.True(marked.OpenedWithoutQuorum);
        Assert.Equal(Tally.NoQuorum, Tally.Count(marked.Options, [new("for", 1)], mark, 52).Outcome);
    }

    [Fact]
    public void Votes_go_draft_open_closed_and_refuse_ballots_outside_open()
    {
        var vote = new Vote(1, null, "Q", null, false);
        Assert.Equal(ViolationKind.Conflict, Assert.Throws<RuleViolation>(() => vote.AcceptChoice("for")).Kind);
        vote.Open(At, 3, 3, VotingRules.Default);
        Assert.Equal("avstår", vote.AcceptChoice("AVSTÅR"));
        Assert.Equal(ViolationKind.Invalid, Assert.Throws<RuleViolation>(() => vote.AcceptChoice("kanskje")).Kind);
        vote.Close(At, Tally.Count(vote.Options, [new("for", 1)], VotingRules.Default, 3));
        Assert.Equal(Tally.Adopted, vote.Outcome);
        Assert.Equal(ViolationKind.Conflict, Assert.Throws<RuleViolation>(() => vote.AcceptChoice("for")).Kind);
        Assert.Throws<RuleViolation>(() => vote.Open(At, 3, 3, VotingRules.Default));
    }

    [Fact]
    public void Elections_pick_the_option_with_most_votes_and_report_a_tie()
    {
        string[] options = ["Kari", "Ola", "avstår"];
        Assert.Equal("Kari", Tally.Count(options, [new("Kari", 2), new("Ola", 1)], VotingRules.Default, 5).Outcome);
        Assert.Equal(Tally.Tie, Tally.Count(options, [new("Kari", 1), new("Ola", 1), new("avstår", 3)], VotingRules.Default, 5).Outcome);
    }

    private static readonly Gen<WeightedChoice[]> Ballots =
        Gen.Select(Gen.Int[0, 2], Gen.Int[1, 5], (o, w) => new WeightedChoice(Vote.DefaultOptions[o], w)).Array[0, 60];

    [Fact]
    public void ORG_1_property_counts_add_up_to_the_weights_cast_and_every_ballot_is_counted_once()
    {
        Ballots.Sample(ballots =>
        {
            var r = Tally.Count(Vote.DefaultOptions, ballots, VotingRules.Default, 100);
            Assert.Equal(ballots.Sum(b => b.Weight), r.Counts.Values.Sum());
            Assert.Equal(ballots.Length, r.Cast);
            foreach (var option in Vote.DefaultOptions)
            {
                Assert.Equal(ballots.Where(b => b.Choice == option).Sum(b => b.Weight), r.Counts[option]);
            }
        });
    }

    [Fact]
    public void ORG_1_property_a_weight_w_member_counts_as_w_single_members_and_order_does_not_matter()
    {
        Gen.Select(Ballots, Gen.Int[0, int.MaxValue]).Sample((ballots, seed) =>
        {
            var rules = VotingRules.Default with { Majority = MajorityRule.AbsoluteOfCast };
            var weighted = Tally.Count(Vote.DefaultOptions, ballots, rules, 100);
            var split = Tally.Count(Vote.DefaultOptions, ballots.SelectMany(b => Enumerable.Repeat(b with { Weight = 1 }, b.Weight)), rules, 1000);
            Assert.Equal(weighted.Counts, split.Counts);
            Assert.Equal(weighted.Outcome, split.Outcome);
            var shuffled = ballots.OrderBy(_ => new Random(seed).Next()).ToArray();
            Assert.Equal(weighted.Outcome, Tally.Count(Vote.DefaultOptions, shuffled, rules, 100).Outcome);
        });
    }

    [Fact]
    public void ORG_1_property_a_representative_splitting_held_members_equals_separate_representatives()
    {
        // One person holding several members casts for each (possibly differently): the tally is per member, so
        // grouping members under representatives never changes counts or outcome; adding a "for" never un-adopts.
        Gen.Select(Ballots, Gen.Int[1, 6]).Sample((ballots, holders) =>
        {
            var byHolder = ballots.Select((b, i) => (holder: i % holders, b)).GroupBy(x => x.holder).SelectMany(g => g.Select(x => x.b)).ToArray();
            var separate = Tally.Count(Vote.DefaultOptions, ballots, VotingRules.Default, 100);
            var grouped = Tally.Count(Vote.DefaultOptions, byHolder, VotingRules.Default, 100);
            Assert.Equal(separate.Counts, grouped.Counts);
            Assert.Equal(separate.Outcome, grouped.Outcome);
            if (separate.Outcome == Tally.Adopted)
            {
                Assert.Equal(Tally.Adopted, Tally.Count(Vote.DefaultOptions, [.. ballots, new("for", 1)], VotingRules.Default, 100).Outcome);
            }
        });
    }

    [Fact]
    public void ORG_4_notice_must_respect_the_notice_period_from_the_statutes()
    {
        var meeting = new Meeting(1, MeetingKind.Annual, "Årsmøte 2026", new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.Zero), "Drammen");
        var late = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
        Assert.Equal("ORG-4", Assert.Throws<RuleViolation>(() => meeting.SendNotice(late, 21, 14)).Rule);
        meeting.SendNotice(late, 14, 7);
        Assert.Equal(new DateOnly(2026, 12, 3), meeting.ProposalDeadline);
        Assert.Equal(MeetingStatus.NoticeSent, meeting.Status);
    }
}
