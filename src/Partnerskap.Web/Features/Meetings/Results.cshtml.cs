using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnerskap.Domain.Meetings;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Partnerships;

namespace Partnerskap.Web.Features.Meetings;

/// <summary>The public result of a closed vote (not of a rehearsal): question, counts and outcome, no names.</summary>
[AllowAnonymous]
public sealed class ResultsModel(PartnershipAccess access, AppDbContext db, Voting voting) : PartnershipPage(access)
{
    public Vote Vote { get; private set; } = null!;

    public Meeting Meeting { get; private set; } = null!;

    public VoteView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, int id, CancellationToken ct)
    {
        if (await LoadAsync(slug, "meetings", publicPage: true, ct) is { } denied)
        {
            return denied;
        }

        if (await MeetingPages.VoteAsync(db, Partnership.Id, id, ct) is not { } found || found.Vote.Status != VoteStatus.Closed || found.Meeting.Rehearsal)
        {
            return NotFound();
        }

        (Vote, Meeting) = found;
        View = await voting.ViewAsync(Vote, Meeting, ct);
        return Page();
    }
}
