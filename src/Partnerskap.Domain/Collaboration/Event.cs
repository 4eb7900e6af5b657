using Partnerskap.Domain.Common;

namespace Partnerskap.Domain.Collaboration;

/// <summary>An event (arrangement: seminar, conference) or a course (kurs).</summary>
public enum EventKind
{
    Event,
    Course,
}

public enum RegistrationStatus
{
    Confirmed,
    Waiting,
    Cancelled,
}

/// <summary>
/// PUR-3: events and courses raise the members' digital competence. Member contacts register their people; places are
/// limited by the capacity and the rest wait in line; a cancellation gives the place to the first in line.
/// </summary>
public sealed class Event
{
    private readonly List<EventRegistration> _registrations = [];

    private Event()
    {
        Title = Place = "";
    }

    public Event(int partnershipId, string? title, EventKind kind, DateTimeOffset startsAt, string? place, int capacity, DateOnly registrationDeadline,
        string? description, int? networkId, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw RuleViolation.Invalid("title", "An event needs a title.", "PUR-3");
        }

        if (capacity < 1)
        {
            throw RuleViolation.Invalid("capacity", "The capacity must be at least 1.", "PUR-3");
        }

        var startDay = PartnershipTime.OsloDate(startsAt);
        if (startDay < today)
        {
            throw RuleViolation.Invalid("startsAt", "The event cannot start in the past.", "PUR-3");
        }

        if (registrationDeadline > startDay)
        {
            throw RuleViolation.Invalid("registrationDeadline", "The registration deadline must be on or before the day of the event.", "PUR-3");
        }

        PartnershipId = partnershipId;
        Title = title.Trim();
        Kind = kind;
        StartsAt = startsAt;
        Place = place?.Trim() ?? "";
        Capacity = capacity;
        RegistrationDeadline = registrationDeadline;
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        NetworkId = networkId;
    }

    public int Id { get; private set; }

    public int PartnershipId { get; private set; }

    public string Title { get; private set; }

    public EventKind Kind { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public string Place { get; private set; }

    /// <summary>Confirmed places; the rest wait in line.</summary>
    public int Capacity { get; private set; }

    /// <summary>The last day (Oslo) to register.</summary>
    public DateOnly RegistrationDeadline { get; private set; }

    public string? Description { get; private set; }

    /// <summary>The network that arranges it, if any.</summary>
    public int? NetworkId { get; private set; }

    public IReadOnlyList<EventRegistration> Registrations => _registrations;

    public int Confirmed => _registrations.Count(r => r.Status == RegistrationStatus.Confirmed);

    public int Waiting => _registrations.Count(r => r.Status == RegistrationStatus.Waiting);

    /// <summary>
    /// PUR-3: registers a person from a member with rights; confirmed while there is a free place, else on the waiting
    /// list. Not after the deadline; one active registration per e-mail address.
    /// </summary>
    public EventRegistration Register(int memberId, bool memberHasRights, string? name, string? email, DateOnly today, DateTimeOffset at, string by)
    {
        if (!memberHasRights)
        {
            throw RuleViolation.Conflict("Only people from members with rights can register (PUR-3, MEM-5).", "PUR-3", "orgnr");
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw RuleViolation.Invalid("name", "Write the participant's name.", "PUR-3");
        }

        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal))
        {
            throw RuleViolation.Invalid("email", "Write the participant's e-mail address.", "PUR-3");
        }

        if (today > RegistrationDeadline)
        {
            throw RuleViolation.Conflict($"Registration closed on {RegistrationDeadline:yyyy-MM-dd}.", "PUR-3");
        }

        var normalized = email.Trim().ToLowerInvariant();
        if (_registrations.Any(r => r.Status != RegistrationStatus.Cancelled && r.Email == normalized))
        {
            throw RuleViolation.Conflict($"{normalized} is already registered.", "PUR-3", "email");
        }

        var registration = new EventRegistration(memberId, name.Trim(), normalized, EventPlaces.StatusFor(Confirmed, Capacity), at, by);
        _registrations.Add(registration);
        return registration;
    }

    /// <summary>PUR-3: cancels a registration; a freed place goes to the first on the waiting list, who is returned.</summary>
    public EventRegistration? Cancel(EventRegistration r, DateTimeOffset at)
    {
        if (!_registrations.Contains(r))
        {
            throw new KeyNotFoundException("The registration is not for this event.");
        }

        if (r.Status == RegistrationStatus.Cancelled)
        {
            throw RuleViolation.Conflict("The registration is already cancelled.", "PUR-3");
        }

        var freed = r.Status == RegistrationStatus.Confirmed;
        r.Cancel(at);
        if (!freed)
        {
            return null;
        }

        var next = EventPlaces.NextInLine(_registrations);
        next?.Promote();
        return next;
    }

    /// <summary>PUR-3: the office records who came (the competence overview counts attendance).</summary>
    public void RecordAttendance(EventRegistration r, bool attended)
    {
        if (!_registrations.Contains(r))
        {
            throw new KeyNotFoundException("The registration is not for this event.");
        }

        if (r.Status != RegistrationStatus.Confirmed)
        {
            throw RuleViolation.Conflict("Only confirmed participants can be marked as attended.", "PUR-3");
        }

        r.MarkAttended(attended);
    }
}

/// <summary>One person's registration for an event.</summary>
public sealed class EventRegistration
{
    private EventRegistration()
    {
        Name = Email = RegisteredBy = "";
    }

    internal EventRegistration(int memberId, string name, string email, RegistrationStatus status, DateTimeOffset at, string by)
    {
        MemberId = memberId;
        Name = name;
        Email = email;
        Status = status;
        RegisteredAt = at;
        RegisteredBy = by;
    }

    public int Id { get; private set; }

    public int EventId { get; private set; }

    public int MemberId { get; private set; }

    public string Name { get; private set; }

    public string Email { get; private set; }

    public RegistrationStatus Status { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public string RegisteredBy { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>Null until the office records attendance.</summary>
    public bool? Attended { get; private set; }

    internal void Cancel(DateTimeOffset at) => (Status, CancelledAt) = (RegistrationStatus.Cancelled, at);

    internal void Promote() => Status = RegistrationStatus.Confirmed;

    internal void MarkAttended(bool attended) => Attended = attended;
}

/// <summary>PUR-3: places and the waiting list, as pure functions.</summary>
public static class EventPlaces
{
    /// <summary>A new registration is confirmed while fewer than <paramref name="capacity"/> are confirmed, else it waits.</summary>
    public static RegistrationStatus StatusFor(int confirmed, int capacity) =>
        confirmed < capacity ? RegistrationStatus.Confirmed : RegistrationStatus.Waiting;

    /// <summary>The first on the waiting list: earliest registration (then lowest id).</summary>
    public static EventRegistration? NextInLine(IEnumerable<EventRegistration> registrations) =>
        registrations.Where(r => r.Status == RegistrationStatus.Waiting).OrderBy(r => r.RegisteredAt).ThenBy(r => r.Id).FirstOrDefault();

    /// <summary>
    /// PUR-3 competence overview: per member, the number of people registered (confirmed) and of those who attended.
    /// </summary>
    public static IReadOnlyDictionary<int, (int Registered, int Attended)> PerMember(IEnumerable<EventRegistration> registrations) =>
        registrations.Where(r => r.Status == RegistrationStatus.Confirmed)
            .GroupBy(r => r.MemberId)
            .ToDictionary(g => g.Key, g => (g.Count(), g.Count(r => r.Attended == true)));
}
