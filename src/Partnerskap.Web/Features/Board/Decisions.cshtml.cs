using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Decisions;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Features.Shared;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Board;

/// <summary>The decision register (ORG-2): every decision with number, text, date, case, owner, due date and status.</summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class DecisionsModel(PartnershipAccess access, AppDbContext db, BoardWork work, Texts t) : BoardPage(access, t)
{
    public sealed record Row(Decision Decision, string? CaseNumber, int? CaseId, string? Follows, bool Withheld = false);

    public List<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) => await LoadBoardAsync(slug, ct) ?? await ShowAsync(ct);

    public async Task<IActionResult> OnPostAsync(string slug, int decisionId, string? owner, string? dueOn, string? status, CancellationToken ct)
    {
        if (await LoadBoardAsync(slug, ct) is { } denied)
        {
            return denied;
        }

        if (!User.IsOffice())
        {
            return Forbid();
        }

        var due = FormDates.Parse(dueOn, "dueOn", ModelState, T);
        return (ModelState.IsValid
                ? await RunAsync(() => work.FollowUpAsync(decisionId, Partnership.Id, owner, due, status, ct), T["Oppfølgingen er lagret."], $"/{Partnership.Slug}/board/decisions")
                : null)
            ?? await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var decisions = await db.Decisions.AsNoTracking().Where(d => d.PartnershipId == Partnership.Id).ToListAsync(ct);
        var caseIds = decisions.Where(d => d.CaseId != null).Select(d => d.CaseId!.Value).ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        var numbers = decisions.ToDictionary(d => d.Id, d => d.Number);
        var withheld = await work.WithheldDecisionCasesAsync(caseIds, User, ct); // DIS-3: restricted cases' texts
        Rows = decisions.OrderByDescending(d => d.Year).ThenByDescending(d => d.Sequence)
            .Select(d => new Row(d, d.CaseId is { } c ? cases.GetValueOrDefault(c) : null, d.CaseId,
                d.FollowsDecisionId is { } f ? numbers.GetValueOrDefault(f) : null, d.CaseId is { } w && withheld.Contains(w))).ToList();
        return Page();
    }
}
