using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Partnerskap.Testing;

/// <summary>
/// Issue 9 (first part): throughput and latency of the main pages and API calls on real Kestrel over loopback, as a ratio
/// against a bare Kestrel endpoint measured in the same run, with the app's memory. Bounded in time; loopback only.
/// </summary>
internal static class Load
{
    private const int Concurrency = 16;

    public static async Task<int> RunAsync(int seconds)
    {
        // The baseline: a bare Kestrel endpoint in the same process.
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
        using var office = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var login = await office.PostAsJsonAsync("/api/auth/login", new { email = PartnerskapFactory.OfficeEmail, password = PartnerskapFactory.Password });
        var accessToken = (await login.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString();
        var token = new AuthenticationHeaderValue("Bearer", accessToken);
        office.DefaultRequestHeaders.Authorization = token;
        await SeedInvoicesAsync(office);

        var cases = new (string Name, string Url, bool Auth)[]
        {
            ("bare Kestrel GET /", bareUrl + "/", false),
            ("GET /health", baseUrl + "/health", false),
            ("page /digiviken (overview)", baseUrl + "/digiviken", false),
            ("API GET members (52)", baseUrl + "/api/partnerships/digiviken/members", true),
            ("API GET member details", baseUrl + "/api/partnerships/digiviken/members/920125298", true),
            ("API GET fees 2023 (calculation)", baseUrl + "/api/partnerships/digiviken/fees/2023", true),
            ("API GET invoices", baseUrl + "/api/partnerships/digiviken/invoices", true),
        };

        Console.WriteLine($"load: {Concurrency} concurrent clients, {seconds} s per endpoint, loopback");
        double? baseline = null;
        foreach (var (name, url, auth) in cases)
        {
            var (rps, p50, p99, errors, _) = await MeasureAsync(url, auth ? token : null, TimeSpan.FromSeconds(seconds));
            baseline ??= rps;
            Console.WriteLine($"{name,-34} {rps,8:0} req/s  p50 {p50,6:0.0} ms  p99 {p99,6:0.0} ms  errors {errors}  ratio {rps / baseline:0.00}");
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine($"process working set after load (app + load generator + bare server): {process.WorkingSet64 / 1024 / 1024} MB");
        await bareApp.StopAsync();
        return 0;
    }

    private static async Task SeedInvoicesAsync(HttpClient office)
    {
        await office.SetSellerAsync();
        foreach (var year in new[] { 2022, 2023, 2024, 2025 })
        {
            await office.PostAsync($"/api/partnerships/digiviken/fees/{year}/run", null);
        }
    }

    internal static async Task<(double Rps, double P50, double P99, int Errors, int Requests)> MeasureAsync(string url, AuthenticationHeaderValue? auth, TimeSpan duration)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var client = new HttpClient(handler);
        client.DefaultRequestHeaders.Authorization = auth;
        for (var i = 0; i < 50; i++)
        {
            (await client.GetAsync(url)).Dispose(); // warm-up
        }

        var latencies = new List<double>[Concurrency];
        var errors = 0;
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async w =>
        {
            latencies[w] = [];
            while (stop.Elapsed < duration)
            {
                var t = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead);
                latencies[w].Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        var all = latencies.SelectMany(l => l).Order().ToList();
        return (all.Count / stop.Elapsed.TotalSeconds, all[all.Count / 2], all[(int)(all.Count * 0.99)], errors, all.Count);
    }
}
