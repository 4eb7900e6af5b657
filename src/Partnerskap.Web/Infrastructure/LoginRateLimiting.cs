using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Partnerskap.Web.Infrastructure;

/// <summary>
/// Login attempts (POST /api/auth/login and POST /account/login) per client IP in a fixed one-minute window,
/// Partnerskap:Security:LoginPermitLimit (default 10). Over the limit: 429 problem+json for the API, the 429 error
/// page for people. Behind a reverse proxy the client IP is the proxy's unless forwarded headers are configured.
/// </summary>
public static class LoginRateLimiting
{
    public const string LimitKey = "Partnerskap:Security:LoginPermitLimit";
    public const int DefaultLimit = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddLoginRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!IsLogin(context.Request))
                {
                    return RateLimitPartition.GetNoLimiter("");
                }

                var limit = context.RequestServices.GetRequiredService<IConfiguration>().GetValue(LimitKey, DefaultLimit);
                return RateLimitPartition.GetFixedWindowLimiter(
                    $"login:{context.Connection.RemoteIpAddress}",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, limit), Window = Window, QueueLimit = 0 });
            });
            o.OnRejected = async (rejected, ct) =>
            {
                var http = rejected.HttpContext;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Window;
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                if (AuthSetup.IsApiContext(http))
                {
                    await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = http,
                        ProblemDetails =
                        {
                            Status = StatusCodes.Status429TooManyRequests,
                            Title = "Too many login attempts",
                            Detail = "Too many login attempts from this address. Wait a minute and try again.",
                        },
                    });
                }

                // Pages: no body, so the status-code page (/error?code=429) explains it.
            };
        });
        return services;
    }

    private static bool IsLogin(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.Equals("/api/auth/login", StringComparison.OrdinalIgnoreCase)
            || request.Path.Equals("/account/login", StringComparison.OrdinalIgnoreCase));
}
