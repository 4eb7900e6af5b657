using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Partnerships;
using Partnerskap.Web.Data;
using Partnerskap.Web.Infrastructure;

namespace Partnerskap.Web.Features.Partnerships;

/// <summary>
/// Who may see a partnership. The office and board see all partnerships; a member contact sees only the
/// partnerships its organisation (orgnr) is a member of. Partnerships are otherwise separated (api.md "Records").
/// </summary>
public sealed class PartnershipAccess(AppDbContext db)
{
    public enum Outcome
    {
        Allowed,
        NotFound,
        Forbidden,
    }

    public async Task<(Outcome Outcome, Partnership? Partnership)> ReadAsync(string slug, ClaimsPrincipal user, CancellationToken ct)
    {
        var partnership = await db.Partnerships.AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug, ct);
        if (partnership is null)
        {
            return (Outcome.NotFound, null);
        }

        return await CanReadAsync(partnership.Id, user, ct) ? (Outcome.Allowed, partnership) : (Outcome.Forbidden, null);
    }

    public async Task<bool> CanReadAsync(int partnershipId, ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.IsOffice() || user.IsInRole(Roles.Board))
        {
            return true;
        }

        var orgnr = user.Orgnr();
        return orgnr is not null && await db.Members.AnyAsync(m => m.PartnershipId == partnershipId && m.Orgnr == orgnr, ct);
    }

    /// <summary>The partnerships this user may see, ordered by name.</summary>
    public async Task<List<Partnership>> ListAsync(ClaimsPrincipal? user, CancellationToken ct)
    {
        var all = await db.Partnerships.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
        if (user is null || user.IsOffice() || user.IsInRole(Roles.Board))
        {
            return all;
        }

        var orgnr = user.Orgnr();
        var mine = await db.Members.Where(m => m.Orgnr == orgnr).Select(m => m.PartnershipId).ToListAsync(ct);
        return all.Where(p => mine.Contains(p.Id)).ToList();
    }
}
