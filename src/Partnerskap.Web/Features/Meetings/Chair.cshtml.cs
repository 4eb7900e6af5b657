using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Partnerskap.Domain.Common;
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
public sealed class ChairModel(PartnershipAccess access, AppDbContext db, Voting voting, Texts t, PaperBallots papers, Credentials credentials,
    UserManager<AppUser> users) : PartnershipPage(access)
{
    /// <summary>ORG-1: paper ballots of this vote, pending (awaiting the second office user) or counted.</summary>
    public List<PaperBallotDto> Papers { get; private set; } = [];

    /// <summary>Represented members, for the paper ballot form.</summary>
    public List<CredentialDto> Represented { get; private set; } = [];

    [BindProperty]
    public string? PaperOrgnr { get; set; }

    [BindProperty]
    public string? PaperChoice { get; set; }

    /// <summary>
    /// ORG-1: enters a paper ballot. The first entry registers it; the same paper entered by a second, different office
    /// user confirms it, and only then it counts (once, with a receipt).
    /// </summary>
    public async Task<IActionResult> OnPostPaperAsync(string slug, int id, CancellationToken ct)
    {
        if (await LoadAllAsync(slug, id, ct) is { } denied)
        {
            return denied;
        }

        PaperEntry? entry = null;
        if (!await FormErrors.TryAsync(ModelState, t, async () => entry = await papers.EnterAsync(Vote, Meeting, users.GetUserId(User)!, PaperOrgnr, PaperChoice, ct)))
        {
            FormErrors.Move(ModelState, "orgnr", "paperOrgnr");
            FormErrors.Move(ModelState, "choice", "paperChoice");
            FormErrors.Move(ModelState, "", "paperOrgnr");

            await LoadAllAsync(slug, id, ct);
            return Page();
        }

        TempData["Message"] = entry!.Receipt is { } receipt
            ? t.F("Papirstemmeseddelen er bekreftet og telt. Kvittering: {0}", receipt.Receipt)
            : t["Papirstemmeseddelen er registrert. Den telles først når en annen kontorbruker har ført den inn på nytt."];
        return Redirect($"/{slug}/votes/{id}/chair");
    }

    public async Task<IActionResult> OnPostWithdrawPaperAsync(string slug, int id, int paperBallotId, CancellationToken ct)
    {
        if (await LoadAllAsync(slug, id, ct) is { } denied)
        {
            return denied;
        }

        if (!await FormErrors.TryAsync(ModelState, t, () => papers.WithdrawAsync(Vote, Meeting, paperBallotId, ct)))
        {
            return Page();
        }

        TempData["Message"] = t["Papirstemmeseddelen er trukket tilbake."];
        return Redirect($"/{slug}/votes/{id}/chair");
    }

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
        if (Meeting.Kind == MeetingKind.Annual)
        {
            Papers = await papers.ListAsync(Meeting, Vote.Id, ct);
            Represented = (await credentials.ListAsync(Meeting, ct)).Where(c => c.Active).OrderBy(c => c.MemberName, Bokmal.Order).ToList();
        }

        return null;
    }
}
