using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Board;
using Partnerskap.Domain.Meetings;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Features.Shared;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Board;

/// <summary>The board's cases, and a form for the office to open one.</summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class CasesModel(PartnershipAccess access, AppDbContext db, BoardWork work, Texts t) : BoardPage(access, t)
{
    public List<BoardCase> Cases { get; private set; } = [];

    public List<Meeting> OpenMeetings { get; private set; } = [];

    public Dictionary<int, string> MeetingTitles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) => await LoadBoardAsync(slug, ct) ?? await ShowAsync(ct);

    public async Task<IActionResult> OnPostAsync(string slug, string? title, string? kind, string? parties, bool restricted, string? presentation,
        string? proposedDecision, string? link, int? meetingId, CancellationToken ct)
    {
        if (await LoadBoardAsync(slug, ct) is { } denied)
        {
            return denied;
        }

        if (!User.IsOffice())
        {
            return Forbid();
        }

        var orgnrs = (parties ?? "").Split([',', ' ', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        BoardCase? opened = null;
        if (await FormErrors.TryAsync(ModelState, T, async () => opened = await work.OpenCaseAsync(Partnership.Id,
                new CaseInput(title, kind, orgnrs, restricted, presentation, proposedDecision, link, meetingId), ct)))
        {
            TempData["Message"] = T.F("Sak {0} er opprettet.", opened!.Number);
            return Redirect($"/{Partnership.Slug}/board/cases/{opened.Id}");
        }

        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Cases = await db.Cases.AsNoTracking().Include(c => c.Parties)
            .Where(c => c.PartnershipId == Partnership.Id && c.Kind != CaseKind.AnnualMeeting)
            .OrderByDescending(c => c.Year).ThenByDescending(c => c.Sequence).ToListAsync(ct);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.PartnershipId == Partnership.Id && m.Kind == MeetingKind.Board).ToListAsync(ct);
        var approved = await db.BoardMeetingRecords.AsNoTracking().Where(r => r.MinutesApprovedAt != null).Select(r => r.MeetingId).ToListAsync(ct);
        MeetingTitles = meetings.ToDictionary(m => m.Id, m => $"{m.Title} ({m.Date:dd.MM.yyyy})");
        OpenMeetings = meetings.Where(m => !approved.Contains(m.Id)).OrderBy(m => m.StartsAt).ToList();
        return Page();
    }
}
