using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Collaboration;
using Partnerskap.Domain.Common;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Members;
using Partnerskap.Web.Infrastructure;

namespace Partnerskap.Web.Features.Collaboration;

/// <summary>
/// PUR-3: events and courses. Registrations and cancellations lock the event row first (a row lock on PostgreSQL, the
/// write lock on SQLite) and then count the confirmed places, so parallel registrations never exceed the capacity;
/// the rest go on the waiting list, and a cancellation moves the first in line up.
/// </summary>
public sealed class Events(AppDbContext db, AuditContext audit, TimeProvider clock)
{
    /// <param name="Email">Shown to the office and the participant's own organisation only.</param>
    public sealed record RegistrationDto(int Id, string Orgnr, string MemberName, string Name, string? Email, string Status, DateTimeOffset RegisteredAt, bool? Attended);

    public sealed record Dto(int Id, string Title, string Kind, DateTimeOffset StartsAt, string Place, int Capacity, DateOnly RegistrationDeadline,
        string? Description, int? NetworkId, int Confirmed, int Waiting, int FreePlaces, IReadOnlyList<RegistrationDto> Registrations);

    public sealed record Summary(int Id, string Title, string Kind, DateTimeOffset StartsAt, string Place, int Capacity, DateOnly RegistrationDeadline, int Confirmed, int Waiting);

    /// <summary>PUR-3 competence overview: per member, people registered and attended (events and courses), and people in networks.</summary>
    public sealed record CompetenceLine(string Orgnr, string Name, int Registered, int Attended, int InNetworks);

    public static EventKind ParseKind(string? kind) => kind?.Trim().ToLowerInvariant() switch
    {
        "event" or null or "" => EventKind.Event,
        "course" => EventKind.Course,
        _ => throw RuleViolation.Invalid("kind", "Kind is event or course.", "PUR-3"),
    };

    public static string StatusName(RegistrationStatus s) => s.ToString().ToLowerInvariant();

    public async Task<Event> CreateAsync(int partnershipId, string? title, string? kind, DateTimeOffset? startsAt, string? place, int? capacity,
        DateOnly? registrationDeadline, string? description, int? networkId, CancellationToken ct)
    {
        var eventKind = ParseKind(kind);
        if (startsAt is null)
        {
            throw RuleViolation.Invalid("startsAt", "Give the start time.", "PUR-3");
        }

        if (networkId is { } n && !await db.Networks.AnyAsync(x => x.Id == n && x.PartnershipId == partnershipId, ct))
        {
            throw RuleViolation.Invalid("networkId", $"No network {n} in this partnership.", "PUR-3");
        }

        var start = startsAt.Value.ToUniversalTime();
        var e = new Event(partnershipId, title, eventKind, start, place, capacity ?? 0, registrationDeadline ?? PartnershipTime.OsloDate(start),
            description, networkId, PartnershipTime.Today(clock)); // PUR-3
        db.Events.Add(e);
        await db.SaveChangesAsync(ct);
        return e;
    }

    public async Task<Event?> FindAsync(int id, CancellationToken ct) =>
        await db.Events.Include(e => e.Registrations).SingleOrDefaultAsync(e => e.Id == id, ct);

    public async Task<List<Summary>> ListAsync(int partnershipId, CancellationToken ct)
    {
        // The places are counted in the database: the list does not load every registration of every event.
        var list = await db.Events.AsNoTracking().Where(e => e.PartnershipId == partnershipId)
            .Select(e => new Summary(e.Id, e.Title, e.Kind.ToString(), e.StartsAt, e.Place, e.Capacity, e.RegistrationDeadline,
                e.Registrations.Count(r => r.Status == RegistrationStatus.Confirmed), e.Registrations.Count(r => r.Status == RegistrationStatus.Waiting)))
            .ToListAsync(ct);
        return list.OrderByDescending(e => e.StartsAt).Select(e => e with { Kind = e.Kind.ToLowerInvariant() }).ToList();
    }

    /// <summary>Locks the event's row for this transaction, then loads it with its registrations.</summary>
    private async Task<Event> LockAsync(int eventId, CancellationToken ct)
    {
        var rows = await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"Events\" SET \"Capacity\" = \"Capacity\" WHERE \"Id\" = {eventId}", ct);
        if (rows == 0)
        {
            throw new KeyNotFoundException($"No event {eventId}.");
        }

        // Whatever this request read before the lock may be stale: read the event and its registrations afresh.
        db.ChangeTracker.Clear();
        return await db.Events.Include(x => x.Registrations).SingleAsync(x => x.Id == eventId, ct);
    }

    /// <summary>PUR-3: a member contact registers its own people; the office registers anyone from a member with rights.</summary>
    public async Task<EventRegistration> RegisterAsync(int eventId, ClaimsPrincipal user, string? orgnr, string? name, string? email, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(orgnr))
        {
            orgnr = user.Orgnr();
        }

        if (string.IsNullOrWhiteSpace(orgnr))
        {
            throw RuleViolation.Invalid("orgnr", "Choose the member the participant comes from.", "PUR-3");
        }

        if (!MemberAccess.CanEdit(user, orgnr))
        {
            throw RuleViolation.Forbidden("A member contact registers people from its own organisation (the office registers anyone).", "PUR-3");
        }

        var today = PartnershipTime.Today(clock);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var e = await LockAsync(eventId, ct);
        var member = await db.Members.AsNoTracking().Include(m => m.Notices)
            .SingleOrDefaultAsync(m => m.PartnershipId == e.PartnershipId && m.Orgnr == orgnr, ct)
            ?? throw RuleViolation.Invalid("orgnr", $"{orgnr} is not a member of this partnership.", "PUR-3");
        var registration = e.Register(member.Id, member.HasRightsOn(today), name, email, today, clock.GetUtcNow(), audit.CurrentActor); // PUR-3
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return registration;
    }

    /// <summary>PUR-3: cancels (the office, or the participant's own organisation); the first on the waiting list gets the place.</summary>
    public async Task<EventRegistration?> CancelAsync(int eventId, int registrationId, ClaimsPrincipal user, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var e = await LockAsync(eventId, ct);
        var registration = e.Registrations.SingleOrDefault(r => r.Id == registrationId) ?? throw new KeyNotFoundException($"No registration {registrationId}.");
        var orgnr = await db.Members.Where(m => m.Id == registration.MemberId).Select(m => m.Orgnr).SingleAsync(ct);
        if (!MemberAccess.CanEdit(user, orgnr))
        {
            throw RuleViolation.Forbidden("A registration is cancelled by the participant's organisation or by the office.", "PUR-3");
        }

        var promoted = e.Cancel(registration, clock.GetUtcNow()); // PUR-3
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return promoted;
    }

    /// <summary>PUR-3: the office records who attended.</summary>
    public async Task RecordAttendanceAsync(int eventId, IReadOnlyDictionary<int, bool> attended, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var e = await LockAsync(eventId, ct);
        foreach (var (id, came) in attended)
        {
            var r = e.Registrations.SingleOrDefault(x => x.Id == id) ?? throw RuleViolation.Invalid("attended", $"No registration {id} for this event.", "PUR-3");
            e.RecordAttendance(r, came);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    public async Task<Dto> ToDtoAsync(Event e, ClaimsPrincipal user, CancellationToken ct)
    {
        var ids = e.Registrations.Select(r => r.MemberId).Distinct().ToList();
        var members = await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id)).Select(m => new { m.Id, m.Orgnr, m.Name }).ToDictionaryAsync(m => m.Id, ct);

        // The participant list: the office and the board see everyone; a member contact its own organisation's people.
        var all = user.IsOffice() || user.IsInRole(Roles.Board);
        var registrations = e.Registrations
            .Where(r => all || members[r.MemberId].Orgnr == user.Orgnr())
            .OrderBy(r => r.Status == RegistrationStatus.Cancelled).ThenBy(r => r.Status == RegistrationStatus.Waiting).ThenBy(r => r.RegisteredAt).ThenBy(r => r.Id)
            .Select(r => new RegistrationDto(r.Id, members[r.MemberId].Orgnr, members[r.MemberId].Name, r.Name,
                MemberAccess.CanSeePersonalData(user, members[r.MemberId].Orgnr) ? r.Email : null, StatusName(r.Status), r.RegisteredAt, r.Attended))
            .ToList();
        return new Dto(e.Id, e.Title, e.Kind.ToString().ToLowerInvariant(), e.StartsAt, e.Place, e.Capacity, e.RegistrationDeadline, e.Description, e.NetworkId,
            e.Confirmed, e.Waiting, Math.Max(0, e.Capacity - e.Confirmed), registrations);
    }

    /// <summary>PUR-3: the competence overview per member for a year (events and courses that start in it; networks today).</summary>
    public async Task<List<CompetenceLine>> CompetenceAsync(int partnershipId, int year, CancellationToken ct)
    {
        var today = PartnershipTime.Today(clock);
        var events = await db.Events.AsNoTracking().Include(e => e.Registrations).Where(e => e.PartnershipId == partnershipId).ToListAsync(ct);
        var inYear = events.Where(e => PartnershipTime.OsloDate(e.StartsAt).Year == year);
        var perMember = EventPlaces.PerMember(inYear.SelectMany(e => e.Registrations));
        var networks = await db.Networks.AsNoTracking().Include(n => n.Participants).Where(n => n.PartnershipId == partnershipId).ToListAsync(ct);
        var inNetworks = Network.ParticipationByMember(networks.SelectMany(n => n.Participants), today);
        var members = await db.Members.AsNoTracking().Where(m => m.PartnershipId == partnershipId).OrderByBokmal(m => m.Name).Select(m => new { m.Id, m.Orgnr, m.Name }).ToListAsync(ct);
        return members
            .Select(m => new CompetenceLine(m.Orgnr, m.Name, perMember.GetValueOrDefault(m.Id).Registered, perMember.GetValueOrDefault(m.Id).Attended, inNetworks.GetValueOrDefault(m.Id)))
            .Where(l => l.Registered > 0 || l.InNetworks > 0)
            .ToList();
    }
}
