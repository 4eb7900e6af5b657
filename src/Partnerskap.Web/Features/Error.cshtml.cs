using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features;

/// <summary>Friendly error pages for people (the API answers problem+json instead).</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(Texts t) : PageModel
{
    public string Title { get; private set; } = "";

    public string Message { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        (Title, Message) = code switch
        {
            404 => (t["Fant ikke siden"], t["Siden finnes ikke, eller den er flyttet."]),
            403 => (t["Ingen tilgang"], t["Du har ikke tilgang til denne siden."]),
            400 => (t["Ugyldig forespørsel"], t["Noe i forespørselen var ikke gyldig."]),
            _ => (t["Noe gikk galt"], t["En feil oppstod. Ingenting er lagret halvveis; prøv igjen om litt."]),
        };
        if (code is >= 400 and < 600)
        {
            Response.StatusCode = code.Value;
        }
    }
}
