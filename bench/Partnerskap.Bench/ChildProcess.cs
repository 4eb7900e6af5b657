using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

/// <summary>
/// A server under test in its own process (the built Partnerskap.Web, or this bench's bare Kestrel endpoint), so the
/// load generator shares a process with neither: its resident memory and CPU time are read from /proc/&lt;pid&gt;.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private ChildProcess(Process process, StreamWriter log, string url)
    {
        _process = process;
        _log = log;
        Url = url;
    }

    /// <summary>Set to a Partnerskap.Web.dll to run that build instead of src/Partnerskap.Web/bin/&lt;configuration&gt;.</summary>
    public const string AppVariable = "PARTNERSKAP_BENCH_APP";

    /// <summary>Extra environment for the app process only: <c>NAME=value;NAME2=value2</c>.</summary>
    public const string AppEnvironmentVariable = "PARTNERSKAP_BENCH_APP_ENV";

    public string Url { get; }

    public int Pid => _process.Id;

    /// <summary>Starts the built Partnerskap.Web (same configuration as this bench) on <paramref name="dataDirectory"/>, in Production.</summary>
    /// <param name="postgres">An Npgsql connection string: run the app on PostgreSQL instead of SQLite.</param>
    public static ChildProcess StartApp(string repositoryRoot, string dataDirectory, string logFile, string? postgres = null)
    {
        var configuration = typeof(ChildProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var output = Path.Combine(repositoryRoot, "src", "Partnerskap.Web", "bin", configuration, "net10.0");
        var dll = Path.Combine(output, "Partnerskap.Web.dll");
        if (Environment.GetEnvironmentVariable(AppVariable) is { Length: > 0 } other)
        {
            // Another build of the app (e.g. a copy of the output before a change), for before/after runs in one session.
            dll = Path.GetFullPath(other);
            output = Path.GetDirectoryName(dll)!;
        }

        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} not found: build the app first (dotnet build -c {configuration} bench/Partnerskap.Bench).");
        }

        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = output };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(url);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Partnerskap__DataDirectory"] = dataDirectory;
        start.Environment["Partnerskap__Database__Provider"] = postgres is null ? "Sqlite" : "PostgreSql";
        if (postgres is not null)
        {
            start.Environment["ConnectionStrings__PostgreSql"] = postgres;
        }

        start.Environment["Partnerskap__CreateDemoUsers"] = "false";
        start.Environment["Partnerskap__Brreg__Mode"] = "Offline";
        start.Environment["Partnerskap__Ssb__Mode"] = "Offline";
        start.Environment["Partnerskap__BootstrapAdmin__Email"] = Partnerskap.Testing.PartnerskapFactory.OfficeEmail;
        start.Environment["Partnerskap__BootstrapAdmin__Password"] = Partnerskap.Testing.PartnerskapFactory.Password;
        start.Environment["Partnerskap__Security__RequireTwoFactorForOffice"] = "false"; // the bench logs in with a password
        start.Environment["Partnerskap__Security__LoginPermitLimit"] = "100000";
        foreach (var setting in (Environment.GetEnvironmentVariable(AppEnvironmentVariable) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = (setting[..setting.IndexOf('=', StringComparison.Ordinal)], setting[(setting.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            start.Environment[name] = value; // e.g. DOTNET_gcServer=0 for the app only, to compare runtime settings
        }

        return Start(start, url, logFile);
    }

    /// <summary>Starts this bench again as the bare Kestrel baseline (<c>bare &lt;url&gt;</c>).</summary>
    public static ChildProcess StartBare(string logFile)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var self = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(self);
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        start.ArgumentList.Add("bare");
        start.ArgumentList.Add(url);
        return Start(start, url, logFile);
    }

    private static ChildProcess Start(ProcessStartInfo start, string url, string logFile)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var log = new StreamWriter(logFile) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ChildProcess(process, log, url);
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }

    /// <summary>Polls <c>GET {url}{path}</c> until it answers 200; returns the time since the process started.</summary>
    public async Task<TimeSpan> WaitUntilReadyAsync(string path, TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The process {_process.Id} exited with {_process.ExitCode} before answering; see its log.");
            }

            try
            {
                using var response = await client.GetAsync(Url + path);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return DateTime.Now - _process.StartTime;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy starting
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"{Url}{path} did not answer 200 within {timeout}.");
    }

    /// <summary>One sample of /proc/&lt;pid&gt;/status: resident set (total, anonymous, file-backed), its peak since start (VmHWM), and threads.</summary>
    public readonly record struct Status(long Rss, long RssAnon, long RssFile, long Hwm, int Threads)
    {
        public override string ToString() =>
            $"RSS {Rss / 1024 / 1024} MB (anon {RssAnon / 1024 / 1024}, file {RssFile / 1024 / 1024}), {Threads} threads";
    }

    public Status ReadStatus()
    {
        long rss = 0, anon = 0, file = 0, hwm = 0;
        var threads = 0;
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line) * 1024;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                hwm = Kilobytes(line) * 1024;
            }
            else if (line.StartsWith("RssAnon:", StringComparison.Ordinal))
            {
                anon = Kilobytes(line) * 1024;
            }
            else if (line.StartsWith("RssFile:", StringComparison.Ordinal))
            {
                file = Kilobytes(line) * 1024;
            }
            else if (line.StartsWith("Threads:", StringComparison.Ordinal))
            {
                threads = (int)Kilobytes(line);
            }
        }

        return new Status(rss, anon, file, hwm, threads);
    }

    /// <summary>User + system CPU time the process has used so far (/proc/&lt;pid&gt;/stat, clock ticks of 10 ms).</summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        await _log.DisposeAsync();
    }
}
