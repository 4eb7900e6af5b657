using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnerskap.Domain.Common;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Features.Shared;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Members;

/// <summary>MEM-7: add a person with a dated role. The office, or the member's own contact.</summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class AddContactModel(PartnershipAccess access, GetMember.Handler members, MemberChanges.Handler handler, TimeProvider clock, Texts t)
    : MemberPage(access, members, clock)
{
    public string Orgnr => Member.Orgnr;

    public string MemberName => Member.Name;

    public string? Name { get; private set; }

    public string? Email { get; private set; }

    public string? Phone { get; private set; }

    public string? Role { get; private set; }

    public string? From { get; private set; }

    public string? To { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string orgnr, CancellationToken ct)
    {
        From = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return await LoadMemberAsync(slug, orgnr, forEditing: true, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string orgnr, string? name, string? email, string? phone, string? role, string? from, string? to, CancellationToken ct)
    {
        if (await LoadMemberAsync(slug, orgnr, forEditing: true, ct) is { } denied)
        {
            return denied;
        }

        (Name, Email, Phone, Role, From, To) = (name, email, phone, role, from, to);
        var fromDate = FormDates.Parse(from, "from", ModelState, t);
        var toDate = FormDates.Parse(to, "to", ModelState, t);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await FormErrors.TryAsync(ModelState, t, () => handler.Handle(new MemberChanges.AddContact(Partnership.Id, Orgnr, name, email, phone, role, fromDate, toDate), ct)))
        {
            TempData["Message"] = t.F("{0} er lagt til.", name);
            return Redirect($"/{Partnership.Slug}/members/{Orgnr}");
        }

        return Page();
    }
}
