using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Partnerskap.Web.Data;
using Partnerskap.Web.Infrastructure.Oidc;

namespace Partnerskap.Web.Features.Account;

/// <summary>POST from the login page's "Logg inn med …" button: sends the browser to the OpenID Connect provider.</summary>
[AllowAnonymous]
public sealed class ExternalLoginModel(SignInManager<AppUser> signIn, OidcOptions oidc) : PageModel
{
    public IActionResult OnGet() => NotFound();

    public IActionResult OnPost(string? returnUrl)
    {
        if (!oidc.IsActive)
        {
            return NotFound();
        }

        var callback = Url.Page("/Account/ExternalCallback", new { returnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : "/" });
        var properties = signIn.ConfigureExternalAuthenticationProperties(OidcOptions.Scheme, callback);
        return Challenge(properties, OidcOptions.Scheme);
    }
}
