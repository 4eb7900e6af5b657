using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Fees;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Features.Shared;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Fees;

/// <summary>ORG-5: the host organisation as seller on the invoices.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class SellerModel(PartnershipAccess access, AppDbContext db, Texts t) : PartnershipPage(access)
{
    public FeesApi.SellerBody Form { get; private set; } = new(null, null, null, null, null, null, 30);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, "fees", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        if (await db.InvoicingSettings.AsNoTracking().SingleOrDefaultAsync(s => s.PartnershipId == Partnership.Id, ct) is { } s)
        {
            Form = new(s.SellerOrgnr, s.SellerName, s.Street, s.PostalCode, s.City, s.BankAccount, s.PaymentTermsDays);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string? sellerOrgnr, string? sellerName, string? street, string? postalCode, string? city, string? bankAccount, string? paymentTermsDays, CancellationToken ct)
    {
        if (await LoadAsync(slug, "fees", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        int? days = int.TryParse(paymentTermsDays, out var d) ? d : null;
        Form = new(sellerOrgnr, sellerName, street, postalCode, city, bankAccount, days);
        var settings = await db.InvoicingSettings.SingleOrDefaultAsync(s => s.PartnershipId == Partnership.Id, ct);
        var ok = await FormErrors.TryAsync(ModelState, t, async () =>
        {
            if (settings is null)
            {
                settings = new InvoicingSettings(Partnership.Id);
                db.InvoicingSettings.Add(settings);
            }

            settings.Set(sellerOrgnr, sellerName, street, postalCode, city, bankAccount, days);
            await db.SaveChangesAsync(ct);
        });
        if (!ok)
        {
            return Page();
        }

        TempData["Message"] = t["Selgeropplysningene er lagret."];
        return Redirect($"/{slug}/fees/seller");
    }
}
