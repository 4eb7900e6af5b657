using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Partnerskap.Domain.Members;
using Partnerskap.Domain.Portfolio;
using Partnerskap.Testing;
using Partnerskap.Web.Data;

/// <summary>
/// Issue 9: the load test on national-scale generated data: 15 partnerships (DigiViken and 14 generated ones),
/// 372 members in all, 10 years of invoices (fee runs 2016–2025 in the generated partnerships, 2022–2025 in
/// DigiViken whose agreement starts in 2022), 2,000 projects spread over the partnerships. Throughput and p50/p99 of
/// the main pages and API calls as a ratio against a bare Kestrel endpoint in the same run; the process's peak
/// resident memory (RSS) while under load. SQLite, loopback, 16 concurrent clients.
/// </summary>
internal static class National
{
    /// <summary>A directory to keep the generated data in (first run) and copy it from (later runs), to skip generating it again.</summary>
    public const string DataVariable = "PARTNERSKAP_BENCH_DATA";

    private const int Partnerships = 15;
    private const int Members = 372;
    private const int Projects = 2000;
    private const int FirstYear = 2016;
    private const int LastYear = 2025;

    public static async Task<int> RunAsync(string repositoryRoot, int seconds, bool postgres = false)
    {
        if (postgres)
        {
            return await RunOnPostgresAsync(repositoryRoot, seconds);
        }

        // 1. Generate the national data in-process (test host, fake clock at 2026-11-25), then copy the data directory.
        var work = Directory.CreateTempSubdirectory("partnerskap-bench-national-").FullName;
        var data = Path.Combine(work, "data");
        var seeding = Stopwatch.StartNew();
        var saved = Environment.GetEnvironmentVariable(DataVariable);
        if (saved is { Length: > 0 } && Directory.Exists(saved))
        {
            TestStorage.CopyDirectory(saved, data);
            Console.WriteLine($"national data: copied from {saved} ({DataVariable})");
        }
        else
        {
            (int Partnerships, int Members, int Invoices, int Projects) counts;
            await using (var seeder = new PartnerskapFactory())
            {
                seeder.UseKestrel(0);
                seeder.StartServer();
                var seederUrl = seeder.ClientOptions.BaseAddress.ToString().TrimEnd('/');
                using var seedClient = new HttpClient { BaseAddress = new Uri(seederUrl), Timeout = TimeSpan.FromMinutes(5) };
                seedClient.DefaultRequestHeaders.Authorization = await LoginAsync(seedClient);
                counts = await SeedAsync(seeder, seedClient);
                await seeder.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)"));
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                TestStorage.CopyDirectory(seeder.DataDirectory, data);
            }

            if (saved is { Length: > 0 })
            {
                TestStorage.CopyDirectory(data, saved);
            }

            Console.WriteLine($"national data: {counts.Partnerships} partnerships, {counts.Members} members, {counts.Invoices} invoices ({FirstYear}–{LastYear}), {counts.Projects} projects; generated in {seeding.Elapsed.TotalSeconds:0.0} s");
        }

        // 2. First start: the built app on an empty data directory (migrate, seed DigiViken) until /health answers 200.
        await using (var fresh = ChildProcess.StartApp(repositoryRoot, Path.Combine(work, "empty"), Path.Combine(work, "first-start.log")))
        {
            var firstStart = await fresh.WaitUntilReadyAsync("/health", TimeSpan.FromMinutes(3));
            Console.WriteLine($"first start (empty data directory: migrate + seed, process start → first 200 on /health): {firstStart.TotalSeconds:0.00} s, RSS {fresh.ReadStatus().Rss / 1024 / 1024} MB");
        }

        await MeasureAsync(repositoryRoot, work, data, seconds, postgres: null);
        TestStorage.TryDeleteDirectory(work);
        return 0;
    }

    /// <summary>
    /// The same load on PostgreSQL (the server in PARTNERSKAP_TEST_POSTGRES): the national data is generated into a
    /// database of its own through a test host, then the built app runs on that database in its own process. The
    /// database is dropped at the end. No first-start figure here (the SQLite run has it).
    /// </summary>
    private static async Task<int> RunOnPostgresAsync(string repositoryRoot, int seconds)
    {
        if (PartnerskapFactory.PostgresServer is not { } server)
        {
            Console.Error.WriteLine($"load national postgres needs {PartnerskapFactory.PostgresVariable} (bash .ci/pg-up.sh prints one).");
            return 2;
        }

        var work = Directory.CreateTempSubdirectory("partnerskap-bench-national-pg-").FullName;
        var data = Path.Combine(work, "data");
        var seeding = Stopwatch.StartNew();
        string connection;
        (int Partnerships, int Members, int Invoices, int Projects) counts;
        await using (var seeder = new PartnerskapFactory(TestDatabase.PostgreSql, data) { FromTemplate = false, KeepStorage = true })
        {
            seeder.UseKestrel(0);
            seeder.StartServer();
            using var seedClient = new HttpClient { BaseAddress = new Uri(seeder.ClientOptions.BaseAddress.ToString().TrimEnd('/')), Timeout = TimeSpan.FromMinutes(5) };
            seedClient.DefaultRequestHeaders.Authorization = await LoginAsync(seedClient);
            counts = await SeedAsync(seeder, seedClient);
            connection = seeder.PostgresConnectionString!;
        }

        Npgsql.NpgsqlConnection.ClearAllPools();
        Console.WriteLine($"national data on PostgreSQL: {counts.Partnerships} partnerships, {counts.Members} members, {counts.Invoices} invoices ({FirstYear}–{LastYear}), {counts.Projects} projects; generated in {seeding.Elapsed.TotalSeconds:0.0} s");
        try
        {
            await MeasureAsync(repositoryRoot, work, data, seconds, connection);
        }
        finally
        {
            TestStorage.DropDatabase(server, new Npgsql.NpgsqlConnectionStringBuilder(connection).Database!);
            TestStorage.TryDeleteDirectory(work);
        }

        return 0;
    }

    /// <summary>Step 3: the app (own process) on the national data, the bare baseline (own process), and the load.</summary>
    private static async Task MeasureAsync(string repositoryRoot, string work, string data, int seconds, string? postgres)
    {
        // 3. The app (own process, Production) on the national data, the bare baseline (own process), and this load generator.
        await using var app = ChildProcess.StartApp(repositoryRoot, data, Path.Combine(work, "app.log"), postgres);
        var start = await app.WaitUntilReadyAsync("/health", TimeSpan.FromMinutes(3));
        await using var bare = ChildProcess.StartBare(Path.Combine(work, "bare.log"));
        await bare.WaitUntilReadyAsync("/", TimeSpan.FromMinutes(1));
        Console.WriteLine($"start on the national data (process start → first 200 on /health): {start.TotalSeconds:0.00} s; app pid {app.Pid}, after start {app.ReadStatus()}; bare pid {bare.Pid}");

        using var office = new HttpClient { BaseAddress = new Uri(app.Url), Timeout = TimeSpan.FromMinutes(5) };
        var token = await LoginAsync(office);
        var baseUrl = app.Url;
        var cases = new (string Name, string Url, bool Auth)[]
        {
            ("bare Kestrel GET /", bare.Url + "/", false),
            ("GET /health", baseUrl + "/health", false),
            ("page / (partnerships)", baseUrl + "/", false),
            ("page /digiviken (overview)", baseUrl + "/digiviken", false),
            ("page /digiviken/members", baseUrl + "/digiviken/members", true),
            ("page /nasjonal-01/invoices (10 y)", baseUrl + "/nasjonal-01/invoices", true),
            ("page /digiviken/fees", baseUrl + "/digiviken/fees", true),
            ("page /digiviken/portfolio", baseUrl + "/digiviken/portfolio", true),
            ("API GET partnerships", baseUrl + "/api/partnerships", true),
            ("API GET members (52)", baseUrl + "/api/partnerships/digiviken/members", true),
            ("API GET member details", baseUrl + "/api/partnerships/digiviken/members/920125298", true),
            ("API GET fees 2025 (calculation)", baseUrl + "/api/partnerships/digiviken/fees/2025", true),
            ("API GET invoices nasjonal-01 (10 y)", baseUrl + "/api/partnerships/nasjonal-01/invoices", true),
            ("API GET projects (digiviken)", baseUrl + "/api/partnerships/digiviken/projects", true),
        };

        Console.WriteLine($"load (national): 16 concurrent clients, {seconds} s per endpoint, loopback, {(postgres is null ? "SQLite" : "PostgreSQL")}; app and bare server each in their own process");
        Console.WriteLine("  cpu = the server process's CPU time per request (user + system), which other processes on the machine disturb less than req/s");
        using var memory = new PeakMemory(app);
        double? baseline = null;
        double? baselineCpu = null;
        var worst = double.MaxValue;
        foreach (var (name, url, auth) in cases)
        {
            var server = url.StartsWith(bare.Url, StringComparison.Ordinal) ? bare : app;
            var cpuBefore = server.CpuTime();
            var (rps, p50, p99, errors, requests) = await Load.MeasureAsync(url, auth ? token : null, TimeSpan.FromSeconds(seconds));
            var cpuPerRequest = (server.CpuTime() - cpuBefore).TotalMilliseconds / Math.Max(requests, 1);
            baseline ??= rps;
            baselineCpu ??= cpuPerRequest;
            worst = Math.Min(worst, rps / baseline.Value);
            var phase = memory.EndPhase();
            Console.WriteLine($"{name,-38} {rps,8:0} req/s  p50 {p50,6:0.0} ms  p99 {p99,6:0.0} ms  errors {errors}  ratio {rps / baseline:0.000}  cpu {cpuPerRequest,6:0.00} ms/req (cpu ratio {baselineCpu / Math.Max(cpuPerRequest, 0.001):0.000})  app peak {phase}");
        }

        memory.Dispose();
        var after = app.ReadStatus();
        Console.WriteLine($"lowest ratio {worst:0.000} (goal ≥ 0.25)");
        Console.WriteLine($"app process alone at its peak: {memory.Peak}");
        Console.WriteLine($"app process alone: peak RSS sampled under load {memory.PeakMb} MB; VmHWM (peak since start) {after.Hwm / 1024 / 1024} MB; RSS after load {after.Rss / 1024 / 1024} MB (goal < 300 MB)");
        Console.WriteLine($"logs and data: {work} (deleted at the end)");
        await app.DisposeAsync();
        await bare.DisposeAsync();
    }

    private static async Task<AuthenticationHeaderValue> LoginAsync(HttpClient client)
    {
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = PartnerskapFactory.OfficeEmail, password = PartnerskapFactory.Password });
        Check(login);
        return new AuthenticationHeaderValue("Bearer", (await login.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString());
    }

    /// <summary>The bare Kestrel baseline, run in its own process by <see cref="ChildProcess.StartBare"/>.</summary>
    public static async Task<int> BareAsync(string url)
    {
        var bare = WebApplication.CreateSlimBuilder();
        bare.WebHost.UseUrls(url);
        bare.Logging.ClearProviders(); // like the app (Microsoft.AspNetCore at Warning): no console line per request
        await using var bareApp = bare.Build();
        bareApp.MapGet("/", () => "ok");
        await bareApp.RunAsync();
        return 0;
    }

    private static async Task<(int Partnerships, int Members, int Invoices, int Projects)> SeedAsync(PartnerskapFactory app, HttpClient office)
    {
        var slugs = Enumerable.Range(1, Partnerships - 1).Select(i => $"nasjonal-{i:D2}").ToList();
        foreach (var slug in slugs)
        {
            Check(await office.PostAsJsonAsync("/api/partnerships", new { slug, name = $"Nasjonalt partnerskap {slug[^2..]}", agreementInForceFrom = $"{FirstYear}-01-01" }));
            Check(await office.PostAsJsonAsync($"/api/partnerships/{slug}/fee-models", new
            {
                validFromYear = FirstYear,
                decision = "Benchmark",
                schedules = new[] { new { kind = "other", fixedAmount = 25_000m } },
            }));
            Check(await office.SetSellerAsync(slug));
        }

        Check(await office.SetSellerAsync());

        // Members straight into the database (the API would only add minutes): 372 in all, DigiViken's 52 included.
        var orgnrs = TestData.Orgnrs(Members).ToList();
        await app.WithDbAsync(async db =>
        {
            var ids = await db.Partnerships.Where(p => slugs.Contains(p.Slug)).OrderBy(p => p.Slug).Select(p => p.Id).ToListAsync();
            var existing = await db.Members.CountAsync();
            for (var i = 0; i < Members - existing; i++)
            {
                db.Members.Add(new Member(ids[i % ids.Count], OrganisationNumber.Parse(orgnrs[i]), $"Medlem {orgnrs[i]}", MemberKind.Other, new DateOnly(FirstYear, 1, 1)));
            }

            return await db.SaveChangesAsync();
        });

        foreach (var slug in slugs.Prepend("digiviken"))
        {
            for (var year = FirstYear; year <= LastYear; year++)
            {
                // DigiViken's agreement and fee model start in 2022: earlier years are refused, which is right.
                using var _ = await office.PostAsync($"/api/partnerships/{slug}/fees/{year}/run", null);
            }
        }

        await SeedProjectsAsync(app);
        return await app.WithDbAsync(async db => (await db.Partnerships.CountAsync(), await db.Members.CountAsync(), await db.Invoices.CountAsync(), await db.Projects.CountAsync()));
    }

    private static async Task SeedProjectsAsync(PartnerskapFactory app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var members = await db.Members.Include(m => m.Notices).OrderBy(m => m.PartnershipId).ThenBy(m => m.Name).ToListAsync();
        var byPartnership = members.GroupBy(m => m.PartnershipId).Select(g => g.ToList()).ToList();
        var today = new DateOnly(2026, 11, 25);
        var now = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < Projects; i++)
        {
            var group = byPartnership[i % byPartnership.Count];
            var owner = group[i % group.Count];
            var project = new Project(owner.PartnershipId, $"Prosjekt {i:D4}", i % 4 == 0 ? ProjectKind.Procurement : ProjectKind.Project, owner, today);
            project.AddParticipant(owner, today);
            project.AddParticipant(group[(i + 7) % group.Count], today);
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

    private static void Check(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} → {(int)response.StatusCode}: {response.Content.ReadAsStringAsync().Result}");
        }
    }

    /// <summary>Samples the app process's resident set (VmRSS) every 100 ms and keeps the peak.</summary>
    /// <summary>
    /// Samples the app process's /proc status every 100 ms: the highest RSS overall and per phase, with its split into
    /// anonymous memory (heaps, stacks) and file-backed pages (mapped assemblies, the SQLite file), and the thread count.
    /// </summary>
    private sealed class PeakMemory : IDisposable
    {
        private readonly Timer _timer;
        private readonly Lock _lock = new();
        private ChildProcess.Status _peak;
        private ChildProcess.Status _phasePeak;

        public PeakMemory(ChildProcess process) => _timer = new Timer(_ =>
        {
            ChildProcess.Status status;
            try
            {
                status = process.ReadStatus();
            }
            catch (IOException)
            {
                return; // the process has ended
            }

            lock (_lock)
            {
                if (status.Rss > _peak.Rss)
                {
                    _peak = status;
                }

                if (status.Rss > _phasePeak.Rss)
                {
                    _phasePeak = status;
                }
            }
        }, null, 0, 100);

        public ChildProcess.Status Peak
        {
            get
            {
                lock (_lock)
                {
                    return _peak;
                }
            }
        }

        public long PeakMb => Peak.Rss / 1024 / 1024;

        /// <summary>The peak since the last call, and starts a new phase.</summary>
        public ChildProcess.Status EndPhase()
        {
            lock (_lock)
            {
                var phase = _phasePeak;
                _phasePeak = default;
                return phase;
            }
        }

        public void Dispose() => _timer.Dispose();
    }
}
