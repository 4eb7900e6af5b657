using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Partnerships;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Features;

/// <summary>The installation's front door: the one partnership's overview, or a choice when there are several.</summary>
[AllowAnonymous]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public List<Partnership> Partnerships { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Partnerships = await db.Partnerships.AsNoTracking().OrderByBokmal(p => p.Name).ToListAsync(ct);
        return Partnerships.Count == 1 ? Redirect($"/{Partnerships[0].Slug}") : Page();
    }
}
