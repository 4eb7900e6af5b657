using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Members;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Features.Shared;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Members;

/// <summary>One member: facts, notices, contacts and roles, municipality numbers and history. The office acts from here.</summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class DetailsModel(PartnershipAccess access, GetMember.Handler handler, WithdrawResignation.Handler withdraw, MemberChanges.Handler changes, TimeProvider clock, Texts t)
    : PartnershipPage(access)
{
    public GetMember.Details? Member { get; private set; }

    public bool IsOffice => User.IsOffice();

    public bool CanEdit => Member is not null && MemberAccess.CanEdit(User, Member.Orgnr);

    public bool CanSeeDocuments => IsOffice || User.IsInRole(Roles.Board) || (Member is not null && User.Orgnr() == Member.Orgnr);

    public async Task<IActionResult> OnGetAsync(string slug, string orgnr, CancellationToken ct) =>
        await LoadAsync(slug, orgnr, ct) ?? Page();

    /// <summary>MEM-5: withdraw the standing notice (office).</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(string slug, string orgnr, CancellationToken ct)
    {
        if (await LoadAsync(slug, orgnr, ct) is { } denied)
        {
            return denied;
        }

        if (!IsOffice)
        {
            return Forbid();
        }

        if (await FormErrors.TryAsync(ModelState, t, () => withdraw.Handle(new WithdrawResignation.Command(Partnership.Id, Member!.Orgnr), ct)))
        {
            TempData["Message"] = t["Oppsigelsen er trukket tilbake. Medlemskapet fortsetter."];
            return Redirect($"/{Partnership.Slug}/members/{Member!.Orgnr}");
        }

        return Page();
    }

    /// <summary>MEM-7: end a role today (office or the member's own contact).</summary>
    public async Task<IActionResult> OnPostEndRoleAsync(string slug, string orgnr, int roleId, CancellationToken ct)
    {
        if (await LoadAsync(slug, orgnr, ct) is { } denied)
        {
            return denied;
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        if (await FormErrors.TryAsync(ModelState, t, () => changes.Handle(new MemberChanges.EndRole(Partnership.Id, Member!.Orgnr, roleId, null), ct)))
        {
            TempData["Message"] = t["Rollen er avsluttet."];
            return Redirect($"/{Partnership.Slug}/members/{Member!.Orgnr}");
        }

        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string slug, string orgnr, CancellationToken ct)
    {
        if (await LoadAsync(slug, "members", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        if (!OrganisationNumber.TryParse(orgnr, out var number))
        {
            return NotFound();
        }

        Member = await handler.Handle(new GetMember.Query(Partnership.Id, number.Value, PartnershipTime.Today(clock), MemberAccess.CanSeePersonalData(User, number.Value)), ct);
        return Member is null ? NotFound() : null;
    }

    public string Describe(GetMember.HistoryEvent e) => e.Event switch
    {
        "joined" => t["Ble medlem (MEM-2)."],
        "municipality-number" => t.F("Nytt kommunenummer {0}.", e.Value),
        "notice" => t.F("Skriftlig oppsigelse mottatt, med virkning fra {0} (MEM-3).", Date(e.Value)),
        "notice-withdrawn" => t["Oppsigelsen ble trukket tilbake (MEM-5)."],
        "exit" => t["Uttreden: fritatt fra avtalens plikter og rettigheter (MEM-5)."],
        "ceased" => t.F("Organisasjonen opphørte; etterfølgere: {0} (MEM-1).", e.Value),
        "succeeded" => t.F("Etterfølger for {0} (MEM-1).", e.Value),
        "role-started" => t.F("{0}: {1} fra denne datoen.", e.Description.Split(':')[0], MemberText.Role(t, e.Value)),
        "role-ended" => t.F("{0}: {1} til og med denne datoen.", e.Description.Split(':')[0], MemberText.Role(t, e.Value)),
        _ => e.Description,
    };

    private static string Date(string? iso) =>
        DateOnly.TryParse(iso, CultureInfo.InvariantCulture, out var d) ? d.ToString("d. MMMM yyyy", CultureInfo.CurrentCulture) : iso ?? "";
}
