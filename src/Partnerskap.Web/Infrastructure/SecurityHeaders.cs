using Partnerskap.Web.Infrastructure.Oidc;

namespace Partnerskap.Web.Infrastructure;

/// <summary>Security headers on every response. The API reference page (Scalar) needs inline scripts and styles.</summary>
public static class SecurityHeaders
{
    private const string Csp =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    // The "Logg inn med …" form posts to /account/external-login, which redirects to the OpenID Connect provider:
    // browsers apply form-action to that redirect too, so the provider's origin is allowed there.
    private static string CspWithFormAction(string origin) => Csp.Replace("form-action 'self'", $"form-action 'self' {origin}", StringComparison.Ordinal);

    private const string ApiReferenceCsp =
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; " +
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var pageCsp = app.ApplicationServices.GetRequiredService<OidcOptions>().AuthorityOrigin() is { } origin ? CspWithFormAction(origin) : Csp;
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers["X-Content-Type-Options"] = "nosniff";
                headers["X-Frame-Options"] = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Content-Security-Policy"] =
                    context.Request.Path.StartsWithSegments("/scalar") ? ApiReferenceCsp : pageCsp;
                return Task.CompletedTask;
            });
            await next();
        });
    }
}
