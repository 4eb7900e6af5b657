using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Partnerskap.Web.Data;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;
using QRCoder;

namespace Partnerskap.Web.Features.Account;

/// <summary>
/// Two-factor authentication with an authenticator app (TOTP, RFC 6238): set up, show recovery codes once, turn off.
/// Office users must have it when <c>Partnerskap:Security:RequireTwoFactorForOffice</c> is on (the default).
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.LoggedIn)]
public sealed class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, Texts t) : PageModel
{
    public bool Enabled { get; private set; }

    public bool Required { get; private set; }

    /// <summary>The shared key, in groups of four for typing.</summary>
    public string? SharedKey { get; private set; }

    /// <summary>The otpauth:// address as a QR code (PNG data URI).</summary>
    public string? QrCodeDataUri { get; private set; }

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public string? CodeError { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool required = false)
    {
        Required = required;
        return await LoadAsync();
    }

    public async Task<IActionResult> OnPostEnableAsync(string? code)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var token = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (token.Length == 0 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, token))
        {
            CodeError = t["Koden stemmer ikke. Skriv inn den sekssifrede koden appen viser nå."];
            return await LoadAsync();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList();
        // The session now counts as a two-factor login (the office requirement is met).
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
        Message = t["Tofaktorinnlogging er slått på. Ta vare på gjenopprettingskodene under: de vises bare én gang."];
        return await LoadAsync(keepCodes: true);
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (User.IsOffice() && HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<PartnerskapOptions>>().Value.Security.RequireTwoFactorForOffice)
        {
            Message = t["Programkontorets brukere må ha tofaktorinnlogging. Du kan sette den opp på nytt med en ny nøkkel."];
            return await LoadAsync();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        Message = t["Tofaktorinnlogging er slått av."];
        return await LoadAsync();
    }

    public async Task<IActionResult> OnPostResetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        Message = t["Ny nøkkel er laget. Legg den inn i appen og bekreft med en kode."];
        return await LoadAsync();
    }

    private async Task<IActionResult> LoadAsync(bool keepCodes = false)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!keepCodes)
        {
            RecoveryCodes = null;
        }

        Enabled = await users.GetTwoFactorEnabledAsync(user);
        RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
        if (!Enabled)
        {
            var key = await users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                await users.ResetAuthenticatorKeyAsync(user);
                key = await users.GetAuthenticatorKeyAsync(user);
            }

            SharedKey = Group(key!);
            var uri = AuthenticatorUri(user.Email ?? user.UserName ?? "", key!);
            using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
            QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
        }

        return Page();
    }

    /// <summary>The otpauth:// address authenticator apps read (Key Uri Format).</summary>
    public static string AuthenticatorUri(string email, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString("Partnerskap")}:{Uri.EscapeDataString(email)}?secret={key}&issuer={Uri.EscapeDataString("Partnerskap")}&digits=6";

    private static string Group(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return sb.ToString().TrimEnd().ToLowerInvariant();
    }
}
