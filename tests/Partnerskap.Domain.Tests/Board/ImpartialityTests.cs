using CsCheck;
using Partnerskap.Domain.Board;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Decisions;

namespace Partnerskap.Domain.Tests.Board;

public class ImpartialityTests
{
    private const string Asker = "920125298";
    private const string Baerum = "935478715";
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static BoardCase Case(bool restricted = false, params string[] parties) =>
        new(1, 2026, 1, "Tvist om felles anskaffelse", CaseKind.Ordinary, Now, parties, restricted);

    private static BoardSeat Seat(string user, string? orgnr, BoardRole role = BoardRole.Member) => new(1, user, role, new DateOnly(2026, 1, 1), null, orgnr);

    [Fact]
    public void DIS_3_party_member_is_recused_automatically()
    {
        var reason = Impartiality.RecusedFrom(Case(false, Asker), "u1", Asker);
        Assert.NotNull(reason);
        Assert.True(reason.Automatic);
        Assert.Null(Impartiality.RecusedFrom(Case(false, Asker), "u2", Baerum));
    }

    [Fact]
    public void DIS_3_declared_conflict_recuses_until_the_board_rejects_it()
    {
        var c = Case();
        var recusal = c.DeclareConflict("u1", "Gift med leverandørens daglige leder", Now);
        Assert.False(Impartiality.RecusedFrom(c, "u1", null)!.Automatic);
        recusal.Decide(upheld: false, "2026/3");
        Assert.Null(Impartiality.RecusedFrom(c, "u1", null));
    }

    [Fact]
    public void DIS_3_declaring_without_a_reason_is_refused()
    {
        var ex = Assert.Throws<RuleViolation>(() => Case().DeclareConflict("u1", " ", Now));
        Assert.Equal("DIS-3", ex.Rule);
    }

    [Fact]
    public void DIS_3_recused_member_does_not_read_restricted_papers_but_reads_public_ones()
    {
        Assert.False(Impartiality.MayReadPapers(Case(true, Asker), "u1", Asker));
        Assert.True(Impartiality.MayReadPapers(Case(false, Asker), "u1", Asker));
        Assert.True(Impartiality.MayReadPapers(Case(true, Asker), "u2", Baerum));
    }

    [Fact]
    public void DIS_3_recused_and_observers_are_not_eligible_voters_and_do_not_count_for_quorum()
    {
        var seats = new[] { Seat("u1", Asker), Seat("u2", Baerum), Seat("u3", null, BoardRole.Observer), Seat("u4", null, BoardRole.Leader) };
        var eligible = Impartiality.EligibleVoters(seats, Case(false, Asker), Today);
        Assert.Equal(["u2", "u4"], eligible.Select(s => s.UserId));
    }

    [Fact]
    public void ORG_2_seat_votes_only_within_its_term_and_not_as_observer()
    {
        var seat = new BoardSeat(1, "u1", BoardRole.Deputy, new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31));
        Assert.True(seat.VotesOn(Today));
        Assert.False(seat.VotesOn(new DateOnly(2024, 12, 31)));
        Assert.False(seat.VotesOn(new DateOnly(2027, 1, 1)));
        Assert.False(new BoardSeat(1, "u1", BoardRole.Observer, new DateOnly(2025, 1, 1), null).VotesOn(Today));
        Assert.Throws<RuleViolation>(() => new BoardSeat(1, "u1", BoardRole.Member, Today, Today.AddDays(-1)));
    }

    [Fact]
    public void DIS_3_eligible_voters_never_include_a_party_or_an_observer() =>
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 2], Gen.Bool).Array[1, 12].Sample(specs =>
        {
            var orgs = new[] { Asker, Baerum, "964338531", null };
            var seats = specs.Select((s, i) => Seat($"u{i}", orgs[s.Item1], (BoardRole)(s.Item2 == 2 ? 3 : s.Item2))).ToList();
            var c = Case(false, Asker);
            var eligible = Impartiality.EligibleVoters(seats, c, Today);
            return eligible.All(s => s.OrganisationOrgnr != Asker && s.Role != BoardRole.Observer)
                && eligible.Count == seats.Count(s => s.OrganisationOrgnr != Asker && s.Role != BoardRole.Observer);
        });

    [Fact]
    public void ORG_2_closed_decision_cannot_be_edited_only_followed()
    {
        var d = new Decision(1, DecisionBody.Board, 2026, 4, Today, "Prioritering", "Styret prioriterer prosjektet.");
        Assert.Equal("2026/4", d.Number);
        d.FollowUp("Programkontoret", Today.AddDays(30), DecisionStatus.Closed, Today);
        var ex = Assert.Throws<RuleViolation>(() => d.FollowUp("Noen", null, DecisionStatus.Open, Today));
        Assert.Equal("ORG-2", ex.Rule);
    }
}
