using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Meetings;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Features.Meetings;

/// <summary>A credential as the credential list shows it: who represents whom, how, and whether present.</summary>
public sealed record CredentialDto(int Id, string Orgnr, string MemberName, string RepresentativeEmail, string RepresentativeName, string Kind,
    string? ViaOrgnr, int? ProxyDocumentId, int Weight, bool Present, bool Active);

public sealed record GrantCredential(int MeetingId, string? Orgnr, string? RepresentativeEmail, int? Weight = null, int? ProxyDocumentId = null);

/// <summary>Credentials (fullmakter) for an annual meeting: grant, revoke, roll call. One use case each, shared by pages and API.</summary>
public sealed class Credentials(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    /// <summary>MEM-5, ORG-1: the member must have rights on the meeting date; proxies go to another member's representative, never onwards.</summary>
    public async Task<Credential> GrantAsync(Meeting meeting, GrantCredential c, CancellationToken ct)
    {
        if (meeting.Kind != MeetingKind.Annual)
        {
            throw RuleViolation.Conflict("Credentials are for annual meetings; board members vote for themselves.");
        }

        meeting.EnsureNotClosed();

        var orgnr = c.Orgnr?.Trim() ?? "";
        var member = await db.Members.AsNoTracking().Include(m => m.Notices)
            .SingleOrDefaultAsync(m => m.PartnershipId == meeting.PartnershipId && m.Orgnr == orgnr, ct);
        if (member is null)
        {
            // MEM-5: only members (with rights on the meeting date) can be represented.
            throw RuleViolation.Conflict($"{orgnr} is not a member of this partnership.", "MEM-5");
        }

        var person = string.IsNullOrWhiteSpace(c.RepresentativeEmail) ? null : await users.FindByEmailAsync(c.RepresentativeEmail.Trim());
        if (person is null)
        {
            throw RuleViolation.Invalid("representativeEmail", "No user with that e-mail: create the login first (POST /api/users).");
        }

        if (c.ProxyDocumentId is { } docId && !await db.Documents.AnyAsync(d => d.Id == docId && d.PartnershipId == meeting.PartnershipId, ct))
        {
            throw RuleViolation.Invalid("proxyDocumentId", "No such stored document in this partnership.");
        }

        var active = await db.Credentials.Where(x => x.MeetingId == meeting.Id && x.RevokedAt == null).ToListAsync(ct);
        var via = CredentialRules.Check(active, member.Orgnr, member.Name, member.HasRightsOn(meeting.Date), person.Id);
        var credential = new Credential(meeting.Id, member.Orgnr, person.Id, via, c.ProxyDocumentId, c.Weight ?? 1, clock.GetUtcNow());
        db.Credentials.Add(credential);
        await db.SaveChangesAsync(ct);
        return credential;
    }

    public async Task RevokeAsync(Meeting meeting, int credentialId, CancellationToken ct)
    {
        meeting.EnsureNotClosed();
        var active = await db.Credentials.Where(x => x.MeetingId == meeting.Id && x.RevokedAt == null).ToListAsync(ct);
        var credential = active.SingleOrDefault(x => x.Id == credentialId) ?? throw new KeyNotFoundException($"No active credential {credentialId}.");
        CredentialRules.CheckRevoke(active, credential);
        credential.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Roll call, leaving and returning (kept for the protocol).</summary>
    public async Task SetPresentAsync(Meeting meeting, int credentialId, bool present, CancellationToken ct)
    {
        meeting.EnsureNotClosed();
        var credential = await db.Credentials.Include(x => x.Presence).SingleOrDefaultAsync(x => x.Id == credentialId && x.MeetingId == meeting.Id, ct)
            ?? throw new KeyNotFoundException($"No credential {credentialId}.");
        credential.SetPresent(present, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    public async Task<List<CredentialDto>> ListAsync(Meeting meeting, CancellationToken ct)
    {
        var partnershipId = meeting.PartnershipId;
        var rows = await (from c in db.Credentials.AsNoTracking()
                          join u in db.Users on c.RepresentativeUserId equals u.Id
                          join m in db.Members.Where(m => m.PartnershipId == partnershipId) on c.Orgnr equals m.Orgnr
                          where c.MeetingId == meeting.Id
                          select new { c, u.Email, u.Name, MemberName = m.Name }).ToListAsync(ct);
        return rows.OrderByDescending(r => r.c.RevokedAt == null).ThenBy(r => r.Name, Bokmal.Order).ThenBy(r => r.c.ViaOrgnr != null).ThenBy(r => r.MemberName, Bokmal.Order)
            .Select(r => new CredentialDto(r.c.Id, r.c.Orgnr, r.MemberName, r.Email ?? "", r.Name, r.c.IsProxy ? "proxy" : "representative",
                r.c.ViaOrgnr, r.c.ProxyDocumentId, r.c.Weight, r.c.Present, r.c.Active)).ToList();
    }
}
