using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Partnerships;
using Partnerskap.Web.Data;
using Partnerskap.Web.Infrastructure;

namespace Partnerskap.Web.Features.Partnerships;

/// <summary>
/// Who may see a partnership (api.md "Records": partnerships are separated).
/// <list type="bullet">
/// <item>Office logins with partnership assignments see only those partnerships.</item>
/// <item>Office logins without assignments see all (the installation's administrator, e.g. the bootstrap login).</item>
/// <item>Board logins see the partnerships they are assigned to or hold (or held) a board seat in, and, like a member
/// contact, those their organisation is a member of: a board login tied to no partnership sees none.</item>
/// <item>A member contact sees only the partnerships its organisation (orgnr) is a member of.</item>
/// </list>
/// </summary>
public sealed class PartnershipAccess(AppDbContext db, PartnershipDirectory directory)
{
    public enum Outcome
    {
        Allowed,
        NotFound,
        Forbidden,
    }

    public async Task<(Outcome Outcome, Partnership? Partnership)> ReadAsync(string slug, ClaimsPrincipal user, CancellationToken ct)
    {
        var partnership = (await directory.AllAsync(db, ct)).FirstOrDefault(p => p.Slug == slug); // cached for a few seconds
        if (partnership is null)
        {
            return (Outcome.NotFound, null);
        }

        return await CanReadAsync(partnership.Id, user, ct) ? (Outcome.Allowed, partnership) : (Outcome.Forbidden, null);
    }

    public async Task<bool> CanReadAsync(int partnershipId, ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.IsOffice())
        {
            var assigned = await AssignedAsync(user, ct);
            return assigned.Count == 0 || assigned.Contains(partnershipId);
        }

        if (user.IsInRole(Roles.Board) && (await BoardPartnershipsAsync(user, ct)).Contains(partnershipId))
        {
            return true;
        }

        var orgnr = user.Orgnr();
        return orgnr is not null && await db.Members.AnyAsync(m => m.PartnershipId == partnershipId && m.Orgnr == orgnr, ct);
    }

    /// <summary>True for an office login tied to no partnership: it administers the whole installation (logins, audit, backups).</summary>
    public async Task<bool> IsInstallationAdminAsync(ClaimsPrincipal user, CancellationToken ct) =>
        user.IsOffice() && (await AssignedAsync(user, ct)).Count == 0;

    /// <summary>The partnerships this user may see, ordered by name. <paramref name="user"/> null = the public (all partnerships' public pages).</summary>
    public async Task<List<Partnership>> ListAsync(ClaimsPrincipal? user, CancellationToken ct)
    {
        var all = (await directory.AllAsync(db, ct)).ToList(); // the caller's own list of the shared, cached partnerships
        if (user is null)
        {
            return all;
        }

        if (user.IsOffice())
        {
            var assigned = await AssignedAsync(user, ct);
            return assigned.Count == 0 ? all : all.Where(p => assigned.Contains(p.Id)).ToList();
        }

        var orgnr = user.Orgnr();
        var mine = await db.Members.Where(m => m.Orgnr == orgnr).Select(m => m.PartnershipId).ToListAsync(ct);
        if (user.IsInRole(Roles.Board))
        {
            mine.AddRange(await BoardPartnershipsAsync(user, ct));
        }

        return all.Where(p => mine.Contains(p.Id)).ToList();
    }

    /// <summary>A board login's partnerships: those it is assigned to, and those it holds or held a seat in.</summary>
    private async Task<List<int>> BoardPartnershipsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return [];
        }

        var seats = await db.BoardSeats.Where(s => s.UserId == userId).Select(s => s.PartnershipId).ToListAsync(ct);
        return [.. seats, .. await AssignedAsync(user, ct)];
    }

    private async Task<List<int>> AssignedAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return [];
        }

        // Read once per request (this class is scoped): a page may ask several times. Never cached across requests.
        if (_assigned is { } known && known.UserId == userId)
        {
            return known.Ids;
        }

        var ids = await db.PartnershipAssignments.Where(a => a.UserId == userId).Select(a => a.PartnershipId).ToListAsync(ct);
        _assigned = (userId, ids);
        return ids;
    }

    private (string UserId, List<int> Ids)? _assigned;
}
