using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Partnerskap.Web.Data;

namespace Partnerskap.Testing;

/// <summary>Which database a test host runs on.</summary>
public enum TestDatabase
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// The app in a test host on a fresh database of its own: a temporary data directory (SQLite) or a new
/// PostgreSQL database created on the server named by PARTNERSKAP_TEST_POSTGRES and dropped afterwards.
/// The clock is a <see cref="FakeTimeProvider"/> set to 25 November 2026, 10:00 UTC.
/// </summary>
public class PartnerskapFactory : WebApplicationFactory<Program>
{
    public const string PostgresVariable = "PARTNERSKAP_TEST_POSTGRES";
    public const string RedisVariable = "PARTNERSKAP_TEST_REDIS";
    public const string OfficeEmail = "office@test.local";
    public const string Password = "Test-password-1!";

    private string? _postgresDatabase; // set once: by the constructor, or by ForTemplate
    private readonly string? _postgresServer;

    /// <param name="database">The provider.</param>
    /// <param name="dataDirectory">Share a data directory (SQLite) with another factory: a second instance of the same app.</param>
    /// <param name="shareWith">Use the PostgreSQL database of this factory (a second instance); it drops the database, not this one.</param>
    public PartnerskapFactory(TestDatabase database = TestDatabase.Sqlite, string? dataDirectory = null, PartnerskapFactory? shareWith = null)
    {
        Database = database;
        DataDirectory = dataDirectory ?? shareWith?.DataDirectory ?? Path.Combine(Path.GetTempPath(), $"partnerskap-test-{Guid.NewGuid():N}");
        _ownsStorage = shareWith is null;
        if (database == TestDatabase.PostgreSql)
        {
            _postgresServer = PostgresServer ?? throw new InvalidOperationException($"{PostgresVariable} is not set.");
            _postgresDatabase = shareWith?._postgresDatabase ?? $"partnerskap_test_{Guid.NewGuid():N}";
        }
    }

    private readonly bool _ownsStorage;

    /// <summary>
    /// Start from a copy of the database that the first such host of this test process migrated and seeded (SQLite: the
    /// data directory's files; PostgreSQL: <c>CREATE DATABASE … TEMPLATE</c>) instead of migrating and seeding again. The
    /// copy is what a first start produces (same seed, same fake clock), so tests see no difference; a first start costs
    /// ≈ 4 s of CPU, a copy a few milliseconds. The first-start path itself is tested by <c>StartupTests</c>, and runs
    /// once per provider and process to make the template. On by default; a test of the first start turns it off.
    /// </summary>
    public bool FromTemplate { get; init; } = true;

    private bool _templateApplied;

    /// <summary>Keep the data directory and the PostgreSQL database after disposal (benchmarks that hand them to another process).</summary>
    public bool KeepStorage { get; init; }

    public TestDatabase Database { get; }

    public string DataDirectory { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));

    /// <summary>The PostgreSQL server connection string from the environment, or null.</summary>
    /// <summary>A Redis for the several-instances tests (.ci/redis-up.sh prints one), or null.</summary>
    public static string? RedisServer => Environment.GetEnvironmentVariable(RedisVariable) is { Length: > 0 } cs ? cs : null;

    /// <summary>When set, SignalR goes through this Redis (Partnerskap:Redis:ConnectionString), as behind a load balancer.</summary>
    public string? Redis { get; init; }

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs ? cs : null;

    /// <summary>True when running in CI, where PostgreSQL and browser suites must run, not skip.</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public string? PostgresConnectionString => _postgresServer is null
        ? null
        : new NpgsqlConnectionStringBuilder(_postgresServer) { Database = _postgresDatabase }.ConnectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (FromTemplate && _ownsStorage && !_templateApplied)
        {
            _templateApplied = true;
            DatabaseTemplates.CopyInto(this);
        }

        builder.UseEnvironment("Development");
        builder.UseSetting("Partnerskap:DataDirectory", DataDirectory);
        builder.UseSetting("Partnerskap:CreateDemoUsers", "false");
        builder.UseSetting("Partnerskap:Brreg:Mode", "Offline"); // recorded fixtures, no network
        builder.UseSetting("Partnerskap:Ssb:Mode", "Offline"); // SSB is never asked; tests that fetch replace IStatisticsNorway
        builder.UseSetting("Partnerskap:BootstrapAdmin:Email", OfficeEmail);
        builder.UseSetting("Partnerskap:BootstrapAdmin:Password", Password);
        builder.UseSetting("Partnerskap:Security:LoginPermitLimit", "100000"); // tests log in hundreds of times a minute
        // Quiet hosts: a failing test's report carries the captured output, and CI shows only its tail. Warnings that
        // every host prints at start (SQLite's PRAGMA in a migration, split-query advice) would push the test's name out.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Migrations", "Error");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Query", "Error");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        if (Redis is not null)
        {
            builder.UseSetting("Partnerskap:Redis:ConnectionString", Redis);
        }
        if (Database == TestDatabase.PostgreSql)
        {
            builder.UseSetting("Partnerskap:Database:Provider", "PostgreSql");
            builder.UseSetting("ConnectionStrings:PostgreSql", PostgresConnectionString);
        }
        else
        {
            builder.UseSetting("Partnerskap:Database:Provider", "Sqlite");
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>Creates a login directly in the database (test setup, not the API under test).</summary>
    public async Task CreateUserAsync(string email, string role, string? orgnr = null, string name = "Test Person")
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, Name = name, Orgnr = orgnr };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, role);
    }

    /// <summary>An HTTP client carrying a bearer token from POST /api/auth/login.</summary>
    public async Task<HttpClient> LoginAsync(string email, string password = Password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public Task<HttpClient> LoginAsOfficeAsync() => LoginAsync(OfficeEmail);

    /// <summary>The .eml files the app has written to its mail pickup folder.</summary>
    public IReadOnlyList<string> SentMail() =>
        Directory.Exists(Path.Combine(DataDirectory, "mail")) ? Directory.GetFiles(Path.Combine(DataDirectory, "mail"), "*.eml") : [];

    /// <summary>Runs <paramref name="action"/> with a fresh database context in its own scope.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        using var scope = Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsStorage && !KeepStorage)
        {
            if (_postgresServer is not null && _postgresDatabase is not null)
            {
                TestStorage.DropDatabase(_postgresServer, _postgresDatabase);
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            TestStorage.TryDeleteDirectory(DataDirectory);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Makes a fresh host migrate and seed into storage that is kept, for <see cref="DatabaseTemplates"/>.</summary>
    internal static PartnerskapFactory ForTemplate(TestDatabase database, string dataDirectory, string? postgresDatabase) =>
        new(database, dataDirectory) { FromTemplate = false, KeepStorage = true, _postgresDatabase = postgresDatabase };

    private sealed record TokenResponse(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);
}

/// <summary>Query helpers for tests.</summary>
public static class DbTestExtensions
{
    public static Task<int> CountAsync<T>(this PartnerskapFactory factory, Func<AppDbContext, IQueryable<T>> query) =>
        factory.WithDbAsync(db => query(db).CountAsync());
}
