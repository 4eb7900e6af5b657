using CsCheck;
using Partnerskap.Domain.Board;
using Partnerskap.Domain.Common;

namespace Partnerskap.Domain.Tests.Board;

public class BoardMeetingTests
{
    private const string Asker = "920125298";
    private const string Supplier = "999999999";
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static BoardSeat Seat(string user, string? orgnr = null) => new(1, user, BoardRole.Member, new DateOnly(2026, 1, 1), null, orgnr);

    [Fact]
    public void DIS_3_register_of_interests_suggests_recusal_when_the_organisation_is_a_party()
    {
        var c = new BoardCase(1, 2026, 1, "Avtale med leverandør", CaseKind.Ordinary, Now, [Asker, Supplier]);
        var seats = new[] { Seat("u1"), Seat("u2"), Seat("u3", Asker) };
        var interests = new[]
        {
            new DeclaredInterest(1, "u1", "Leverandør AS", Supplier, "Styremedlem", new DateOnly(2025, 1, 1)),
            new DeclaredInterest(1, "u2", "Leverandør AS", Supplier, "Ansatt", new DateOnly(2020, 1, 1), new DateOnly(2024, 12, 31)),
        };

        var suggestions = Impartiality.Suggestions(c, seats, interests, Today);

        var only = Assert.Single(suggestions); // u2's role has ended; u3 is recused automatically already
        Assert.Equal("u1", only.UserId);
        Assert.Contains("Styremedlem", only.Reason, StringComparison.Ordinal);
        c.DeclareConflict("u1", only.Reason, Now);
        Assert.Empty(Impartiality.Suggestions(c, seats, interests, Today));
    }

    [Fact]
    public void ORG_2_quorum_is_more_than_half_of_the_eligible_seats()
    {
        Assert.False(Quorum.IsMet(eligible: 4, present: 2));
        Assert.True(Quorum.IsMet(eligible: 4, present: 3));
        Assert.True(Quorum.IsMet(eligible: 5, present: 3));
        Assert.False(Quorum.IsMet(eligible: 0, present: 0));
        Gen.Int[1, 50].Select(Gen.Int[0, 50]).Sample((e, p) => Quorum.IsMet(e, p) == (2 * p > e));
    }

    [Fact]
    public void ORG_2_approved_minutes_freeze_the_meeting()
    {
        var record = new BoardMeetingRecord(7);
        record.RecordAttendance([("u1", true), ("u2", false)]);
        Assert.True(record.WasPresent("u1"));
        Assert.False(record.WasPresent("u2"));
        record.ApproveMinutes(Now, "Godkjent i styremøte");
        var ex = Assert.Throws<RuleViolation>(() => record.RecordAttendance([("u2", true)]));
        Assert.Equal("ORG-2", ex.Rule);
        Assert.Throws<RuleViolation>(() => record.ApproveMinutes(Now, "igjen"));
    }

    [Fact]
    public void ORG_2_written_procedure_takes_one_answer_per_seat_holder_while_open()
    {
        var c = new BoardCase(1, 2026, 2, "Skriftlig: høringssvar", CaseKind.WrittenProcedure, Now);
        c.Answer("u1", WrittenChoice.For, null, Now);
        Assert.Equal("ORG-2", Assert.Throws<RuleViolation>(() => c.Answer("u1", WrittenChoice.Against, null, Now)).Rule);
        c.MarkDecided();
        Assert.Throws<RuleViolation>(() => c.Answer("u2", WrittenChoice.For, null, Now));
        var ordinary = new BoardCase(1, 2026, 3, "Ordinær", CaseKind.Ordinary, Now);
        Assert.Throws<RuleViolation>(() => ordinary.Answer("u1", WrittenChoice.For, null, Now));
    }
}

public class DisputeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void DIS_1_dispute_is_between_members_and_dialogue_comes_before_escalation()
    {
        Assert.Equal("DIS-1", Assert.Throws<RuleViolation>(() => new Dispute(1, "Lisenskostnader", ["920125298"], Now)).Rule);
        var d = new Dispute(1, "Lisenskostnader", ["920125298", "935478715"], Now);
        Assert.Equal("DIS-1", Assert.Throws<RuleViolation>(() => d.Escalate(5)).Rule);
        d.Log("Kari", "Møte mellom rådmennene 1. november; ingen enighet.", Now);
        d.Escalate(5);
        Assert.Equal(DisputeStatus.Escalated, d.Status);
        Assert.Equal("DIS-2", Assert.Throws<RuleViolation>(() => d.Escalate(6)).Rule);
    }

    [Fact]
    public void DIS_2_mediation_is_proposed_by_the_board_on_an_escalated_dispute()
    {
        var d = new Dispute(1, "Lisenskostnader", ["920125298", "935478715"], Now);
        Assert.Equal("DIS-2", Assert.Throws<RuleViolation>(() => d.ProposeMediation("2026/4")).Rule);
        d.Log("Kari", "Dialog forsøkt.", Now);
        d.Escalate(5);
        d.ProposeMediation("2026/4");
        d.Resolve("Partene godtok mekling; kostnadene deles likt.", new DateOnly(2027, 1, 10));
        Assert.Equal(DisputeStatus.Resolved, d.Status);
        Assert.Throws<RuleViolation>(() => d.Log("Kari", "Etterpå", Now));
    }
}
