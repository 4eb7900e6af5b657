using Partnerskap.Domain.Collaboration;
using Partnerskap.Domain.Common;

namespace Partnerskap.Domain.Tests.Records;

public class ConsultationRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void PUR_1_input_after_the_deadline_is_refused_and_a_new_input_replaces_the_old()
    {
        var c = new Consultation(1, "Høring", "KS", new DateOnly(2026, 12, 1), Today);
        c.GiveInput(7, "Første", Today, Now, "a");
        c.GiveInput(7, "Andre", Today, Now, "a");
        Assert.Equal("Andre", Assert.Single(c.Inputs).Text);
        var e = Assert.Throws<RuleViolation>(() => c.GiveInput(8, "For sent", new DateOnly(2026, 12, 2), Now, "b"));
        Assert.Equal("PUR-1", e.Rule);
    }

    [Fact]
    public void PUR_1_the_answer_goes_draft_then_approval_with_decision_then_sent()
    {
        var c = new Consultation(1, "Høring", "KS", new DateOnly(2026, 12, 1), Today);
        Assert.Throws<RuleViolation>(() => c.Approve("Styret sak 1", Today));
        Assert.Throws<RuleViolation>(() => c.MarkSent(Today));
        c.DraftAnswer("Svar");
        Assert.Throws<RuleViolation>(() => c.Approve(" ", Today));
        c.Approve("Styret sak 1", Today);
        Assert.Throws<RuleViolation>(() => c.DraftAnswer("Nytt"));
        Assert.Throws<RuleViolation>(() => c.GiveInput(7, "Etter godkjenning", Today, Now, "a"));
        c.MarkSent(Today);
        Assert.Equal(ConsultationStatus.Sent, c.Status);
    }

    [Fact]
    public void PUR_1_a_consultation_needs_title_issuer_and_a_deadline_not_in_the_past() =>
        Assert.Equal("PUR-1", Assert.Throws<RuleViolation>(() => new Consultation(1, "Høring", "KS", Today.AddDays(-1), Today)).Rule);
}

public class AnchoringRoundRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Fact]
    public void MEM_7_answers_are_recorded_with_their_date_and_reminders_go_only_to_the_silent()
    {
        var round = new AnchoringRound(1, "Sak", "Beskrivelse", Today, Today.AddDays(14), [(7, "a@x.no"), (8, "")]);
        Assert.Throws<RuleViolation>(() => round.RecordAnswer(7, "Ja", Today.AddDays(1), Today, "a"));
        Assert.Throws<RuleViolation>(() => round.RecordAnswer(9, "Ja", Today, Today, "a"));
        round.RecordAnswer(7, "Ja", Today, Today, "a");
        var reminded = round.Remind(Today);
        Assert.Equal(8, Assert.Single(reminded).MemberId);
        Assert.Equal(1, round.Lines.Single(l => l.MemberId == 8).Reminders);
        Assert.Equal(0, round.Lines.Single(l => l.MemberId == 7).Reminders);
    }
}
