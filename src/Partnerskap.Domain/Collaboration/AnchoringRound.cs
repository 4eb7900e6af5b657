using Partnerskap.Domain.Common;

namespace Partnerskap.Domain.Collaboration;

/// <summary>
/// MEM-7: an important matter anchored with each member through its kommunedirektør (chief executive) and
/// digitaliseringsleder (head of digitalisation). Every member current on the start date gets a line; its answer
/// and the date are recorded; the lines without an answer are who has not answered, and reminders go to them.
/// </summary>
public sealed class AnchoringRound
{
    private readonly List<AnchoringLine> _lines = [];

    private AnchoringRound()
    {
        Title = Matter = "";
    }

    public AnchoringRound(int partnershipId, string title, string matter, DateOnly startedOn, DateOnly deadline, IEnumerable<(int MemberId, string MailedTo)> members)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw RuleViolation.Invalid("title", "An anchoring round needs a title.", "MEM-7");
        }

        if (string.IsNullOrWhiteSpace(matter))
        {
            throw RuleViolation.Invalid("matter", "Describe the matter the members are asked to anchor.", "MEM-7");
        }

        if (deadline < startedOn)
        {
            throw RuleViolation.Invalid("deadline", "The answer deadline cannot be before the start.", "MEM-7");
        }

        PartnershipId = partnershipId;
        Title = title.Trim();
        Matter = matter.Trim();
        StartedOn = startedOn;
        Deadline = deadline;
        _lines.AddRange(members.Select(m => new AnchoringLine(m.MemberId, m.MailedTo)));
    }

    public int Id { get; private set; }

    public int PartnershipId { get; private set; }

    public string Title { get; private set; }

    public string Matter { get; private set; }

    public DateOnly StartedOn { get; private set; }

    public DateOnly Deadline { get; private set; }

    public IReadOnlyList<AnchoringLine> Lines => _lines;

    /// <summary>MEM-7: records a member's answer with the date it was given (not in the future, not before the start).</summary>
    public AnchoringLine RecordAnswer(int memberId, string answer, DateOnly answeredOn, DateOnly today, string by)
    {
        var line = _lines.SingleOrDefault(l => l.MemberId == memberId)
            ?? throw RuleViolation.Conflict("The member was not part of this anchoring round (it was not a member when it started).", "MEM-7");
        if (string.IsNullOrWhiteSpace(answer))
        {
            throw RuleViolation.Invalid("answer", "Write the member's answer.", "MEM-7");
        }

        if (answeredOn > today || answeredOn < StartedOn)
        {
            throw RuleViolation.Invalid("answeredOn", $"The answer date must lie between {StartedOn:yyyy-MM-dd} and today.", "MEM-7");
        }

        line.Answer = answer.Trim();
        line.AnsweredOn = answeredOn;
        line.RecordedBy = by;
        return line;
    }

    /// <summary>MEM-7: the members that have not answered get a reminder; returns their lines.</summary>
    public IReadOnlyList<AnchoringLine> Remind(DateOnly today)
    {
        var open = _lines.Where(l => l.AnsweredOn is null).ToList();
        foreach (var line in open)
        {
            line.RemindedOn = today;
            line.Reminders++;
        }

        return open;
    }
}

/// <summary>One member in an anchoring round: who the matter was mailed to, its answer and when.</summary>
public sealed class AnchoringLine
{
    private AnchoringLine()
    {
        MailedTo = "";
    }

    internal AnchoringLine(int memberId, string mailedTo)
    {
        MemberId = memberId;
        MailedTo = mailedTo;
    }

    public int Id { get; private set; }

    public int AnchoringRoundId { get; private set; }

    public int MemberId { get; private set; }

    /// <summary>The e-mail addresses of the chief executive and head of digitalisation at the start (empty: none registered).</summary>
    public string MailedTo { get; private set; }

    public string? Answer { get; internal set; }

    public DateOnly? AnsweredOn { get; internal set; }

    public string? RecordedBy { get; internal set; }

    public DateOnly? RemindedOn { get; internal set; }

    public int Reminders { get; internal set; }
}
