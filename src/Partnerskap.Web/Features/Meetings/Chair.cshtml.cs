using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnerskap.Domain.Meetings;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Features.Shared;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Meetings;

/// <summary>
/// The chair's view (møteleder): open and close the vote, follow the count. Live over SignalR when JavaScript runs
/// (wwwroot/js/live-results.js); otherwise the "Oppdater" link reloads it.
/// </summary>
[Authorize(Policy = Policies.Office)]
public sealed class ChairModel(PartnershipAccess access, AppDbContext db, Voting voting, Texts t) : PartnershipPage(access)
{
    public Vote Vote { get; private set; } = null!;

    public Meeting Meeting { get; private set; } = null!;

    public VoteView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, int id, CancellationToken ct) => await LoadAllAsync(slug, id, ct) ?? Page();

    public async Task<IActionResult> OnPostOpenAsync(string slug, int id, CancellationToken ct)
    {
        if (await LoadAllAsync(slug, id, ct) is { } denied)
        {
            return denied;
        }

        if (!await FormErrors.TryAsync(ModelState, t, () => voting.OpenAsync(Vote, Meeting, ct)))
        {
            return Page();
        }

        TempData["Message"] = t["Avstemningen er åpnet."];
        return Redirect($"/{slug}/votes/{id}/chair");
    }

    public async Task<IActionResult> OnPostCloseAsync(string slug, int id, CancellationToken ct)
    {
        if (await LoadAllAsync(slug, id, ct) is { } denied)
        {
            return denied;
        }

        if (!await FormErrors.TryAsync(ModelState, t, () => voting.CloseAsync(Vote.Id, Meeting, ct)))
        {
            return Page();
        }

        TempData["Message"] = t["Avstemningen er avsluttet og resultatet låst."];
        return Redirect($"/{slug}/votes/{id}/chair");
    }

    private async Task<IActionResult?> LoadAllAsync(string slug, int id, CancellationToken ct)
    {
        if (await LoadAsync(slug, "meetings", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        if (await MeetingPages.VoteAsync(db, Partnership.Id, id, ct) is not { } found)
        {
            return NotFound();
        }

        (Vote, Meeting) = found;
        View = await voting.ViewAsync(Vote, Meeting, ct);
        return null;
    }
}
