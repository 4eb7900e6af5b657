using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Meetings;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.AnnualMeeting;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Features.Shared;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Meetings;

/// <summary>The annual meeting's protocol: generated, edited by the office, approved by two co-signers, published as PDF.</summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class ProtocolModel(PartnershipAccess access, AppDbContext db, AnnualMeetings meetings, UserManager<AppUser> users, Texts t) : PartnershipPage(access)
{
    public Meeting Meeting { get; private set; } = null!;

    public AnnualMeetingApi.ProtocolDto? Protocol { get; private set; }

    public bool MaySign { get; private set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? CoSigner1 { get; set; }

    [BindProperty]
    public string? CoSigner2 { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, int id, CancellationToken ct) => await LoadAllAsync(slug, id, ct) ?? Page();

    public async Task<IActionResult> OnGetPdfAsync(string slug, int id, CancellationToken ct)
    {
        if (await LoadAllAsync(slug, id, ct) is { } denied)
        {
            return denied;
        }

        var protocol = await db.Protocols.AsNoTracking().SingleOrDefaultAsync(p => p.MeetingId == id, ct);
        return protocol is null ? NotFound() : File(await meetings.RenderAsync(Meeting, protocol, ct), "application/pdf", $"protokoll-{Meeting.Date:yyyy-MM-dd}.pdf");
    }

    public Task<IActionResult> OnPostGenerateAsync(string slug, int id, CancellationToken ct) =>
        ActAsync(slug, id, true, () => meetings.GenerateProtocolAsync(Meeting, ct), t["Protokollen er laget på nytt fra møtets data."], ct);

    public Task<IActionResult> OnPostEditAsync(string slug, int id, CancellationToken ct) =>
        ActAsync(slug, id, true, () => meetings.EditProtocolAsync(Meeting, Text ?? "", CoSigner1, CoSigner2, ct), t["Protokollen er lagret."], ct);

    public Task<IActionResult> OnPostApproveAsync(string slug, int id, CancellationToken ct) =>
        ActAsync(slug, id, false, () => meetings.ApproveProtocolAsync(Meeting, users.GetUserId(User)!, ct), t["Du har godkjent protokollen."], ct);

    public Task<IActionResult> OnPostPublishAsync(string slug, int id, CancellationToken ct) =>
        ActAsync(slug, id, true, () => meetings.PublishProtocolAsync(Meeting, ct), t["Protokollen er publisert."], ct);

    private async Task<IActionResult> ActAsync(string slug, int id, bool office, Func<Task> action, string done, CancellationToken ct)
    {
        if (office && !User.IsOffice())
        {
            return Forbid();
        }

        if (await LoadAllAsync(slug, id, ct) is { } denied)
        {
            return denied;
        }

        if (!await FormErrors.TryAsync(ModelState, t, action))
        {
            return Page();
        }

        TempData["Message"] = done;
        return Redirect($"/{slug}/meetings/{id}/protocol");
    }

    private async Task<IActionResult?> LoadAllAsync(string slug, int id, CancellationToken ct)
    {
        if (await LoadAsync(slug, "meetings", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        if (await MeetingPages.MeetingAsync(db, Partnership.Id, id, ct) is not { } meeting)
        {
            return NotFound();
        }

        Meeting = meeting;
        var protocol = await db.Protocols.AsNoTracking().SingleOrDefaultAsync(p => p.MeetingId == id, ct);
        Protocol = protocol is null ? null : await AnnualMeetingApi.ToDtoAsync(protocol, db, ct);
        var me = users.GetUserId(User);
        MaySign = protocol is { Status: ProtocolStatus.Draft } && ((me == protocol.CoSigner1UserId && protocol.Signed1At is null) || (me == protocol.CoSigner2UserId && protocol.Signed2At is null));
        Text ??= Protocol?.Text;
        CoSigner1 ??= Protocol?.CoSigner1;
        CoSigner2 ??= Protocol?.CoSigner2;
        return null;
    }
}
