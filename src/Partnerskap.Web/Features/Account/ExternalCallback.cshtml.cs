using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Partnerskap.Web.Data;
using Partnerskap.Web.Infrastructure.Oidc;

namespace Partnerskap.Web.Features.Account;

/// <summary>
/// Where the OpenID Connect handler sends the browser after /signin-oidc: maps the person to a local login and signs
/// in with the normal application cookie, so roles and claims are exactly as with a password login.
/// </summary>
[AllowAnonymous]
public sealed class ExternalCallbackModel(SignInManager<AppUser> signIn, ExternalLoginMapper mapper, OidcOptions oidc) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? returnUrl, CancellationToken ct)
    {
        if (!oidc.IsActive)
        {
            return NotFound();
        }

        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        if (!external.Succeeded)
        {
            return Refused("remote", returnUrl);
        }

        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme); // the short-lived external cookie has done its job
        var (outcome, user) = await mapper.FindOrCreateAsync(external.Principal, ct);
        if (outcome != ExternalLoginOutcome.SignedIn || user is null)
        {
            return Refused(Code(outcome), returnUrl);
        }

        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: OidcOptions.Scheme);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }

    /// <summary>The error code the login page turns into a message.</summary>
    public static string Code(ExternalLoginOutcome outcome) => outcome switch
    {
        ExternalLoginOutcome.MissingPersonClaim => "missing-person",
        ExternalLoginOutcome.NotRegistered => "not-registered",
        ExternalLoginOutcome.NotAMember => "not-a-member",
        ExternalLoginOutcome.LockedOut => "locked-out",
        _ => "failed",
    };

    private RedirectToPageResult Refused(string code, string? returnUrl) =>
        RedirectToPage("/Account/Login", new { externalError = code, returnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : null });
}
