using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Fees;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Fees;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Features.Shared;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Invoices;

/// <summary>One invoice: facts, calculation sheet, files; the office marks it sent or paid, or credits it.</summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class DetailsModel(PartnershipAccess access, AppDbContext db, InvoiceActions actions, Texts t) : PartnershipPage(access)
{
    public Invoice? Invoice { get; private set; }

    public bool IsOffice => User.IsOffice();

    public async Task<IActionResult> OnGetAsync(string slug, int id, CancellationToken ct) => await LoadAsync(slug, id, ct) ?? Page();

    public Task<IActionResult> OnPostSentAsync(string slug, int id, CancellationToken ct) =>
        ActAsync(slug, id, () => actions.MarkSentAsync(Partnership.Id, id, ct), t["Fakturaen er merket som sendt."], ct);

    public Task<IActionResult> OnPostPaidAsync(string slug, int id, string? paidOn, string? amount, CancellationToken ct)
    {
        DateOnly? on = DateOnly.TryParseExact(paidOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        decimal? paid = decimal.TryParse(amount?.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var a) ? a : null;
        if (on is null)
        {
            ModelState.AddModelError("paidOn", t["Skriv datoen som åååå-mm-dd."]);
        }

        if (paid is null)
        {
            ModelState.AddModelError("amount", t["Skriv beløpet med tall, for eksempel 288264.00."]);
        }

        return ActAsync(slug, id, () => actions.MarkPaidAsync(Partnership.Id, id, on, paid, ct), t["Innbetalingen er registrert."], ct);
    }

    public Task<IActionResult> OnPostCreditAsync(string slug, int id, string? reason, CancellationToken ct) =>
        ActAsync(slug, id, () => actions.CreditAsync(Partnership.Id, id, reason, ct), t["Fakturaen er kreditert. Kreditnotaen har eget nummer."], ct);

    private async Task<IActionResult> ActAsync(string slug, int id, Func<Task<Invoice>> action, string message, CancellationToken ct)
    {
        if (await LoadAsync(slug, id, ct) is { } denied)
        {
            return denied;
        }

        if (!IsOffice)
        {
            return Forbid();
        }

        if (ModelState.IsValid && await FormErrors.TryAsync(ModelState, t, action))
        {
            TempData["Message"] = message;
            return Redirect($"/{slug}/invoices/{id}");
        }

        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string slug, int id, CancellationToken ct)
    {
        if (await LoadAsync(slug, "fees", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        Invoice = await db.Invoices.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && i.PartnershipId == Partnership.Id, ct);
        if (Invoice is null)
        {
            return NotFound();
        }

        return IsOffice || User.IsInRole(Roles.Board) || User.Orgnr() == Invoice.Orgnr ? null : Forbid();
    }
}
