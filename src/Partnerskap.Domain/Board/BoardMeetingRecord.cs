using Partnerskap.Domain.Common;

namespace Partnerskap.Domain.Board;

/// <summary>
/// The board module's record of a board meeting (keyed by the shared Meeting's id): when the notice went out,
/// who attended (per seat holder), and the approval of the minutes. After approval the record is frozen.
/// </summary>
public sealed class BoardMeetingRecord
{
    private readonly List<Attendance> _attendance = [];

    private BoardMeetingRecord()
    {
    }

    public BoardMeetingRecord(int meetingId) => MeetingId = meetingId;

    public int Id { get; private set; }

    public int MeetingId { get; private set; }

    public DateTimeOffset? NoticeSentAt { get; private set; }

    public int NoticeRecipients { get; private set; }

    public DateTimeOffset? MinutesApprovedAt { get; private set; }

    /// <summary>How the minutes were approved: "Godkjent i styremøte 2027-01-14", a decision number, or "per e-post".</summary>
    public string? MinutesApproval { get; private set; }

    public IReadOnlyList<Attendance> Attendance => _attendance;

    public bool MinutesApproved => MinutesApprovedAt is not null;

    public void RecordNotice(DateTimeOffset at, int recipients)
    {
        NoticeSentAt = at;
        NoticeRecipients = recipients;
    }

    /// <summary>Who was present. Recorded per seat holder; replaced wholesale until the minutes are approved.</summary>
    public void RecordAttendance(IEnumerable<(string UserId, bool Present)> rows)
    {
        EnsureOpen();
        _attendance.Clear();
        foreach (var (userId, present) in rows.DistinctBy(r => r.UserId))
        {
            _attendance.Add(new Attendance(userId, present));
        }
    }

    public bool WasPresent(string userId) => _attendance.Any(a => a.UserId == userId && a.Present);

    /// <summary>ORG-2: the minutes are approved; from then on nothing of the meeting changes.</summary>
    public void ApproveMinutes(DateTimeOffset at, string approval)
    {
        if (string.IsNullOrWhiteSpace(approval))
        {
            throw RuleViolation.Invalid("approval", "Say how the minutes were approved.");
        }

        EnsureOpen();
        MinutesApprovedAt = at;
        MinutesApproval = approval.Trim();
    }

    public void EnsureOpen()
    {
        if (MinutesApproved)
        {
            throw RuleViolation.Conflict("The minutes of this meeting are approved; the meeting can no longer be changed.", "ORG-2");
        }
    }
}

/// <summary>A seat holder's attendance at a board meeting.</summary>
public sealed class Attendance
{
    private Attendance() => UserId = "";

    internal Attendance(string userId, bool present)
    {
        UserId = userId;
        Present = present;
    }

    public int Id { get; private set; }

    public int BoardMeetingRecordId { get; private set; }

    public string UserId { get; private set; }

    public bool Present { get; private set; }
}

/// <summary>
/// Quorum (beslutningsdyktighet) of the board on a case. Default: more than half of the voting seats that may vote on
/// the case (held, non-observer, not recused, DIS-3) are present. A partnership may set a different minimum share.
/// </summary>
public static class Quorum
{
    /// <summary>Is the quorum met: present &gt; share × eligible (share 0.5 = more than half).</summary>
    public static bool IsMet(int eligible, int present, decimal share = 0.5m) => eligible > 0 && present > share * eligible;
}
