using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Collaboration;
using Partnerskap.Domain.Common;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Members;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Features.Shared;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Collaboration;

/// <summary>
/// PUR-4, ORG-4: the document library. The agreement and the statutes side by side with their current versions (the
/// agreement prevails), which settings come from which document, templates and other shared documents.
/// </summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class LibraryModel(PartnershipAccess access, AppDbContext db, Library library, TimeProvider clock, Texts t) : PartnershipPage(access)
{
    public List<Library.DocumentDto> Documents { get; private set; } = [];

    /// <summary>ORG-4: the settings and the document or decision each comes from.</summary>
    public List<(string Setting, string Source)> Sources { get; private set; } = [];

    public bool IsOffice => User.IsOffice();

    public Dictionary<string, string?> Form { get; } = [];

    public IEnumerable<Library.DocumentDto> OfKind(string kind) => Documents.Where(d => d.Kind == kind);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        Form["validFrom"] = PartnershipTime.Today(clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return await LoadListAsync(slug, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string? kind, string? title, string? description, IFormFile? file, string? validFrom,
        string? decisionRef, string? changeNote, CancellationToken ct)
    {
        if (await LoadListAsync(slug, ct) is { } denied)
        {
            return denied;
        }

        if (!IsOffice)
        {
            return Forbid();
        }

        (Form["kind"], Form["title"], Form["description"], Form["validFrom"], Form["decisionRef"], Form["changeNote"]) = (kind, title, description, validFrom, decisionRef, changeNote);
        var from = FormDates.Parse(validFrom, "validFrom", ModelState, t);
        var upload = file is null ? null : new Upload(file.FileName, file.ContentType, file.OpenReadStream);
        LibraryDocument? created = null;
        if (ModelState.IsValid && await FormErrors.TryAsync(ModelState, t, async () =>
                created = await library.CreateAsync(Partnership.Id, kind, title, description, upload, from, decisionRef, changeNote, ct)))
        {
            TempData["Message"] = t["Dokumentet er publisert."];
            return Redirect($"/{slug}/library/{created!.Id}");
        }

        return Page();
    }

    private async Task<IActionResult?> LoadListAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, "library", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        Documents = await library.ListAsync(Partnership.Id, ct);
        Sources = [];
        Sources.Add((t["Kontingent (FIN-1, FIN-2, FIN-6)"], (await db.FeeModels.AsNoTracking().Where(m => m.PartnershipId == Partnership.Id)
            .OrderByDescending(m => m.ValidFromYear).Select(m => m.Decision).FirstOrDefaultAsync(ct)) ?? t["Partneravtalen § 4"]));
        Sources.Add((t["Oppsigelse og uttreden (MEM-3, MEM-5)"], Partnership.PolicyDecisionRef ?? t["Partneravtalen"]));
        var meeting = await db.MeetingSettings.AsNoTracking().SingleOrDefaultAsync(m => m.PartnershipId == Partnership.Id, ct);
        Sources.Add((t["Årsmøtet: frister, flertall og beslutningsdyktighet (ORG-1)"], meeting?.Source ?? t["Standard (vedtektene er ikke registrert)"]));
        return null;
    }

    public string KindText(string kind) => CollaborationText.LibraryKind(t, kind);
}
