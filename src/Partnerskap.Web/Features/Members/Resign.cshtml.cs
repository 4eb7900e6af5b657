using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Members;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Features.Shared;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Members;

/// <summary>MEM-3/MEM-4: the office registers a written notice with its document; the receipt is produced and mailed.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class ResignModel(PartnershipAccess access, GetMember.Handler members, RegisterResignation.Handler handler, TimeProvider clock, Texts t)
    : MemberPage(access, members, clock)
{
    public string ReceivedOn { get; private set; } = "";

    public string? ReceivedTime { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string orgnr, CancellationToken ct)
    {
        if (await LoadMemberAsync(slug, orgnr, forEditing: false, ct) is { } denied)
        {
            return denied;
        }

        ReceivedOn = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string orgnr, string? receivedOn, string? receivedTime, IFormFile? document, CancellationToken ct)
    {
        if (await LoadMemberAsync(slug, orgnr, forEditing: false, ct) is { } denied)
        {
            return denied;
        }

        ReceivedOn = receivedOn ?? "";
        ReceivedTime = receivedTime;
        if (!DateOnly.TryParseExact(receivedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            ModelState.AddModelError("receivedOn", t["Skriv datoen som åååå-mm-dd."]);
            return Page();
        }

        DateTimeOffset? at = null;
        if (!string.IsNullOrWhiteSpace(receivedTime))
        {
            if (!TimeOnly.TryParse(receivedTime, CultureInfo.InvariantCulture, out var time))
            {
                ModelState.AddModelError("receivedTime", t["Skriv klokkeslettet som tt:mm."]);
                return Page();
            }

            var local = date.ToDateTime(time);
            at = new DateTimeOffset(local, PartnershipTime.Oslo.GetUtcOffset(local));
        }

        var upload = document is { Length: > 0 } ? new Upload(document.FileName, document.ContentType, document.OpenReadStream) : null;
        RegisterResignation.Result? result = null;
        var ok = await FormErrors.TryAsync(ModelState, t, async () =>
            result = await handler.Handle(new RegisterResignation.Command(Partnership.Id, Member.Orgnr, at, at is null ? date : null, upload), ct));
        if (!ok)
        {
            return Page();
        }

        TempData["Message"] = t.F("Oppsigelsen er registrert. Den får virkning fra {0}. Kvitteringsbrev er laget{1}.",
            result!.EffectiveOn.ToString("d. MMMM yyyy", CultureInfo.CurrentCulture),
            result.MailedTo.Count == 0 ? t[" (ingen kontaktperson med e-post å sende til)"] : t.F(" og sendt til {0}", string.Join(", ", result.MailedTo)));
        return Redirect($"/{Partnership.Slug}/members/{Member.Orgnr}");
    }
}
