using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnerskap.Domain.Members;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Features.Shared;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Infrastructure.Brreg;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Members;

/// <summary>MEM-2: register a member, optionally filling name and address from Brønnøysund (the form works without it).</summary>
[Authorize(Policy = Policies.Office)]
public sealed class JoinModel(PartnershipAccess access, RegisterMember.Handler handler, IEnhetsregisteret registry, Texts t)
    : PartnershipPage(access)
{
    public sealed class Form
    {
        public string? Orgnr { get; set; }
        public string? Name { get; set; }
        public string? Kind { get; set; } = "municipality";
        public string? MunicipalityNumber { get; set; }
        public string? Address { get; set; }
        public string? PostalCode { get; set; }
        public string? City { get; set; }
        public string? SignedBy { get; set; }
        public string? SignedAt { get; set; }
        public string? SignedOn { get; set; }
        public string? JoinedOn { get; set; }
    }

    [BindProperty(Name = "")]
    public Form Input { get; set; } = new();

    public string? LookupMessage { get; private set; }

    public bool LookupFound { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await LoadAsync(slug, "members", publicPage: false, ct) ?? Page();

    public async Task<IActionResult> OnPostLookupAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, "members", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        ModelState.Clear();
        if (!OrganisationNumber.TryParse(Input.Orgnr, out var orgnr))
        {
            ModelState.AddModelError("orgnr", t["Ugyldig organisasjonsnummer: 9 siffer med riktig kontrollsiffer (modulus 11)."]);
            return Page();
        }

        try
        {
            var unit = await registry.LookupAsync(orgnr.Value, ct);
            if (unit is null)
            {
                LookupMessage = t.F("Fant ikke {0} i Enhetsregisteret. Fyll inn navn og adresse selv.", orgnr);
                return Page();
            }

            Input.Orgnr = unit.Orgnr;
            Input.Name = unit.Name;
            Input.Address = string.Join(", ", unit.AddressLines);
            Input.PostalCode = unit.PostalCode;
            Input.City = unit.City;
            Input.MunicipalityNumber ??= unit.MunicipalityNumber;
            if (unit.OrganisationForm == "FYLK")
            {
                Input.Kind = "county";
            }

            LookupFound = true;
            LookupMessage = t.F("Hentet fra Enhetsregisteret: {0}. Kontroller feltene før du lagrer.", unit.Name);
        }
        catch (EnhetsregisteretUnavailableException)
        {
            LookupMessage = t["Enhetsregisteret svarer ikke nå. Fyll inn navn og adresse selv; skjemaet virker uten oppslaget."];
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, IFormFile? signedDocument, CancellationToken ct)
    {
        if (await LoadAsync(slug, "members", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        ModelState.Clear();
        var signedOn = FormDates.Parse(Input.SignedOn, "signedOn", ModelState, t);
        var joinedOn = FormDates.Parse(Input.JoinedOn, "joinedOn", ModelState, t);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var upload = signedDocument is { Length: > 0 } ? new Upload(signedDocument.FileName, signedDocument.ContentType, signedDocument.OpenReadStream) : null;
        Member? member = null;
        var ok = await FormErrors.TryAsync(ModelState, t, async () => member = await handler.Handle(new RegisterMember.Command(
            Partnership.Id, Input.Orgnr, Input.Name, Input.Kind, Input.MunicipalityNumber, joinedOn, Input.SignedBy, Input.SignedAt, signedOn,
            upload, Input.Address, Input.PostalCode, Input.City), ct));
        if (!ok)
        {
            return Page();
        }

        TempData["Message"] = t.F("{0} er registrert som medlem fra {1}.", member!.Name, member.JoinedOn.ToString("d. MMMM yyyy", CultureInfo.CurrentCulture));
        return Redirect($"/{Partnership.Slug}/members/{member.Orgnr}");
    }
}
