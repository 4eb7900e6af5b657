using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace Partnerskap.Web.Infrastructure;

/// <summary>
/// Office users who logged in with only a password (claim <c>amr=pwd</c>) are sent to set up two-factor authentication
/// before anything else when <c>Partnerskap:Security:RequireTwoFactorForOffice</c> is on; the API answers 403.
/// Logins through ID-porten / Ansattporten / Entra ID carry the provider's own second factor and are not affected.
/// </summary>
public static class TwoFactorRequirement
{
    private static readonly string[] Open = ["/account", "/api/auth", "/language", "/error", "/health", "/css", "/js", "/lib", "/fonts", "/favicon.ico"];

    public static bool Applies(ClaimsPrincipal user, bool required) =>
        required && user.IsOffice() && user.FindFirstValue("amr") == "pwd";

    public static IApplicationBuilder UseTwoFactorRequirement(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<PartnerskapOptions>>();
        return app.Use(async (context, next) =>
        {
            if (!Applies(context.User, options.Value.Security.RequireTwoFactorForOffice) ||
                Open.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
            {
                await next();
                return;
            }

            if (AuthSetup.IsApi(context.Request))
            {
                await Problems.Forbidden("Office users must log in with two-factor authentication: POST /api/auth/login with twoFactorCode.")
                    .ExecuteAsync(context);
                return;
            }

            context.Response.Redirect("/account/two-factor?required=true");
        });
    }
}
