using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Partnerskap.Web.Features;

/// <summary>Language switch (bokmål / English): a plain form post that sets the culture cookie; works without JavaScript.</summary>
[AllowAnonymous]
public sealed class LanguageModel : PageModel
{
    private static readonly string[] Supported = ["nb-NO", "en-GB"];

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        var chosen = Supported.Contains(culture) ? culture! : "nb-NO";
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
