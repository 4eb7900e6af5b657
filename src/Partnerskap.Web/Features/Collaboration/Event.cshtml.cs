using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Members;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Features.Shared;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Collaboration;

/// <summary>PUR-3: one event: places, registration, waiting list, cancellation, the participant list and attendance.</summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class EventModel(PartnershipAccess access, AppDbContext db, Events events, Texts t) : PartnershipPage(access)
{
    public Events.Dto Event { get; private set; } = null!;

    public List<(string Orgnr, string Name)> RegisterFor { get; private set; } = [];

    public bool IsOffice => User.IsOffice();

    public string? NetworkName { get; private set; }

    public bool CanCancel(Events.RegistrationDto r) => r.Status != "cancelled" && MemberAccess.CanEdit(User, r.Orgnr);

    public async Task<IActionResult> OnGetAsync(string slug, int id, CancellationToken ct) => await LoadEventAsync(slug, id, ct) ?? Page();

    public async Task<IActionResult> OnPostRegisterAsync(string slug, int id, string? orgnr, string? name, string? email, CancellationToken ct)
    {
        string? message = null;
        return await ActAsync(slug, id, async () =>
        {
            var r = await events.RegisterAsync(id, User, orgnr, name, email, ct);
            message = r.Status == Domain.Collaboration.RegistrationStatus.Confirmed
                ? t.F("{0} er påmeldt.", r.Name)
                : t.F("Arrangementet er fullt. {0} står på venteliste.", r.Name);
        }, () => message!, ct);
    }

    public async Task<IActionResult> OnPostCancelAsync(string slug, int id, int registrationId, CancellationToken ct)
    {
        string? message = null;
        return await ActAsync(slug, id, async () =>
        {
            var promoted = await events.CancelAsync(id, registrationId, User, ct);
            message = promoted is null ? t["Påmeldingen er avmeldt."] : t.F("Påmeldingen er avmeldt. {0} har fått plassen fra ventelisten.", promoted.Name);
        }, () => message!, ct);
    }

    public async Task<IActionResult> OnPostAttendanceAsync(string slug, int id, int registrationId, bool attended, CancellationToken ct) =>
        !IsOffice
            ? Forbid()
            : await ActAsync(slug, id, () => events.RecordAttendanceAsync(id, new Dictionary<int, bool> { [registrationId] = attended }, ct), () => t["Oppmøtet er registrert."], ct);

    private async Task<IActionResult> ActAsync(string slug, int id, Func<Task> action, Func<string> message, CancellationToken ct)
    {
        if (await LoadEventAsync(slug, id, ct) is { } denied)
        {
            return denied;
        }

        if (await FormErrors.TryAsync(ModelState, t, action))
        {
            TempData["Message"] = message();
            return Redirect($"/{slug}/events/{id}");
        }

        await LoadEventAsync(slug, id, ct);
        return Page();
    }

    private async Task<IActionResult?> LoadEventAsync(string slug, int id, CancellationToken ct)
    {
        if (await LoadAsync(slug, "events", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        db.ChangeTracker.Clear();
        var e = await events.FindAsync(id, ct);
        if (e is null || e.PartnershipId != Partnership.Id)
        {
            return NotFound();
        }

        Event = await events.ToDtoAsync(e, User, ct);
        NetworkName = e.NetworkId is { } n ? await db.Networks.AsNoTracking().Where(x => x.Id == n).Select(x => x.Name).SingleOrDefaultAsync(ct) : null;
        var members = db.Members.AsNoTracking().Where(m => m.PartnershipId == Partnership.Id);
        if (!IsOffice)
        {
            var own = User.Orgnr();
            members = members.Where(m => m.Orgnr == own);
        }

        RegisterFor = User.IsOffice() || User.IsInRole(Roles.MemberContact)
            ? (await members.OrderByBokmal(m => m.Name).Select(m => new { m.Orgnr, m.Name }).ToListAsync(ct)).Select(m => (m.Orgnr, m.Name)).ToList()
            : [];
        return null;
    }

    public string KindText(string kind) => CollaborationText.EventKind(t, kind);

    public string StatusText(string status) => status switch
    {
        "confirmed" => t["Påmeldt"],
        "waiting" => t["Venteliste"],
        _ => t["Avmeldt"],
    };
}
