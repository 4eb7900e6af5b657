using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Board;

/// <summary>The minutes (protokoll) of a board meeting: attendance, recusals with reasons (DIS-3), decisions and votes.</summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class MinutesModel(PartnershipAccess access, AppDbContext db, MeetingPapers papers, Texts t) : MeetingPage(access, db, papers, t)
{
    public async Task<IActionResult> OnGetAsync(string slug, int id, CancellationToken ct)
    {
        if (await LoadMeetingAsync(slug, id, ct) is { } denied)
        {
            return denied;
        }

        await LoadMinutesAsync(ct);
        return Page();
    }
}
