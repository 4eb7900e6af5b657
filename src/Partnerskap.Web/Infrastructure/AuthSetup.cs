using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Infrastructure;

/// <summary>Policy names. Every page and endpoint names one of these, or AllowAnonymous; the fallback is "logged in".</summary>
public static class Policies
{
    /// <summary>Programme office (ORG-3): administers everything.</summary>
    public const string Office = "office";

    /// <summary>
    /// Office login tied to no partnership: the installation's administrator (logins, partnerships, audit log, backups).
    /// An office login assigned to partnerships is office only there.
    /// </summary>
    public const string Admin = "installation-admin";

    /// <summary>Any logged-in user: office, board or member contact.</summary>
    public const string LoggedIn = "logged-in";

    /// <summary>Chooses cookie (pages) or bearer (API) for challenge and forbid.</summary>
    public const string PagesOrApiScheme = "pages-or-api";
}

public static class ClaimNames
{
    public const string Orgnr = "orgnr";
    public const string Name = "name";
}

public static class AuthSetup
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services
            .AddIdentityApiEndpoints<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>();

        // Anonymous page requests are sent to the login page; API requests get 401/403 as problem+json.
        services.AddAuthentication(o =>
            {
                o.DefaultChallengeScheme = Policies.PagesOrApiScheme;
                o.DefaultForbidScheme = Policies.PagesOrApiScheme;
            })
            .AddPolicyScheme(Policies.PagesOrApiScheme, null, o => o.ForwardDefaultSelector = ctx =>
                IsApi(ctx.Request) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme);

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = "partnerskap.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Office, p => p.RequireRole(Roles.Office))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Office).AddRequirements(new InstallationAdminRequirement()))
            .AddPolicy(Policies.LoggedIn, p => p.RequireAuthenticatedUser())
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddScoped<IAuthorizationHandler, InstallationAdminHandler>();
        return services;
    }

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    public static bool IsApiContext(HttpContext context) => IsApi(context.Request);

    public static string? Orgnr(this ClaimsPrincipal user) => user.FindFirstValue(ClaimNames.Orgnr);

    public static bool IsOffice(this ClaimsPrincipal user) => user.IsInRole(Roles.Office);
}

/// <summary>Adds the name and (for member contacts) the orgnr to the login's claims.</summary>
public sealed class AppClaimsPrincipalFactory(
    UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimNames.Name, user.Name));
        if (!string.IsNullOrEmpty(user.Orgnr))
        {
            identity.AddClaim(new Claim(ClaimNames.Orgnr, user.Orgnr));
        }

        return identity;
    }
}

/// <summary>The login is office and assigned to no partnership (see <see cref="Policies.Admin"/>).</summary>
public sealed class InstallationAdminRequirement : IAuthorizationRequirement;

public sealed class InstallationAdminHandler(Features.Partnerships.PartnershipAccess access, IHttpContextAccessor http)
    : AuthorizationHandler<InstallationAdminRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, InstallationAdminRequirement requirement)
    {
        var ct = http.HttpContext?.RequestAborted ?? CancellationToken.None;
        if (await access.IsInstallationAdminAsync(context.User, ct))
        {
            context.Succeed(requirement);
        }
    }
}
