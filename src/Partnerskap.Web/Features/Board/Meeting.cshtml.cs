using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Board;

/// <summary>A board meeting: agenda, notice, attendance per seat, decisions per case, minutes and their approval.</summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class MeetingModel(PartnershipAccess access, AppDbContext db, MeetingPapers papers, BoardWork work, Texts t) : MeetingPage(access, db, papers, t)
{
    public async Task<IActionResult> OnGetAsync(string slug, int id, CancellationToken ct) => await LoadMeetingAsync(slug, id, ct) ?? await ShowAsync(ct);

    public async Task<IActionResult> OnPostNoticeAsync(string slug, int id, CancellationToken ct)
    {
        if (await LoadOfficeAsync(slug, id, ct) is { } denied)
        {
            return denied;
        }

        var count = 0;
        return await RunAsync(async () => count = await Papers.SendNoticeAsync(Meeting, ct), T["Innkallingen med sakslisten er sendt til styremedlemmene."], Here())
            ?? await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAttendanceAsync(string slug, int id, List<string>? present, CancellationToken ct) =>
        await LoadOfficeAsync(slug, id, ct)
        ?? await RunAsync(() => work.RecordAttendanceAsync(Meeting, present ?? [], ct), T["Oppmøtet er registrert."], Here())
        ?? await ShowAsync(ct);

    public async Task<IActionResult> OnPostApproveAsync(string slug, int id, string? approval, CancellationToken ct) =>
        await LoadOfficeAsync(slug, id, ct)
        ?? await RunAsync(() => work.ApproveMinutesAsync(Meeting, approval, ct), T["Protokollen er godkjent."], Here())
        ?? await ShowAsync(ct);

    private string Here() => $"/{Partnership.Slug}/board/meetings/{Meeting.Id}";

    private async Task<IActionResult?> LoadOfficeAsync(string slug, int id, CancellationToken ct) =>
        await LoadMeetingAsync(slug, id, ct) ?? (User.IsOffice() ? null : Forbid());

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        await LoadMinutesAsync(ct);
        return Page();
    }
}
