using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Collaboration;
using Partnerskap.Domain.Common;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Members;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Features.Shared;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Collaboration;

/// <summary>MEM-7: anchoring rounds. The office starts one (mailed to each member's kommunedirektør and digitaliseringsleder), records answers and reminds.</summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class AnchoringModel(PartnershipAccess access, AppDbContext db, AnchoringRounds rounds, TimeProvider clock, Texts t) : PartnershipPage(access)
{
    public List<AnchoringRound> List { get; private set; } = [];

    public AnchoringRounds.Dto? Selected { get; private set; }

    public bool IsOffice => User.IsOffice();

    public string? Title { get; private set; }

    public string? Matter { get; private set; }

    public string Deadline { get; private set; } = "";

    public string Today { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, int? round, CancellationToken ct) => await LoadRoundsAsync(slug, round, ct) ?? Page();

    public async Task<IActionResult> OnPostStartAsync(string slug, string? title, string? matter, string? deadline, CancellationToken ct)
    {
        if (await LoadRoundsAsync(slug, null, ct) is { } denied)
        {
            return denied;
        }

        if (!IsOffice)
        {
            return Forbid();
        }

        (Title, Matter, Deadline) = (title, matter, deadline ?? "");
        var date = FormDates.Parse(deadline, "deadline", ModelState, t);
        AnchoringRound? started = null;
        if (ModelState.IsValid && await FormErrors.TryAsync(ModelState, t, async () => started = await rounds.StartAsync(Partnership.Id, title, matter, date, ct)))
        {
            TempData["Message"] = t["Forankringen er sendt til kommunedirektør og digitaliseringsleder hos hvert medlem."];
            return Redirect($"/{slug}/anchoring?round={started!.Id}");
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAnswerAsync(string slug, int round, string? orgnr, string? answer, string? answeredOn, CancellationToken ct)
    {
        if (await LoadRoundsAsync(slug, round, ct) is { } denied)
        {
            return denied;
        }

        var entity = await rounds.FindAsync(round, ct);
        if (entity is null || Selected is null)
        {
            return NotFound();
        }

        if (!MemberAccess.CanEdit(User, orgnr ?? ""))
        {
            return Forbid();
        }

        var date = FormDates.Parse(answeredOn, "answeredOn", ModelState, t);
        if (ModelState.IsValid && await FormErrors.TryAsync(ModelState, t, () => rounds.RecordAnswerAsync(entity, orgnr ?? "", answer, date, ct)))
        {
            TempData["Message"] = t["Svaret er registrert."];
            return Redirect($"/{slug}/anchoring?round={round}");
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRemindAsync(string slug, int round, CancellationToken ct)
    {
        if (await LoadRoundsAsync(slug, round, ct) is { } denied)
        {
            return denied;
        }

        var entity = await rounds.FindAsync(round, ct);
        if (entity is null || Selected is null)
        {
            return NotFound();
        }

        if (!IsOffice)
        {
            return Forbid();
        }

        var count = await rounds.RemindAsync(entity, ct);
        TempData["Message"] = t.F("Påminnelse er sendt til {0} medlemmer.", count);
        return Redirect($"/{slug}/anchoring?round={round}");
    }

    private async Task<IActionResult?> LoadRoundsAsync(string slug, int? round, CancellationToken ct)
    {
        if (await LoadAsync(slug, "anchoring", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        var today = PartnershipTime.Today(clock);
        Today = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (Deadline.Length == 0)
        {
            Deadline = today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        List = await db.AnchoringRounds.AsNoTracking().Include(r => r.Lines).Where(r => r.PartnershipId == Partnership.Id).OrderByDescending(r => r.StartedOn).ThenByDescending(r => r.Id).ToListAsync(ct);
        if (round is { } id)
        {
            var entity = await rounds.FindAsync(id, ct);
            if (entity is null || entity.PartnershipId != Partnership.Id)
            {
                return NotFound();
            }

            Selected = await rounds.ToDtoAsync(entity, User, ct);
        }

        return null;
    }
}
