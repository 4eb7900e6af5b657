using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Partnerskap.Domain.Portfolio;
using Partnerskap.Testing;
using Partnerskap.Web.Data;

/// <summary>
/// Issue 7: the portfolio overview page with N projects (default 2,000), against a bare Kestrel endpoint and the app's
/// own light page (the agreement text) in the same run. Loopback, SQLite, 16 concurrent clients.
/// </summary>
internal static class PortfolioBench
{
    public static async Task<int> RunAsync(int projects, int seconds)
    {
        var bare = WebApplication.CreateSlimBuilder();
        bare.WebHost.UseUrls("http://127.0.0.1:0");
        bare.Logging.ClearProviders(); // like the app (Microsoft.AspNetCore at Warning): no console line per request
        await using var bareApp = bare.Build();
        bareApp.MapGet("/", () => "ok");
        await bareApp.StartAsync();
        var bareUrl = bareApp.Urls.First();

        await using var app = new PartnerskapFactory();
        app.UseKestrel(0);
        app.StartServer();
        var baseUrl = app.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        var seeding = Stopwatch.StartNew();
        await SeedAsync(app, projects);
        Console.WriteLine($"seeded {projects} projects in {seeding.Elapsed.TotalSeconds:0.0} s");

        using var office = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var login = await office.PostAsJsonAsync("/api/auth/login", new { email = PartnerskapFactory.OfficeEmail, password = PartnerskapFactory.Password });
        var accessToken = (await login.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString();
        var token = new AuthenticationHeaderValue("Bearer", accessToken);

        var cases = new (string Name, string Url, bool Auth)[]
        {
            ("bare Kestrel GET /", bareUrl + "/", false),
            ("page /digiviken/agreement", baseUrl + "/digiviken/agreement", false),
            ($"page /digiviken/portfolio ({projects}, page 1 of 50 rows)", baseUrl + "/digiviken/portfolio", true),
            ($"page …/portfolio?flag=any&page=3", baseUrl + "/digiviken/portfolio?flag=any&page=3", true),
            ($"API GET projects, all ({projects})", baseUrl + "/api/partnerships/digiviken/projects", true),
            ($"API GET projects?pageSize=50", baseUrl + "/api/partnerships/digiviken/projects?page=1&pageSize=50", true),
        };
        Console.WriteLine($"portfolio: {seconds} s per endpoint, 16 concurrent clients, loopback, SQLite");
        double? baseline = null;
        foreach (var (name, url, auth) in cases)
        {
            var (rps, p50, p99, errors, _) = await Load.MeasureAsync(url, auth ? token : null, TimeSpan.FromSeconds(seconds));
            baseline ??= rps;
            Console.WriteLine($"{name,-40} {rps,8:0.0} req/s  p50 {p50,7:0.0} ms  p99 {p99,7:0.0} ms  errors {errors}  ratio {rps / baseline:0.0000}");
        }

        await bareApp.StopAsync();
        return 0;
    }

    private static async Task SeedAsync(PartnerskapFactory app, int count)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var partnership = await db.Partnerships.SingleAsync(p => p.Slug == "digiviken");
        var members = await db.Members.Include(m => m.Notices).Where(m => m.PartnershipId == partnership.Id).OrderBy(m => m.Name).ToListAsync();
        var today = new DateOnly(2026, 11, 25);
        var now = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            var owner = members[i % members.Count];
            var project = new Project(partnership.Id, $"Prosjekt {i:D4}", i % 4 == 0 ? ProjectKind.Procurement : ProjectKind.Project, owner, today);
            project.AddParticipant(owner, today);
            project.AddParticipant(members[(i + 7) % members.Count], today);
            var limit = 100_000m + (i * 1_000m);
            project.ProposePlan([new FundingSource(FundingSourceKind.Grant, "Tilskudd", limit)], now, "bench");
            project.ApprovePlan(1, "bench", today);
            project.Spend(today, limit * (i % 10) / 10m + 1m, "Forbruk", now, "bench");
            project.SetForecast(limit * (0.8m + ((i % 5) * 0.1m)), 10m);
            if (i % 10 == 0)
            {
                project.RaiseEscalation(EscalationTrigger.Forecast, "Prognose over ramme", now);
            }

            db.Projects.Add(project);
        }

        await db.SaveChangesAsync();
    }
}
