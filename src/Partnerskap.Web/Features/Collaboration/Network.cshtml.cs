using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Collaboration;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Members;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Features.Shared;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Collaboration;

/// <summary>MEM-8, PUR-2, PUR-3: one network: participants per member, external participants, meetings and shared documents.</summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class NetworkModel(PartnershipAccess access, AppDbContext db, Networks networks, Texts t) : PartnershipPage(access)
{
    private Network _entity = null!;

    public Networks.Dto Network { get; private set; } = null!;

    /// <summary>The members the caller may add people for: all for the office, its own for a member contact.</summary>
    public List<(string Orgnr, string Name)> AddFor { get; private set; } = [];

    public List<(int Id, string Name)> Partners { get; private set; } = [];

    /// <summary>PUR-3: events and courses the network arranges.</summary>
    public List<(int Id, string Title, DateTimeOffset StartsAt)> Events { get; private set; } = [];

    public bool IsOffice => User.IsOffice();

    public bool CanEnd(Networks.ParticipantDto p) => p.LeftOn is null && (IsOffice || (p.Orgnr is not null && MemberAccess.CanEdit(User, p.Orgnr)));

    public async Task<IActionResult> OnGetAsync(string slug, int id, CancellationToken ct)
    {
        if (await FindNetworkAsync(slug, id, ct) is { } denied)
        {
            return denied;
        }

        await ShowAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostParticipantAsync(string slug, int id, string? orgnr, string? name, string? email, string? title, CancellationToken ct)
    {
        int? partnerId = orgnr?.StartsWith("partner:", StringComparison.Ordinal) == true && int.TryParse(orgnr.AsSpan(8), out var pid) ? pid : null;
        return ActAsync(slug, id, n => networks.AddParticipantAsync(n, User, partnerId is null ? orgnr : null, partnerId, name, email, title, ct), t["Deltakeren er lagt til."], ct);
    }

    public Task<IActionResult> OnPostEndAsync(string slug, int id, int participantId, CancellationToken ct) =>
        ActAsync(slug, id, n => networks.EndParticipationAsync(n, participantId, User, ct), t["Deltakelsen er avsluttet."], ct);

    public Task<IActionResult> OnPostActivityAsync(string slug, int id, string? title, string? kind, string? on, string? notes, IFormFile? document, CancellationToken ct)
    {
        if (!IsOffice)
        {
            return Task.FromResult<IActionResult>(Forbid());
        }

        var date = FormDates.Parse(on, "on", ModelState, t);
        var upload = document is null ? null : new Upload(document.FileName, document.ContentType, document.OpenReadStream);
        return ActAsync(slug, id, n => networks.AddActivityAsync(n, title, kind, date, notes, upload, ct), t["Aktiviteten er registrert."], ct);
    }

    public Task<IActionResult> OnPostCloseAsync(string slug, int id, CancellationToken ct) =>
        IsOffice ? ActAsync(slug, id, n => networks.CloseAsync(n, ct), t["Nettverket er avsluttet."], ct) : Task.FromResult<IActionResult>(Forbid());

    private async Task<IActionResult> ActAsync(string slug, int id, Func<Network, Task> action, string message, CancellationToken ct)
    {
        if (await FindNetworkAsync(slug, id, ct) is { } denied)
        {
            return denied;
        }

        // The page is only built when it is shown again (with the errors); a success redirects.
        if (ModelState.IsValid && await FormErrors.TryAsync(ModelState, t, () => action(_entity)))
        {
            TempData["Message"] = message;
            return Redirect($"/{slug}/networks/{id}");
        }

        await ShowAsync(ct);
        return Page();
    }

    /// <summary>Resolves the partnership (404/403) and loads the network of it (404 otherwise).</summary>
    private async Task<IActionResult?> FindNetworkAsync(string slug, int id, CancellationToken ct)
    {
        if (await LoadAsync(slug, "networks", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        var n = await networks.FindAsync(id, ct);
        if (n is null || n.PartnershipId != Partnership.Id)
        {
            return NotFound();
        }

        _entity = n;
        return null;
    }

    /// <summary>What the page shows: the network, the members and partners to add people for, the events it arranges.</summary>
    private async Task ShowAsync(CancellationToken ct)
    {
        var id = _entity.Id;
        Network = await networks.ToDtoAsync(_entity, User, ct);
        var members = db.Members.AsNoTracking().Where(m => m.PartnershipId == Partnership.Id);
        if (!IsOffice)
        {
            var own = User.Orgnr();
            members = members.Where(m => m.Orgnr == own);
        }

        Events = (await db.Events.AsNoTracking().Where(e => e.NetworkId == id).Select(e => new { e.Id, e.Title, e.StartsAt }).ToListAsync(ct))
            .OrderBy(e => e.StartsAt).Select(e => (e.Id, e.Title, e.StartsAt)).ToList();
        AddFor = (await members.OrderByBokmal(m => m.Name).Select(m => new { m.Orgnr, m.Name }).ToListAsync(ct)).Select(m => (m.Orgnr, m.Name)).ToList();
        if (IsOffice)
        {
            Partners = (await db.ExternalPartners.AsNoTracking().Where(x => x.PartnershipId == Partnership.Id).OrderByBokmal(x => x.Name)
                .Select(x => new { x.Id, x.Name }).ToListAsync(ct)).Select(x => (x.Id, x.Name)).ToList();
        }
    }

    public string KindText(string kind) => CollaborationText.NetworkKind(t, kind);

    public string ActivityText(string kind) => kind switch
    {
        "meeting" => t["Møte"],
        "workshop" => t["Samling"],
        _ => t["Annen aktivitet"],
    };
}
