using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;

namespace Partnerskap.Web.Infrastructure.Oidc;

public static class OidcSetup
{
    /// <summary>Adds the OpenID Connect handler when <c>Partnerskap:Oidc</c> switches it on; otherwise nothing.</summary>
    public static IServiceCollection AddOidcLogin(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions();
        services.AddSingleton(options);
        services.AddScoped<ExternalLoginMapper>();
        if (!options.IsActive)
        {
            return services;
        }

        if (options.DefaultRole is not (Data.Roles.MemberContact or Data.Roles.Board))
        {
            throw new InvalidOperationException(
                $"{OidcOptions.Section}:DefaultRole must be {Data.Roles.MemberContact} or {Data.Roles.Board}; office logins are created by the office.");
        }

        services.AddAuthentication().AddOpenIdConnect(OidcOptions.Scheme, options.DisplayName, o =>
        {
            o.SignInScheme = IdentityConstants.ExternalScheme; // Identity's short-lived external cookie; the callback page signs in locally
            o.Authority = options.Authority;
            o.ClientId = options.ClientId;
            o.ClientSecret = string.IsNullOrEmpty(options.ClientSecret) ? null : options.ClientSecret;
            o.RequireHttpsMetadata = options.RequireHttpsMetadata;
            o.ResponseType = "code"; // authorization code flow with PKCE (UsePkce is on by default)
            o.UsePkce = true;
            o.Scope.Clear();
            foreach (var scope in options.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                o.Scope.Add(scope);
            }

            o.MapInboundClaims = false; // keep the provider's claim names (pid, email, orgnr …) as configured
            o.TokenValidationParameters.NameClaimType = options.NameClaim;
            o.SaveTokens = false;
            o.CallbackPath = "/signin-oidc";
            o.SignedOutCallbackPath = "/signout-callback-oidc";

            // The code comes back as a top-level GET redirect (response_mode=query), so the correlation and nonce cookies
            // can be SameSite=Lax and follow the request scheme like the app's own cookie (also on plain HTTP loopback).
            o.ResponseMode = "query";
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;

            // The provider said no (cancelled, access denied) or the callback did not validate: back to the login page.
            o.Events.OnRemoteFailure = context =>
            {
                context.Response.Redirect("/account/login?externalError=remote");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>The origin of the authority, for the login form's CSP form-action (the POST ends in a redirect there).</summary>
    public static string? AuthorityOrigin(this OidcOptions options) =>
        options.IsActive && Uri.TryCreate(options.Authority, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;
}
