using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Partnerskap.Web.Data;
using Partnerskap.Web.Infrastructure.Oidc;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Account;

/// <summary>Cookie login for the pages (the API uses POST /api/auth/login for a bearer token).</summary>
[AllowAnonymous]
public sealed class LoginModel(SignInManager<AppUser> signIn, Texts t, OidcOptions oidc) : PageModel
{
    /// <summary>The OpenID Connect button's provider name, or null when OIDC is not configured.</summary>
    public string? ExternalProvider => oidc.IsActive ? oidc.DisplayName : null;

    public string? ReturnUrl { get; private set; }

    public string? Email { get; private set; }

    public string? EmailError { get; private set; }

    public string? PasswordError { get; private set; }

    public string? Error { get; private set; }

    public void OnGet(string? returnUrl, string? externalError)
    {
        ReturnUrl = returnUrl;
        Error = externalError switch
        {
            null => null,
            "not-registered" => t["Du er ikke registrert som bruker. Be programkontoret om å opprette en bruker med e-postadressen din."],
            "not-a-member" => t["Virksomheten du logget inn for, er ikke medlem. Be programkontoret om å opprette en bruker for deg."],
            "missing-person" => t["Innloggingstjenesten oppga ikke hvem du er. Prøv igjen, eller kontakt programkontoret."],
            "locked-out" => t["Kontoen er midlertidig låst etter for mange mislykkede forsøk. Prøv igjen om 15 minutter."],
            _ => t["Innloggingen ble avbrutt eller mislyktes. Prøv igjen."],
        };
    }

    public async Task<IActionResult> OnPostAsync(string? email, string? password, string? returnUrl)
    {
        ReturnUrl = returnUrl;
        Email = email;
        if (string.IsNullOrWhiteSpace(email))
        {
            EmailError = t["Skriv inn e-postadressen din."];
        }

        if (string.IsNullOrEmpty(password))
        {
            PasswordError = t["Skriv inn passordet ditt."];
        }

        if (EmailError is not null || PasswordError is not null)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(email!.Trim(), password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/LoginTwoFactor", new { returnUrl });
        }

        Error = result.IsLockedOut
            ? t["Kontoen er midlertidig låst etter for mange mislykkede forsøk. Prøv igjen om 15 minutter."]
            : t["Feil e-post eller passord."];
        return Page();
    }
}
