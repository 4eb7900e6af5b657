using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Features.Shared;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Portfolio;

/// <summary>PUR-5: the office adds a project or procurement with owner and participants (only members with rights, MEM-5).</summary>
[Authorize(Policy = Policies.Office)]
public sealed class NewModel(PartnershipAccess access, AppDbContext db, CreateProject.Handler handler, TimeProvider clock, Texts t) : PartnershipPage(access)
{
    public sealed record Option(string Orgnr, string Name);

    public List<Option> Members { get; private set; } = [];

    public string? Name { get; private set; }

    public string Kind { get; private set; } = "project";

    public string? OwnerOrgnr { get; private set; }

    public string? ProjectManager { get; private set; }

    public HashSet<string> Participants { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, "portfolio", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        await LoadMembersAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string? name, string? kind, string? ownerOrgnr, string? projectManager, string? description, string[]? participants, CancellationToken ct)
    {
        if (await LoadAsync(slug, "portfolio", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        (Name, Kind, OwnerOrgnr, ProjectManager, Participants) = (name, kind ?? "project", ownerOrgnr, projectManager, (participants ?? []).ToHashSet());
        Domain.Portfolio.Project? created = null;
        var ok = await FormErrors.TryAsync(ModelState, t, async () =>
            created = await handler.Handle(new CreateProject.Command(Partnership.Id, name, kind, ownerOrgnr, participants ?? [], projectManager, description), ct));
        if (!ok)
        {
            await LoadMembersAsync(ct);
            return Page();
        }

        TempData["Message"] = t.F("Prosjektet «{0}» er lagt i porteføljen.", created!.Name);
        return Redirect($"/{slug}/portfolio/{created.Id}");
    }

    /// <summary>MEM-5: only members with rights today are offered.</summary>
    private async Task LoadMembersAsync(CancellationToken ct)
    {
        var today = PartnershipTime.Today(clock);
        var all = await db.Members.AsNoTracking().Include(m => m.Notices).Where(m => m.PartnershipId == Partnership.Id).ToListAsync(ct);
        Members = all.Where(m => m.HasRightsOn(today)).OrderBy(m => m.Name, Bokmal.Order).Select(m => new Option(m.Orgnr, m.Name)).ToList();
    }
}
