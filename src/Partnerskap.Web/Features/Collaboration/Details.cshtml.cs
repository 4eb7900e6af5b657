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

/// <summary>PUR-1: one consultation. Members give input; the office drafts; the board (or the office for it) approves; the office sends.</summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class DetailsModel(PartnershipAccess access, AppDbContext db, Consultations consultations, Texts t) : PartnershipPage(access)
{
    public Consultations.Dto Consultation { get; private set; } = null!;

    public Consultation Entity { get; private set; } = null!;

    /// <summary>The members the caller may give input for: all for the office, its own for a member contact.</summary>
    public List<(string Orgnr, string Name)> InputFor { get; private set; } = [];

    public bool IsOffice => User.IsOffice();

    public bool CanApprove => User.IsOffice() || User.IsInRole(Roles.Board);

    public string StatusText => Entity.Status switch
    {
        ConsultationStatus.Open => t["Innspill samles"],
        ConsultationStatus.Drafted => t["Utkast til felles svar"],
        ConsultationStatus.Approved => t["Godkjent av styret"],
        _ => t["Sendt"],
    };

    public async Task<IActionResult> OnGetAsync(string slug, int id, CancellationToken ct) => await LoadConsultationAsync(slug, id, ct) ?? Page();

    public Task<IActionResult> OnPostInputAsync(string slug, int id, string? orgnr, string? text, CancellationToken ct) =>
        ActAsync(slug, id, c => MemberAccess.CanEdit(User, orgnr ?? ""), c => consultations.GiveInputAsync(c, orgnr ?? "", text, ct), t["Innspillet er registrert."], ct);

    public Task<IActionResult> OnPostDraftAsync(string slug, int id, string? text, CancellationToken ct) =>
        ActAsync(slug, id, _ => IsOffice, c => consultations.DraftAsync(c, text, ct), t["Utkastet er lagret."], ct);

    public Task<IActionResult> OnPostApproveAsync(string slug, int id, string? decisionRef, CancellationToken ct) =>
        ActAsync(slug, id, _ => CanApprove, c => consultations.ApproveAsync(c, decisionRef, ct), t["Godkjenningen er registrert."], ct);

    public Task<IActionResult> OnPostSendAsync(string slug, int id, CancellationToken ct) =>
        ActAsync(slug, id, _ => IsOffice, c => consultations.SendAsync(c, ct), t["Svaret er sendt og arkivert."], ct);

    private async Task<IActionResult> ActAsync(string slug, int id, Func<Consultation, bool> allowed, Func<Consultation, Task> action, string message, CancellationToken ct)
    {
        if (await LoadConsultationAsync(slug, id, ct) is { } denied)
        {
            return denied;
        }

        if (!allowed(Entity))
        {
            return Forbid();
        }

        if (await FormErrors.TryAsync(ModelState, t, () => action(Entity)))
        {
            TempData["Message"] = message;
            return Redirect($"/{slug}/consultations/{id}");
        }

        Consultation = await consultations.ToDtoAsync(Entity, User, ct);
        return Page();
    }

    private async Task<IActionResult?> LoadConsultationAsync(string slug, int id, CancellationToken ct)
    {
        if (await LoadAsync(slug, "consultations", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        var c = await consultations.FindAsync(id, ct);
        if (c is null || c.PartnershipId != Partnership.Id)
        {
            return NotFound();
        }

        Entity = c;
        Consultation = await consultations.ToDtoAsync(c, User, ct);
        var members = db.Members.AsNoTracking().Where(m => m.PartnershipId == Partnership.Id);
        if (!IsOffice)
        {
            var own = User.Orgnr();
            members = members.Where(m => m.Orgnr == own);
        }

        InputFor = (await members.OrderByBokmal(m => m.Name).Select(m => new { m.Orgnr, m.Name }).ToListAsync(ct)).Select(m => (m.Orgnr, m.Name)).ToList();
        return null;
    }
}
