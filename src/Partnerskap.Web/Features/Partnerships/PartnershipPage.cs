using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Partnerskap.Domain.Partnerships;

namespace Partnerskap.Web.Features.Partnerships;

/// <summary>Base for pages under /{slug}: finds the partnership, checks access, fills the layout's navigation.</summary>
public abstract class PartnershipPage(PartnershipAccess access) : PageModel
{
    public Partnership Partnership { get; private set; } = null!;

    /// <summary>Loads the partnership; returns a 404 or 403 result when the caller may not see it.</summary>
    protected async Task<IActionResult?> LoadAsync(string slug, string section, bool publicPage, CancellationToken ct)
    {
        var (outcome, partnership) = publicPage
            ? await PublicAsync(slug, ct)
            : await access.ReadAsync(slug, User, ct);
        switch (outcome)
        {
            case PartnershipAccess.Outcome.NotFound:
                return NotFound();
            case PartnershipAccess.Outcome.Forbidden:
                return Forbid();
        }

        Partnership = partnership!;
        ViewData["Slug"] = Partnership.Slug;
        ViewData["PartnershipName"] = Partnership.Name;
        ViewData["Section"] = section;
        return null;
    }

    private async Task<(PartnershipAccess.Outcome, Partnership?)> PublicAsync(string slug, CancellationToken ct)
    {
        var all = await access.ListAsync(null, ct);
        var found = all.FirstOrDefault(p => p.Slug == slug);
        return found is null ? (PartnershipAccess.Outcome.NotFound, null) : (PartnershipAccess.Outcome.Allowed, found);
    }
}
