using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Collaboration;
using Partnerskap.Domain.Common;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Features.Shared;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Collaboration;

/// <summary>PUR-1: consultations the partnership answers jointly; the office opens one with a deadline.</summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class IndexModel(PartnershipAccess access, AppDbContext db, Consultations consultations, TimeProvider clock, Texts t) : PartnershipPage(access)
{
    public List<Consultation> List { get; private set; } = [];

    public bool IsOffice => User.IsOffice();

    public string? Title { get; private set; }

    public string? Issuer { get; private set; }

    public string? Deadline { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        Deadline = PartnershipTime.Today(clock).AddDays(21).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return await LoadListAsync(slug, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string? title, string? issuer, string? deadline, CancellationToken ct)
    {
        if (await LoadListAsync(slug, ct) is { } denied)
        {
            return denied;
        }

        if (!IsOffice)
        {
            return Forbid();
        }

        (Title, Issuer, Deadline) = (title, issuer, deadline);
        var date = FormDates.Parse(deadline, "deadline", ModelState, t);
        Consultation? created = null;
        if (ModelState.IsValid && await FormErrors.TryAsync(ModelState, t, async () => created = await consultations.CreateAsync(Partnership.Id, title, issuer, date, ct)))
        {
            return Redirect($"/{slug}/consultations/{created!.Id}");
        }

        return Page();
    }

    private async Task<IActionResult?> LoadListAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, "consultations", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        List = await db.Consultations.AsNoTracking().Where(c => c.PartnershipId == Partnership.Id).OrderByDescending(c => c.Deadline).ToListAsync(ct);
        return null;
    }

    public string StatusText(ConsultationStatus s) => s switch
    {
        ConsultationStatus.Open => t["Innspill samles"],
        ConsultationStatus.Drafted => t["Utkast til felles svar"],
        ConsultationStatus.Approved => t["Godkjent av styret"],
        _ => t["Sendt"],
    };
}
