using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Partnerskap.Web.Data;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Account;

/// <summary>The second step of a password login for users with two-factor authentication: a TOTP or a recovery code.</summary>
[AllowAnonymous]
public sealed class LoginTwoFactorModel(SignInManager<AppUser> signIn, Texts t) : PageModel
{
    public string? ReturnUrl { get; private set; }

    public string? CodeError { get; private set; }

    /// <summary>False when nobody has given a password first (or that step expired): the page says to start again.</summary>
    public bool Pending { get; private set; } = true;

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        ReturnUrl = returnUrl;
        Pending = await signIn.GetTwoFactorAuthenticationUserAsync() is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code, string? returnUrl)
    {
        ReturnUrl = returnUrl;
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            Pending = false;
            return Page();
        }

        var token = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Trim();
        if (token.Length == 0)
        {
            CodeError = t["Skriv inn koden fra autentiseringsappen, eller en gjenopprettingskode."];
            return Page();
        }

        // Six digits: the app's code; anything else: a one-time recovery code.
        var result = token.Length == 6 && token.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(token, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(token.Replace("-", "", StringComparison.Ordinal));
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
        }

        CodeError = result.IsLockedOut
            ? t["Kontoen er midlertidig låst etter for mange mislykkede forsøk. Prøv igjen om 15 minutter."]
            : t["Koden stemmer ikke. Prøv igjen med en ny kode fra appen."];
        return Page();
    }
}
