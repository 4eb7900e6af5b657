using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnerskap.Domain.Collaboration;
using Partnerskap.Domain.Common;
using Partnerskap.Web.Features.Members;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Features.Shared;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Collaboration;

/// <summary>ORG-4, PUR-4: one library document with every version; the office publishes a new version (the old ones stay).</summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class LibraryDocumentModel(PartnershipAccess access, Library library, TimeProvider clock, Texts t) : PartnershipPage(access)
{
    private LibraryDocument _entity = null!;

    public Library.DocumentDto Document { get; private set; } = null!;

    public bool IsOffice => User.IsOffice();

    public Dictionary<string, string?> Form { get; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, int id, CancellationToken ct)
    {
        Form["validFrom"] = PartnershipTime.Today(clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return await LoadDocumentAsync(slug, id, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, int id, IFormFile? file, string? validFrom, string? decisionRef, string? changeNote, CancellationToken ct)
    {
        if (await LoadDocumentAsync(slug, id, ct) is { } denied)
        {
            return denied;
        }

        if (!IsOffice)
        {
            return Forbid();
        }

        (Form["validFrom"], Form["decisionRef"], Form["changeNote"]) = (validFrom, decisionRef, changeNote);
        var from = FormDates.Parse(validFrom, "validFrom", ModelState, t);
        var upload = file is null ? null : new Upload(file.FileName, file.ContentType, file.OpenReadStream);
        if (ModelState.IsValid && await FormErrors.TryAsync(ModelState, t, () => library.PublishAsync(_entity, upload, from, decisionRef, changeNote, ct)))
        {
            TempData["Message"] = t["Den nye versjonen er publisert. Tidligere versjoner er tatt vare på."];
            return Redirect($"/{slug}/library/{id}");
        }

        return Page();
    }

    private async Task<IActionResult?> LoadDocumentAsync(string slug, int id, CancellationToken ct)
    {
        if (await LoadAsync(slug, "library", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        var d = await library.FindAsync(id, ct);
        if (d is null || d.PartnershipId != Partnership.Id)
        {
            return NotFound();
        }

        _entity = d;
        Document = await library.ToDtoAsync(d, ct);
        return null;
    }

    public string KindText(string kind) => CollaborationText.LibraryKind(t, kind);
}
