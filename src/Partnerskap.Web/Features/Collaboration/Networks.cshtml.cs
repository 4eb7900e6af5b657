using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnerskap.Domain.Collaboration;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Features.Shared;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Collaboration;

/// <summary>MEM-8, PUR-3: the networks and working groups; the office creates one.</summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class NetworksModel(PartnershipAccess access, Networks networks, Texts t) : PartnershipPage(access)
{
    public List<Networks.Summary> List { get; private set; } = [];

    public bool IsOffice => User.IsOffice();

    public string? Name { get; private set; }

    public string? Kind { get; private set; }

    public string? Purpose { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) => await LoadListAsync(slug, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string slug, string? name, string? kind, string? purpose, CancellationToken ct)
    {
        if (await LoadListAsync(slug, ct) is { } denied)
        {
            return denied;
        }

        if (!IsOffice)
        {
            return Forbid();
        }

        (Name, Kind, Purpose) = (name, kind, purpose);
        Network? created = null;
        if (await FormErrors.TryAsync(ModelState, t, async () => created = await networks.CreateAsync(Partnership.Id, name, kind, purpose, ct)))
        {
            return Redirect($"/{slug}/networks/{created!.Id}");
        }

        return Page();
    }

    private async Task<IActionResult?> LoadListAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, "networks", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        List = await networks.ListAsync(Partnership.Id, ct);
        return null;
    }

    public string KindText(string kind) => CollaborationText.NetworkKind(t, kind);
}
