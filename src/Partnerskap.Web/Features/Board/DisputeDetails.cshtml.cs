using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Board;
using Partnerskap.Domain.Common;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Board;

/// <summary>A dispute: parties, dialogue log (DIS-1), escalation to the board and mediation (DIS-2), outcome.</summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class DisputeDetailsModel(PartnershipAccess access, AppDbContext db, DisputeWork work, Texts t) : BoardPage(access, t)
{
    public Dispute Dispute { get; private set; } = null!;

    public Dictionary<string, string> PartyNames { get; private set; } = [];

    public string? CaseNumber { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, int id, CancellationToken ct) => await LoadDisputeAsync(slug, id, ct) ?? await ShowAsync(ct);

    public async Task<IActionResult> OnPostLogAsync(string slug, int id, string? text, CancellationToken ct) =>
        await LoadDisputeAsync(slug, id, ct) ?? await RunAsync(() => work.LogAsync(id, text, User, ct), T["Notatet er lagt til i loggen."], Here()) ?? await ShowAsync(ct);

    public async Task<IActionResult> OnPostEscalateAsync(string slug, int id, string? presentation, CancellationToken ct) =>
        await LoadDisputeAsync(slug, id, ct)
        ?? await RunAsync(() => work.EscalateAsync(id, presentation, User, ct), T["Tvisten er løftet til programstyret som en sak unntatt offentlighet."], Here())
        ?? await ShowAsync(ct);

    public async Task<IActionResult> OnPostOutcomeAsync(string slug, int id, string? outcome, CancellationToken ct) =>
        await LoadDisputeAsync(slug, id, ct)
        ?? (User.IsOffice() ? null : Forbid())
        ?? await RunAsync(() => work.ResolveAsync(id, outcome, User, ct), T["Utfallet er registrert."], Here())
        ?? await ShowAsync(ct);

    private string Here() => $"/{Partnership.Slug}/disputes/{Dispute.Id}";

    private async Task<IActionResult?> LoadDisputeAsync(string slug, int id, CancellationToken ct)
    {
        if (await LoadBoardAsync(slug, ct) is { } denied)
        {
            return denied;
        }

        var dispute = await db.Disputes.AsNoTracking().Include(d => d.Entries).SingleOrDefaultAsync(d => d.Id == id && d.PartnershipId == Partnership.Id, ct);
        if (dispute is null)
        {
            return NotFound();
        }

        Dispute = dispute;
        return DisputeWork.MaySee(dispute, User) ? null : Forbid(); // DIS-1: confidential
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        Dispute = await db.Disputes.AsNoTracking().Include(d => d.Entries).SingleAsync(d => d.Id == Dispute.Id, ct);
        var parties = Dispute.Parties.ToList();
        PartyNames = await db.Members.AsNoTracking().Where(m => m.PartnershipId == Partnership.Id && parties.Contains(m.Orgnr)).ToDictionaryAsync(m => m.Orgnr, m => m.Name, ct);
        CaseNumber = Dispute.CaseId is { } c ? await db.Cases.Where(x => x.Id == c).Select(x => x.Number).SingleAsync(ct) : null;
        return Page();
    }

    public static string At(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, PartnershipTime.Oslo).ToString("dd.MM.yyyy HH:mm");
}
