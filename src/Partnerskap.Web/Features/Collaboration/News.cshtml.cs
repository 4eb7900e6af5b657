using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Features.Shared;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Collaboration;

/// <summary>PUR-4: news to the members; the office publishes.</summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class NewsModel(PartnershipAccess access, Library library, Texts t) : PartnershipPage(access)
{
    public List<Library.NewsDto> List { get; private set; } = [];

    public bool IsOffice => User.IsOffice();

    public string? Title { get; private set; }

    public string? Body { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) => await LoadListAsync(slug, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string slug, string? title, string? body, CancellationToken ct)
    {
        if (await LoadListAsync(slug, ct) is { } denied)
        {
            return denied;
        }

        if (!IsOffice)
        {
            return Forbid();
        }

        (Title, Body) = (title, body);
        if (await FormErrors.TryAsync(ModelState, t, () => library.PublishNewsAsync(Partnership.Id, title, body, ct)))
        {
            TempData["Message"] = t["Nyheten er publisert."];
            return Redirect($"/{slug}/news");
        }

        return Page();
    }

    private async Task<IActionResult?> LoadListAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, "news", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        List = await library.NewsAsync(Partnership.Id, ct);
        return null;
    }
}
