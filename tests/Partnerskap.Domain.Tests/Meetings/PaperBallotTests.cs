using Partnerskap.Domain.Common;
using Partnerskap.Domain.Meetings;

namespace Partnerskap.Domain.Tests.Meetings;

/// <summary>ORG-1: paper ballots are entered twice, by two different office users, and count once.</summary>
public class PaperBallotTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 10, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ORG_1_paper_ballot_needs_a_second_different_office_user_with_the_same_content()
    {
        var paper = new PaperBallot(1, "920125298", "for", "office-1", At);
        var same = Assert.Throws<RuleViolation>(() => paper.CheckSecondEntry("office-1", "920125298", "for", "for"));
        Assert.Equal((ViolationKind.Forbidden, "ORG-1"), (same.Kind, same.Rule));
        var choice = Assert.Throws<RuleViolation>(() => paper.CheckSecondEntry("office-2", "920125298", "mot", "for"));
        Assert.Equal(("choice", "ORG-1"), (choice.Field, choice.Rule));
        var member = Assert.Throws<RuleViolation>(() => paper.CheckSecondEntry("office-2", "958935420", "for", "for"));
        Assert.Equal("orgnr", member.Field);
        paper.CheckSecondEntry("office-2", " 920125298 ", "FOR", "for");
        Assert.Equal(PaperBallotStatus.Pending, paper.Status);
    }

    [Fact]
    public void ORG_1_a_confirmed_paper_ballot_counts_once_and_a_secret_votes_entry_is_cleared()
    {
        var paper = new PaperBallot(1, "920125298", "protected-choice", "office-1", At);
        paper.Confirm("office-2", "ABCD-EFGH-JKLM", secret: true, At);
        Assert.Equal((PaperBallotStatus.Confirmed, "ABCD-EFGH-JKLM", (string?)null), (paper.Status, paper.Receipt, paper.EnteredChoice));
        Assert.Equal("ORG-1", Assert.Throws<RuleViolation>(() => paper.Confirm("office-3", "X", secret: true, At)).Rule);
        Assert.Equal("ORG-1", Assert.Throws<RuleViolation>(() => paper.CheckSecondEntry("office-3", "920125298", "for", "for")).Rule);
    }

    [Fact]
    public void A_closed_meeting_refuses_changes_and_cannot_close_with_a_vote_open()
    {
        var meeting = new Meeting(1, MeetingKind.Annual, "Årsmøte", At, null);
        Assert.Equal("ORG-1", Assert.Throws<RuleViolation>(() => meeting.Close(openVotes: 1)).Rule);
        meeting.EnsureNotClosed();
        meeting.Close(openVotes: 0);
        Assert.Equal(MeetingStatus.Closed, meeting.Status);
        Assert.Equal(ViolationKind.Conflict, Assert.Throws<RuleViolation>(meeting.EnsureNotClosed).Kind);
        Assert.Throws<RuleViolation>(() => meeting.Close(0));
    }
}
