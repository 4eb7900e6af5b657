using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Board;

/// <summary>The meeting book (møtebok): the agenda's cases with presentation, proposed decision and papers (DIS-3 filtered).</summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class BookModel(PartnershipAccess access, AppDbContext db, MeetingPapers papers, Texts t) : MeetingPage(access, db, papers, t)
{
    public IReadOnlyList<MeetingPapers.BookCase> Book { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, int id, CancellationToken ct)
    {
        if (await LoadMeetingAsync(slug, id, ct) is { } denied)
        {
            return denied;
        }

        await LoadMinutesAsync(ct);
        Book = await Papers.BookAsync(Meeting, Minutes, User, ct);
        return Page();
    }
}
