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
    : MemberPage(access, members, clock)
{
    public string Orgnr => Member.Orgnr;

    public string MemberName => Member.Name;

    public string? Address { get; private set; }

    public string? PostalCode { get; private set; }

    public string? City { get; private set; }

    public string? InvoiceAddress { get; private set; }

    public string? InvoiceReference { get; private set; }

    public string? EhfEndpoint { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string orgnr, CancellationToken ct)
    {
        if (await LoadMemberAsync(slug, orgnr, forEditing: true, ct) is { } denied)
        {
            return denied;
        }

        var m = Member;
        (Address, PostalCode, City, InvoiceAddress, InvoiceReference, EhfEndpoint) =
            (m.Address, m.PostalCode, m.City, m.InvoiceAddress, m.InvoiceReference, m.EhfEndpoint);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string orgnr, string? address, string? postalCode, string? city,
        string? invoiceAddress, string? invoiceReference, string? ehfEndpoint, CancellationToken ct)
    {
        if (await LoadMemberAsync(slug, orgnr, forEditing: true, ct) is { } denied)
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
}
