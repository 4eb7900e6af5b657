using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Partnerskap.Web.Infrastructure;
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
        if (code is null && DatabaseUnavailableHandler.IsDatabaseUnavailable(HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error))
        {
            code = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = DatabaseUnavailableHandler.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        (Title, Message) = code switch
        {
            404 => (t["Fant ikke siden"], t["Siden finnes ikke, eller den er flyttet."]),
            403 => (t["Ingen tilgang"], t["Du har ikke tilgang til denne siden."]),
            400 => (t["Ugyldig forespørsel"], t["Noe i forespørselen var ikke gyldig."]),
            429 => (t["For mange forsøk"], t["Du har prøvd å logge inn for mange ganger på kort tid. Vent et minutt og prøv igjen."]),
            503 => (t["Databasen er ikke tilgjengelig"], t["Vi får ikke kontakt med databasen akkurat nå. Ingenting ble lagret. Prøv igjen om litt."]),
            _ => (t["Noe gikk galt"], t["En feil oppstod. Ingenting er lagret halvveis; prøv igjen om litt."]),
        };
        if (code is >= 400 and < 600)
        {
            Response.StatusCode = code.Value;
        }
    }
}
