using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Members;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Features.Shared;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Members;

/// <summary>Addresses, invoice reference and EHF endpoint. The office, or the member's own contact.</summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class EditModel(PartnershipAccess access, GetMember.Handler members, MemberChanges.Handler handler, TimeProvider clock, Texts t)
    : PartnershipPage(access)
{
    public string Orgnr { get; private set; } = "";

    public string MemberName { get; private set; } = "";

    public string? Address { get; private set; }

    public string? PostalCode { get; private set; }

    public string? City { get; private set; }

    public string? InvoiceAddress { get; private set; }

    public string? InvoiceReference { get; private set; }

    public string? EhfEndpoint { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string orgnr, CancellationToken ct) => await LoadAsync(slug, orgnr, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string slug, string orgnr, string? address, string? postalCode, string? city,
        string? invoiceAddress, string? invoiceReference, string? ehfEndpoint, CancellationToken ct)
    {
        if (await LoadAsync(slug, orgnr, ct) is { } denied)
        {
            return denied;
        }

        (Address, PostalCode, City, InvoiceAddress, InvoiceReference, EhfEndpoint) = (address, postalCode, city, invoiceAddress, invoiceReference, ehfEndpoint);
        if (await FormErrors.TryAsync(ModelState, t, () => handler.Handle(
            new MemberChanges.UpdateDetails(Partnership.Id, Orgnr, address, postalCode, city, invoiceAddress, invoiceReference, ehfEndpoint), ct)))
        {
            TempData["Message"] = t["Opplysningene er lagret."];
            return Redirect($"/{slug}/members/{Orgnr}");
        }

        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string slug, string orgnr, CancellationToken ct)
    {
        if (await LoadAsync(slug, "members", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        if (!OrganisationNumber.TryParse(orgnr, out var number)
            || await members.Handle(new GetMember.Query(Partnership.Id, number.Value, PartnershipTime.Today(clock)), ct) is not { } m)
        {
            return NotFound();
        }

        if (!MemberAccess.CanEdit(User, m.Orgnr))
        {
            return Forbid();
        }

        (Orgnr, MemberName, Address, PostalCode, City, InvoiceAddress, InvoiceReference, EhfEndpoint) =
            (m.Orgnr, m.Name, m.Address, m.PostalCode, m.City, m.InvoiceAddress, m.InvoiceReference, m.EhfEndpoint);
        return null;
    }
}
