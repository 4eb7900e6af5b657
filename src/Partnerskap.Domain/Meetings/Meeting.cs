using Partnerskap.Domain.Common;

namespace Partnerskap.Domain.Meetings;

/// <summary>Annual meeting (årsmøte, ORG-1) or programme-board meeting (styremøte, ORG-2).</summary>
public enum MeetingKind
{
    Annual,
    Board,
}

/// <summary>
/// A meeting of the annual meeting or the programme board. The annual-meeting module (notice, agenda, credentials,
/// votes, protocol) and the board module (cases, attendance, minutes) build on it.
/// </summary>
public sealed class Meeting
{
    private Meeting() => Title = "";

    public Meeting(int partnershipId, MeetingKind kind, string title, DateTimeOffset startsAt, string? location)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw RuleViolation.Invalid("title", "A meeting needs a title.");
        }

        PartnershipId = partnershipId;
        Kind = kind;
        Title = title.Trim();
        StartsAt = startsAt;
        Location = string.IsNullOrWhiteSpace(location) ? null : location.Trim();
    }

    public int Id { get; private set; }

    public int PartnershipId { get; private set; }

    public MeetingKind Kind { get; private set; }

    public string Title { get; private set; }

    /// <summary>Start instant (UTC); its Oslo date is the meeting date (MEM-5: who may be represented).</summary>
    public DateTimeOffset StartsAt { get; private set; }

    /// <summary>Place, or a hybrid/online link.</summary>
    public string? Location { get; private set; }

    /// <summary>The meeting date in Europe/Oslo.</summary>
    public DateOnly Date => PartnershipTime.OsloDate(StartsAt);

    public void Reschedule(string title, DateTimeOffset startsAt, string? location)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw RuleViolation.Invalid("title", "A meeting needs a title.");
        }

        Title = title.Trim();
        StartsAt = startsAt;
        Location = string.IsNullOrWhiteSpace(location) ? null : location.Trim();
    }
}
