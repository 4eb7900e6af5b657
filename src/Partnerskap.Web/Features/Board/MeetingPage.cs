using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Meetings;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Board;

/// <summary>Base for pages of one board meeting: loads the partnership and the meeting (404 unless a board meeting of it).</summary>
public abstract class MeetingPage(PartnershipAccess access, AppDbContext db, MeetingPapers papers, Texts t) : BoardPage(access, t)
{
    public Meeting Meeting { get; private set; } = null!;

    public MeetingPapers.Minutes Minutes { get; private set; } = null!;

    protected MeetingPapers Papers => papers;

    protected async Task<IActionResult?> LoadMeetingAsync(string slug, int id, CancellationToken ct)
    {
        if (await LoadBoardAsync(slug, ct) is { } denied)
        {
            return denied;
        }

        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && m.PartnershipId == Partnership.Id && m.Kind == MeetingKind.Board, ct);
        if (meeting is null)
        {
            return NotFound();
        }

        Meeting = meeting;
        return null;
    }

    protected async Task LoadMinutesAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        Minutes = await papers.MinutesForAsync(Meeting, User, ct); // DIS-3: restricted decisions as this reader may see them
    }
}
