using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.AnnualMeeting;
using Partnerskap.Web.Features.Audit;
using Partnerskap.Web.Features.Board;
using Partnerskap.Web.Features.Collaboration;
using Partnerskap.Web.Features.Fees;
using Partnerskap.Web.Features.Meetings;
using Partnerskap.Web.Features.Members;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Features.Portfolio;
using Partnerskap.Web.Features.Records;
using Partnerskap.Web.Features.Statistics;
using Partnerskap.Web.Features.Users;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Infrastructure.Backup;
using Partnerskap.Web.Infrastructure.Oidc;
using Partnerskap.Web.Localization;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(BackupCommand.HostArgs(args));
builder.Services.Configure<PartnerskapOptions>(builder.Configuration.GetSection(PartnerskapOptions.Section));
builder.Services.AddDatabase(builder.Configuration);   // picks UseSqlite / UseNpgsql in one place
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<Texts>();
builder.Services.AddSingleton<StartupBanner>();
builder.Services.AddScoped<DatabaseInitializer>();
builder.Services.AddAccounts();
builder.Services.AddOidcLogin(builder.Configuration); // Partnerskap:Oidc: ID-porten / Ansattporten / Entra ID, or nothing
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<DatabaseUnavailableHandler>(); // database down → 503
builder.Services.AddLoginRateLimiting();
builder.Services.AddReverseProxySupport(builder.Configuration); // X-Forwarded-* from Partnerskap:ReverseProxy only
builder.Services.AddBackups();
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false); // malformed JSON → 400 problem, not an exception
builder.Services.AddOpenApi();
var health = builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
builder.Services.AddRealtime(builder.Configuration, health); // SignalR; through Redis when Partnerskap:Redis is set (several instances)
builder.Services.AddRazorPages(o => o.RootDirectory = "/Features");
builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All)); // æøå as text, not &#xF8;
builder.Services.AddDataProtection().SetApplicationName("Partnerskap").PersistKeysToDbContext<AppDbContext>(); // shared by every instance
builder.Services.AddPartnerskapTelemetry(builder.Configuration);
if (builder.Configuration.GetValue<bool>("Partnerskap:Logging:Json"))
{
    builder.Logging.ClearProviders().AddJsonConsole(o => o.IncludeScopes = true); // structured logs for the log collector
}
builder.Services.AddMembers();
builder.Services.AddFees();
builder.Services.AddGovernance();
builder.Services.AddBoard();
builder.Services.AddDisputes();
builder.Services.AddMeetings();
builder.Services.AddAnnualMeeting();
builder.Services.AddStatistics();
builder.Services.AddRecords();
builder.Services.AddCollaboration();
builder.Services.AddNetworks();
builder.Services.AddPortfolio(builder.Configuration);
builder.Services.AddPortfolioReport();
builder.Services.AddDocumentsMailAndLookups(builder.Configuration);
builder.Services.Configure<RequestLocalizationOptions>(o =>
{
    string[] cultures = ["nb-NO", "en-GB"];
    o.SetDefaultCulture("nb-NO").AddSupportedCultures(cultures).AddSupportedUICultures(cultures);
    o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
});

var app = builder.Build();
if (BackupCommand.IsCommand(args))
{
    Environment.ExitCode = await BackupCommand.RunAsync(app.Services, args); // `backup <dir>` / `restore <dir>`: run and exit
    return;
}

await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
}

app.UseForwardedHeaders(); // first, so the rate limit and redirects see the real client and scheme
app.UseSecurityHeaders();
app.UseWhen(AuthSetup.IsApiContext, api => api.UseExceptionHandler().UseStatusCodePages());
app.UseWhen(c => !AuthSetup.IsApiContext(c), pages => pages
    .UseExceptionHandler("/error")
    .UseStatusCodePagesWithReExecute("/error", "?code={0}"));
app.UseRouting(); // after the error handlers, so a re-executed /error request is routed (and authorized) afresh
app.UseRequestLocalization();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseTwoFactorRequirement(); // office users set up TOTP before anything else (Partnerskap:Security)

app.MapStaticAssets().AllowAnonymous();
app.MapRazorPages();
app.MapHub<VoteHub>(VoteHub.Path);
app.MapHealthChecks("/health").AllowAnonymous();
app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference("/scalar", o => o.WithTitle("Partnerskap API")).AllowAnonymous();

var api = app.MapGroup("/api").RequireAuthorization(Policies.LoggedIn);
var auth = app.MapGroup("/api/auth").WithTags("Authentication");
auth.MapIdentityApi<AppUser>()
    .AddEndpointFilter(async (context, next) =>
        // Logins are created by the office (POST /api/users), never by self-registration.
        context.HttpContext.Request.Path.Value?.EndsWith("/register", StringComparison.OrdinalIgnoreCase) == true
            ? TypedResults.Problem(statusCode: 404, title: "Not found", detail: "Self-registration is not available; ask the programme office.")
            : await next(context));
// Login, refresh and password reset are open; /api/auth/manage/* keeps the RequireAuthorization Identity gives it.
((IEndpointConventionBuilder)auth).Finally(b =>
{
    if (!b.Metadata.OfType<IAuthorizeData>().Any())
    {
        b.Metadata.Add(new AllowAnonymousAttribute());
    }
});
api.MapUsersApi();
api.MapPartnershipsApi();
api.MapMembersApi();
api.MapRegisterApi();
api.MapFeesApi();
api.MapGovernanceApi();
api.MapBoardApi();
api.MapDisputesApi();
api.MapMeetingsApi();
api.MapAnnualMeetingApi();
api.MapAuditApi();
api.MapStatisticsApi();
api.MapRecordsApi();
api.MapCollaborationApi();
api.MapNetworksApi();
api.MapPortfolioApi();
api.MapPortfolioReportApi();
api.MapBackupsApi();

app.Lifetime.ApplicationStarted.Register(() =>
{
    var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
    var url = addresses.FirstOrDefault() ?? "http://localhost:5080";
    Console.WriteLine();
    Console.WriteLine($"Partnerskap is running at {string.Join(", ", addresses)}");
    Console.WriteLine($"  Log in:        {url}/account/login");
    Console.WriteLine($"  API reference: {url}/scalar");
    foreach (var line in app.Services.GetRequiredService<StartupBanner>().Lines)
    {
        Console.WriteLine(line);
    }

    Console.WriteLine();
});

app.Run();

public partial class Program;
