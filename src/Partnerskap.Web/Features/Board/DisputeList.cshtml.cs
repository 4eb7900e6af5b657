using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Board;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Features.Shared;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Board;

/// <summary>Disputes the user may see (office: all; a member contact: its own organisation's), and a form to register one (DIS-1).</summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class DisputeListModel(PartnershipAccess access, AppDbContext db, DisputeWork work, Texts t) : BoardPage(access, t)
{
    public List<Dispute> Disputes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) => await LoadBoardAsync(slug, ct) ?? await ShowAsync(ct);

    public async Task<IActionResult> OnPostAsync(string slug, string? subject, string? parties, CancellationToken ct)
    {
        if (await LoadBoardAsync(slug, ct) is { } denied)
        {
            return denied;
        }

        var orgnrs = (parties ?? "").Split([',', ' ', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Dispute? dispute = null;
        if (await FormErrors.TryAsync(ModelState, T, async () => dispute = await work.OpenAsync(Partnership.Id, subject, orgnrs, User, ct)))
        {
            TempData["Message"] = T["Tvisten er registrert."];
            return Redirect($"/{Partnership.Slug}/disputes/{dispute!.Id}");
        }

        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var all = await db.Disputes.AsNoTracking().Where(d => d.PartnershipId == Partnership.Id).OrderByDescending(d => d.Id).ToListAsync(ct);
        Disputes = all.Where(d => DisputeWork.MaySee(d, User)).ToList(); // DIS-1: confidential
        return Page();
    }
}
