using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Meetings;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Infrastructure;

namespace Partnerskap.Web.Features.Meetings;

/// <summary>The partnership's meetings (annual and board).</summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class IndexModel(PartnershipAccess access, AppDbContext db) : PartnershipPage(access)
{
    public List<Meeting> Meetings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, "meetings", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        Meetings = (await db.Meetings.AsNoTracking().Where(m => m.PartnershipId == Partnership.Id).ToListAsync(ct)).OrderByDescending(m => m.StartsAt).ToList();
        return Page();
    }
}
