using Partnerskap.Domain.Common;

namespace Partnerskap.Domain.Meetings;

/// <summary>
/// Who represents a member at a meeting (fullmakt/representasjon). A member's own representative, or a proxy:
/// the member authorises another member's representative (<see cref="ViaOrgnr"/>), with the signed authorisation
/// (<see cref="ProxyDocumentId"/>). One active credential per member and meeting.
/// </summary>
public sealed class Credential
{
    private readonly List<PresenceEvent> _presence = [];

    private Credential()
    {
        Orgnr = "";
        RepresentativeUserId = "";
    }

    public Credential(int meetingId, string orgnr, string representativeUserId, string? viaOrgnr, int? proxyDocumentId, int weight, DateTimeOffset at)
    {
        if (weight < 1)
        {
            throw RuleViolation.Invalid("weight", "A member has at least one vote.", "ORG-1");
        }

        MeetingId = meetingId;
        Orgnr = orgnr;
        RepresentativeUserId = representativeUserId;
        ViaOrgnr = viaOrgnr;
        ProxyDocumentId = proxyDocumentId;
        Weight = weight;
        GrantedAt = at;
    }

    public int Id { get; private set; }

    public int MeetingId { get; private set; }

    /// <summary>The member represented.</summary>
    public string Orgnr { get; private set; }

    /// <summary>The user who casts this member's votes.</summary>
    public string RepresentativeUserId { get; private set; }

    /// <summary>For a proxy (fullmakt): the member whose representative holds it; null for the member's own representative.</summary>
    public string? ViaOrgnr { get; private set; }

    /// <summary>The stored signed authorisation (fullmakt) for a proxy.</summary>
    public int? ProxyDocumentId { get; private set; }

    /// <summary>ORG-1: votes this member carries (1 unless the statutes weigh votes).</summary>
    public int Weight { get; private set; }

    public DateTimeOffset GrantedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>Present at the meeting now (roll call, left, returned).</summary>
    public bool Present { get; private set; }

    public IReadOnlyList<PresenceEvent> Presence => _presence;

    public bool IsProxy => ViaOrgnr is not null;

    public bool Active => RevokedAt is null;

    /// <summary>Roll call, leaving and returning: each change is kept for the protocol.</summary>
    public void SetPresent(bool present, DateTimeOffset at)
    {
        if (!Active)
        {
            throw RuleViolation.Conflict("The credential is revoked.");
        }

        if (present == Present)
        {
            return;
        }

        Present = present;
        _presence.Add(new PresenceEvent(present, at));
    }

    public void Revoke(DateTimeOffset at)
    {
        if (!Active)
        {
            throw RuleViolation.Conflict("The credential is already revoked.");
        }

        RevokedAt = at;
        Present = false;
    }
}

/// <summary>A presence change for the protocol: arrived/returned (true) or left (false).</summary>
public sealed class PresenceEvent(bool present, DateTimeOffset at)
{
    public int Id { get; private set; }

    public int CredentialId { get; private set; }

    public bool Present { get; private set; } = present;

    public DateTimeOffset At { get; private set; } = at;
}

/// <summary>The rules for who may hold whose vote at a meeting (ORG-1, MEM-5). Pure: the caller passes what it knows.</summary>
public static class CredentialRules
{
    /// <summary>
    /// Decides whether <paramref name="userId"/> may be given <paramref name="orgnr"/>'s vote, and if so whether directly
    /// or as a proxy through another member's representative. Returns the via-member's orgnr for a proxy, else null.
    /// </summary>
    /// <param name="active">The meeting's active credentials.</param>
    /// <param name="orgnr">The member to be represented.</param>
    /// <param name="memberName">Its name, for messages.</param>
    /// <param name="hasRightsOnMeetingDate">MEM-5: the member has rights on the meeting date.</param>
    /// <param name="userId">The representative.</param>
    public static string? Check(IReadOnlyCollection<Credential> active, string orgnr, string memberName, bool hasRightsOnMeetingDate, string userId)
    {
        // MEM-5: an exited member (or one not yet joined) has no vote on the meeting date.
        if (!hasRightsOnMeetingDate)
        {
            throw RuleViolation.Conflict($"{memberName} has no member rights on the meeting date and cannot be represented.", "MEM-5");
        }

        // No proxy chains (A→B→C): a member whose representative holds other members' proxies keeps its own vote here.
        var restingOnIt = active.Where(c => c.ViaOrgnr == orgnr).Select(c => c.Orgnr).ToList();
        var own = active.FirstOrDefault(c => c.RepresentativeUserId == userId && !c.IsProxy && c.Orgnr != orgnr);
        if (restingOnIt.Count > 0 && own is not null)
        {
            throw RuleViolation.Conflict(
                $"Proxy chain refused: {string.Join(", ", restingOnIt)} → {orgnr} → {own.Orgnr}. {memberName} holds other members' proxies through its " +
                "representative and cannot pass its own vote on to another member's representative.", "ORG-1");
        }

        if (active.FirstOrDefault(c => c.Orgnr == orgnr) is { } existing)
        {
            throw RuleViolation.Conflict(existing.RepresentativeUserId == userId
                ? $"{memberName} is already represented by this person."
                : $"{memberName} is already represented at this meeting: revoke that credential first.");
        }

        // A person who represents another member directly receives this vote as a proxy (fullmakt) through that member.
        return own?.Orgnr;
    }

    /// <summary>No proxy may be left resting on a revoked representative.</summary>
    public static void CheckRevoke(IReadOnlyCollection<Credential> active, Credential credential)
    {
        var resting = active.Where(c => c.ViaOrgnr == credential.Orgnr && c.RepresentativeUserId == credential.RepresentativeUserId).ToList();
        if (resting.Count > 0)
        {
            throw RuleViolation.Conflict(
                $"Proxies from {string.Join(", ", resting.Select(r => r.Orgnr))} rest on this representative: revoke them first (no proxy chains).", "ORG-1");
        }
    }
}
