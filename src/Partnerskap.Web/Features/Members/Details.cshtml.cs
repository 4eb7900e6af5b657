using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Members;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Members;

/// <summary>One member: facts, municipality numbers, contacts and history.</summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class DetailsModel(PartnershipAccess access, GetMember.Handler handler, TimeProvider clock, Texts t)
    : PartnershipPage(access)
{
    public GetMember.Details? Member { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string orgnr, CancellationToken ct)
    {
        if (await LoadAsync(slug, "members", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        if (!OrganisationNumber.TryParse(orgnr, out var number))
        {
            return NotFound();
        }

        Member = await handler.Handle(new GetMember.Query(Partnership.Id, number.Value, PartnershipTime.Today(clock)), ct);
        return Member is null ? NotFound() : Page();
    }

    public string Describe(GetMember.HistoryEvent e) => e.Event switch
    {
        "joined" => t["Ble medlem (MEM-2)."],
        "municipality-number" => t.F("Nytt kommunenummer {0}.", e.Description.Split(' ').Last().TrimEnd('.')),
        _ => e.Description,
    };
}
