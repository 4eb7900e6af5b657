using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using Npgsql;

namespace Partnerskap.Testing;

/// <summary>
/// The real app as a separate OS process (the built Partnerskap.Web.dll on Kestrel), for crash tests: it can be killed
/// with SIGKILL (kill -9) in the middle of work and started again on the same data directory and database.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private Process? _process;

    public AppProcess(TestDatabase database)
    {
        Database = database;
        DataDirectory = Path.Combine(Path.GetTempPath(), $"partnerskap-crash-{Guid.NewGuid():N}");
        if (database == TestDatabase.PostgreSql)
        {
            var server = PartnerskapFactory.PostgresServer ?? throw new InvalidOperationException($"{PartnerskapFactory.PostgresVariable} is not set.");
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = $"partnerskap_crash_{Guid.NewGuid():N}" }.ConnectionString;
            ServerConnectionString = server;
        }
    }

    public TestDatabase Database { get; }

    public string DataDirectory { get; }

    public string? ConnectionString { get; }

    private string? ServerConnectionString { get; }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    private bool _prepared;

    /// <summary>
    /// Starts the app and waits until /health answers. The first start begins from a copy of the test process's migrated
    /// and seeded template database (as <see cref="PartnerskapFactory.FromTemplate"/>), so the app only checks it.
    /// </summary>
    public async Task StartAsync(CancellationToken ct = default)
    {
        if (!_prepared)
        {
            _prepared = true;
            DatabaseTemplates.CopyInto(Database, DataDirectory, ConnectionString);
        }

        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        var dll = WebDll();
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", BaseAddress.ToString().TrimEnd('/')])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Partnerskap__DataDirectory"] = DataDirectory;
        start.Environment["Partnerskap__CreateDemoUsers"] = "false";
        start.Environment["Partnerskap__Brreg__Mode"] = "Offline";
        start.Environment["Partnerskap__Ssb__Mode"] = "Offline";
        start.Environment["Partnerskap__BootstrapAdmin__Email"] = PartnerskapFactory.OfficeEmail;
        start.Environment["Partnerskap__BootstrapAdmin__Password"] = PartnerskapFactory.Password;
        start.Environment["Partnerskap__Security__LoginPermitLimit"] = "100000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        if (Database == TestDatabase.PostgreSql)
        {
            start.Environment["Partnerskap__Database__Provider"] = "PostgreSql";
            start.Environment["ConnectionStrings__PostgreSql"] = ConnectionString;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        // Generous: a machine busy with other builds can take a minute to start and migrate the app.
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} during start.");
            }

            try
            {
                if ((await http.GetAsync("health", ct)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }

            await Task.Delay(100, ct);
        }

        throw new TimeoutException("The app did not answer /health within 180 s.");
    }

    /// <summary>SIGKILL: no shutdown, no flushing, exactly like kill -9.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>A client with a bearer token for the user.</summary>
    public async Task<HttpClient> LoginAsync(string email = PartnerskapFactory.OfficeEmail, string password = PartnerskapFactory.Password)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        if (ServerConnectionString is not null && ConnectionString is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(ServerConnectionString);
            await connection.OpenAsync();
            var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The web project's own build output (same configuration as the tests), which has its runtimeconfig and deps.</summary>
    private static string WebDll()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = dir.Parent?.Name ?? "Debug"; // …/bin/{Configuration}/net10.0/
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Partnerskap.slnx")))
        {
            dir = dir.Parent;
        }

        if (dir is null)
        {
            throw new InvalidOperationException("Repository root (Partnerskap.slnx) not found above " + AppContext.BaseDirectory);
        }

        var dll = Path.Combine(dir.FullName, "src", "Partnerskap.Web", "bin", configuration, "net10.0", "Partnerskap.Web.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the web project first.", dll);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record TokenResponse(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);
}
