using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Meetings;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Partnerships;

namespace Partnerskap.Web.Features.Meetings;

/// <summary>The public results of a closed (avsluttet) annual meeting: every closed vote's counts and outcome, no names. Not for a rehearsal.</summary>
[AllowAnonymous]
public sealed class MeetingResultsModel(PartnershipAccess access, AppDbContext db, Voting voting) : PartnershipPage(access)
{
    public Meeting Meeting { get; private set; } = null!;

    public List<VoteView> Votes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, int id, CancellationToken ct)
    {
        if (await LoadAsync(slug, "meetings", publicPage: true, ct) is { } denied)
        {
            return denied;
        }

        if (await MeetingPages.MeetingAsync(db, Partnership.Id, id, ct) is not { Kind: MeetingKind.Annual, Status: MeetingStatus.Closed, Rehearsal: false } meeting)
        {
            return NotFound();
        }

        Meeting = meeting;
        foreach (var v in await db.Votes.AsNoTracking().Where(v => v.MeetingId == id && v.Status == VoteStatus.Closed).OrderBy(v => v.Id).ToListAsync(ct))
        {
            Votes.Add(await voting.ViewAsync(v, meeting, ct));
        }

        return Page();
    }
}
