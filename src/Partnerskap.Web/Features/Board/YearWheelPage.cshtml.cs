using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnerskap.Domain.Common;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Board;

/// <summary>The year wheel (årshjul): recurring dates and planned meetings of a year, with the iCalendar feed address.</summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class YearWheelPageModel(PartnershipAccess access, YearWheel wheel, TimeProvider clock, Texts t) : BoardPage(access, t)
{
    public int Year { get; private set; }

    public List<YearWheelEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, int? year, CancellationToken ct)
    {
        if (await LoadBoardAsync(slug, ct) is { } denied)
        {
            return denied;
        }

        Year = year is >= 2000 and <= 2100 ? year.Value : PartnershipTime.Today(clock).Year;
        Entries = await wheel.EntriesAsync(Partnership.Id, Partnership.Slug, Year, ct);
        return Page();
    }
}
