using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Features.Shared;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Collaboration;

/// <summary>PUR-2: external partners (other regions, KS, the State, suppliers, research) and the projects and networks they take part in.</summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class PartnersModel(PartnershipAccess access, AppDbContext db, ExternalPartners partners, Texts t) : PartnershipPage(access)
{
    public List<ExternalPartners.Dto> List { get; private set; } = [];

    public List<(string Value, string Name)> Targets { get; private set; } = [];

    public bool IsOffice => User.IsOffice();

    public Dictionary<string, string?> Form { get; } = [];

    public static readonly string[] Kinds = ["region", "ks", "state", "supplier", "research", "other"];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) => await LoadListAsync(slug, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string slug, string? name, string? kind, string? orgnr, string? contactName, string? contactEmail, CancellationToken ct)
    {
        if (await LoadListAsync(slug, ct) is { } denied)
        {
            return denied;
        }

        if (!IsOffice)
        {
            return Forbid();
        }

        (Form["name"], Form["kind"], Form["orgnr"], Form["contactName"], Form["contactEmail"]) = (name, kind, orgnr, contactName, contactEmail);
        if (await FormErrors.TryAsync(ModelState, t, () => partners.CreateAsync(Partnership.Id, name, kind, orgnr, contactName, contactEmail, ct)))
        {
            TempData["Message"] = t["Den eksterne partneren er registrert."];
            return Redirect($"/{slug}/external-partners");
        }

        return Page();
    }

    public async Task<IActionResult> OnPostLinkAsync(string slug, int partnerId, string? target, string? role, CancellationToken ct)
    {
        if (await LoadListAsync(slug, ct) is { } denied)
        {
            return denied;
        }

        if (!IsOffice)
        {
            return Forbid();
        }

        var partner = await partners.FindAsync(partnerId, ct);
        if (partner is null || partner.PartnershipId != Partnership.Id)
        {
            return NotFound();
        }

        int? projectId = target?.StartsWith("project:", StringComparison.Ordinal) == true && int.TryParse(target.AsSpan(8), out var p) ? p : null;
        int? networkId = target?.StartsWith("network:", StringComparison.Ordinal) == true && int.TryParse(target.AsSpan(8), out var n) ? n : null;
        if (await FormErrors.TryAsync(ModelState, t, () => partners.LinkAsync(partner, projectId, networkId, role, ct)))
        {
            TempData["Message"] = t["Den eksterne partneren er knyttet til prosjektet eller nettverket."];
            return Redirect($"/{slug}/external-partners");
        }

        return Page();
    }

    private async Task<IActionResult?> LoadListAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, "external-partners", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        List = await partners.ListAsync(Partnership.Id, IsOffice, ct);
        if (IsOffice)
        {
            var projects = await db.Projects.AsNoTracking().Where(x => x.PartnershipId == Partnership.Id).OrderByBokmal(x => x.Name).Select(x => new { x.Id, x.Name }).ToListAsync(ct);
            var networks = await db.Networks.AsNoTracking().Where(x => x.PartnershipId == Partnership.Id).OrderByBokmal(x => x.Name).Select(x => new { x.Id, x.Name }).ToListAsync(ct);
            Targets = [.. projects.Select(x => ($"project:{x.Id}", t.F("Prosjekt: {0}", x.Name))), .. networks.Select(x => ($"network:{x.Id}", t.F("Nettverk: {0}", x.Name)))];
        }

        return null;
    }

    public string KindText(string kind) => kind switch
    {
        "region" => t["Annen region"],
        "ks" => t["KS"],
        "state" => t["Staten"],
        "supplier" => t["Leverandør"],
        "research" => t["Forskning"],
        _ => t["Annen"],
    };
}
