using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Partnerskap.Web.Infrastructure.Backup;

/// <summary>What a backup folder holds: provider, when, which app version, and the SHA-256 of every file in it.</summary>
public sealed record BackupManifest(int Format, string Provider, DateTimeOffset CreatedAt, string AppVersion, string Database, SortedDictionary<string, string> Files)
{
    public const string FileName = "manifest.json";
}

/// <summary>A backup or restore that cannot go ahead (tampered or incomplete backup, wrong provider, missing tool).</summary>
public sealed class BackupException(string message) : Exception(message);

/// <summary>
/// Backup and restore of the database and the stored documents. A backup folder holds <c>database.sqlite</c>
/// (SQLite online backup of the running database) or <c>database.pgdump</c> (<c>pg_dump --format=custom</c>), a copy
/// of <c>{DataDirectory}/documents</c> and <c>manifest.json</c>. The database is copied before the documents: a
/// document's file is written before its row is committed, so every document row in the backup has its file.
/// Restore verifies every hash first. SQLite restore replaces the database file and must run while the app is stopped.
/// </summary>
public sealed class BackupService(PartnerskapOptions options, string? postgresConnectionString, TimeProvider clock, ILogger<BackupService> logger)
{
    public const string SqliteFile = "database.sqlite";
    public const string PostgresFile = "database.pgdump";
    public const string DocumentsFolder = "documents";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public bool IsPostgres { get; } =
        string.Equals(options.Database.Provider, DatabaseSetup.PostgreSql, StringComparison.OrdinalIgnoreCase)
        || string.Equals(options.Database.Provider, "Postgres", StringComparison.OrdinalIgnoreCase);

    public string Provider => IsPostgres ? DatabaseSetup.PostgreSql : DatabaseSetup.Sqlite;

    private string DocumentsRoot => Path.Combine(options.DataDirectoryFullPath, DocumentsFolder);

    private string SqlitePath => Path.Combine(options.DataDirectoryFullPath, "partnerskap.db");

    /// <summary>Writes a backup into <paramref name="targetDirectory"/> (created; must not exist or be empty) and returns its full path.</summary>
    public async Task<string> CreateAsync(string targetDirectory, CancellationToken ct)
    {
        var target = Path.GetFullPath(targetDirectory);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new BackupException($"The backup folder '{target}' is not empty.");
        }

        Directory.CreateDirectory(target);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var createdAt = clock.GetUtcNow();
            string database;
            if (IsPostgres)
            {
                database = PostgresFile;
                await RunPgToolAsync("pg_dump", ["--format=custom", "--no-password", $"--file={Path.Combine(target, database)}"], ct);
            }
            else
            {
                database = SqliteFile;
                BackupSqlite(Path.Combine(target, database));
            }

            if (Directory.Exists(DocumentsRoot))
            {
                CopyDocuments(DocumentsRoot, Path.Combine(target, DocumentsFolder));
            }

            var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var file in Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories))
            {
                files[Relative(target, file)] = await HashAsync(file, ct);
            }

            var manifest = new BackupManifest(1, Provider, createdAt, AppVersion, database, files);
            await File.WriteAllTextAsync(Path.Combine(target, BackupManifest.FileName), JsonSerializer.Serialize(manifest, JsonOptions), ct);
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation(
                    "Backup of the {Provider} database and {Documents} documents written to {Target} in {Elapsed} ms",
                    Provider, files.Count - 1, target, (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            return target;
        }
        catch
        {
            TryDelete(target);
            throw;
        }
    }

    /// <summary>Reads the manifest and checks that the folder holds exactly the files it lists, with their hashes.</summary>
    public async Task<BackupManifest> VerifyAsync(string backupDirectory, CancellationToken ct)
    {
        var source = Path.GetFullPath(backupDirectory);
        var manifest = await ReadManifestAsync(source, ct);
        var problems = new List<string>();
        var present = Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories)
            .Select(f => Relative(source, f))
            .Where(f => f != BackupManifest.FileName)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var (file, expected) in manifest.Files)
        {
            var path = Path.GetFullPath(Path.Combine(source, file));
            if (!path.StartsWith(source + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                problems.Add($"{file}: outside the backup folder");
            }
            else if (!present.Remove(file))
            {
                problems.Add($"{file}: missing");
            }
            else if (!string.Equals(await HashAsync(path, ct), expected, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{file}: SHA-256 does not match the manifest");
            }
        }

        problems.AddRange(present.Order(StringComparer.Ordinal).Select(f => $"{f}: not listed in the manifest"));
        if (problems.Count > 0)
        {
            throw new BackupException(
                $"The backup in '{source}' has been changed or is incomplete; nothing was restored. {string.Join("; ", problems.Take(10))}");
        }

        return manifest;
    }

    /// <summary>Reads a backup's manifest without checking the files.</summary>
    public static async Task<BackupManifest> ReadManifestAsync(string backupDirectory, CancellationToken ct)
    {
        var source = Path.GetFullPath(backupDirectory);
        var manifestPath = Path.Combine(source, BackupManifest.FileName);
        if (!File.Exists(manifestPath))
        {
            throw new BackupException($"'{source}' is not a backup: it has no {BackupManifest.FileName}.");
        }

        BackupManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(manifestPath, ct), JsonOptions);
        }
        catch (JsonException e)
        {
            throw new BackupException($"The backup's {BackupManifest.FileName} cannot be read: {e.Message}");
        }

        if (manifest?.Files is null || manifest.Format != 1 || !manifest.Files.ContainsKey(manifest.Database ?? ""))
        {
            throw new BackupException($"The backup's {BackupManifest.FileName} is incomplete.");
        }

        return manifest;
    }

    /// <summary>
    /// Restores a verified backup into the configured database and documents folder. SQLite: offline only (the app
    /// must be stopped); the replaced database file and documents folder are kept beside them with a ".replaced-…" suffix.
    /// PostgreSQL: <c>pg_restore --clean --if-exists --no-owner</c> into the configured (existing) database, in one transaction.
    /// </summary>
    public async Task RestoreAsync(string backupDirectory, CancellationToken ct)
    {
        var source = Path.GetFullPath(backupDirectory);
        var manifest = await VerifyAsync(source, ct);
        if (!string.Equals(manifest.Provider, Provider, StringComparison.OrdinalIgnoreCase))
        {
            throw new BackupException($"The backup is of a {manifest.Provider} database, but the configured provider is {Provider}.");
        }

        var started = Stopwatch.GetTimestamp();
        var suffix = ".replaced-" + clock.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        Directory.CreateDirectory(options.DataDirectoryFullPath);
        if (IsPostgres)
        {
            await RunPgToolAsync(
                "pg_restore",
                ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--no-password", "--dbname=", Path.Combine(source, manifest.Database)],
                ct);
        }
        else
        {
            RestoreSqlite(Path.Combine(source, manifest.Database), suffix);
        }

        var documents = Path.Combine(source, DocumentsFolder);
        var staging = DocumentsRoot + ".restoring";
        TryDelete(staging);
        Directory.CreateDirectory(staging);
        if (Directory.Exists(documents))
        {
            CopyDocuments(documents, staging);
        }

        if (Directory.Exists(DocumentsRoot))
        {
            Directory.Move(DocumentsRoot, DocumentsRoot + suffix);
        }

        Directory.Move(staging, DocumentsRoot);
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation(
                "Restored the {Provider} backup of {CreatedAt:o} from {Source} in {Elapsed} ms",
                manifest.Provider, manifest.CreatedAt, source, (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    /// <summary>Online, consistent copy through SQLite's backup API (readers and, in WAL mode, writers carry on).</summary>
    private void BackupSqlite(string target)
    {
        if (!File.Exists(SqlitePath))
        {
            throw new BackupException($"There is no SQLite database at '{SqlitePath}'.");
        }

        using var source = new SqliteConnection(new SqliteConnectionStringBuilder(DatabaseSetup.SqliteConnectionString(options)) { Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
        source.Open();
        destination.Open();
        source.BackupDatabase(destination);
        using var command = destination.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=DELETE;"; // one self-contained file, no -wal beside it
        command.ExecuteNonQuery();
    }

    private void RestoreSqlite(string backupFile, string suffix)
    {
        SqliteConnection.ClearAllPools();
        using (var check = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = backupFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        {
            check.Open();
            using var command = check.CreateCommand();
            command.CommandText = "PRAGMA integrity_check;";
            if (command.ExecuteScalar() as string != "ok")
            {
                throw new BackupException("The backup's SQLite database fails PRAGMA integrity_check.");
            }
        }

        var staging = SqlitePath + ".restoring";
        File.Copy(backupFile, staging, overwrite: true);
        if (File.Exists(SqlitePath))
        {
            File.Move(SqlitePath, SqlitePath + suffix);
        }

        // A write-ahead log left from the replaced database would be replayed into the restored one.
        foreach (var sidecar in new[] { "-wal", "-shm", "-journal" })
        {
            if (File.Exists(SqlitePath + sidecar))
            {
                File.Move(SqlitePath + sidecar, SqlitePath + suffix + sidecar);
            }
        }

        File.Move(staging, SqlitePath);
    }

    private async Task RunPgToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(postgresConnectionString))
        {
            throw new BackupException("ConnectionStrings:PostgreSql is empty.");
        }

        var cs = new NpgsqlConnectionStringBuilder(postgresConnectionString);
        var start = new ProcessStartInfo(FindPgTool(tool))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Connection details through libpq's environment variables, never on the command line (visible in ps).
        SetEnvironment(start, "PGHOST", cs.Host);
        SetEnvironment(start, "PGPORT", cs.Port.ToString(CultureInfo.InvariantCulture));
        SetEnvironment(start, "PGUSER", cs.Username);
        SetEnvironment(start, "PGPASSWORD", cs.Password);
        SetEnvironment(start, "PGDATABASE", cs.Database);
        SetEnvironment(start, "PGSSLMODE", cs.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        });

        using var process = Process.Start(start) ?? throw new BackupException($"Could not start {tool}.");
        var stderr = process.StandardError.ReadToEndAsync(ct);
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        await stdout;
        if (process.ExitCode != 0)
        {
            throw new BackupException($"{tool} failed with exit code {process.ExitCode}: {(await stderr).Trim()}");
        }
    }

    private static void SetEnvironment(ProcessStartInfo start, string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            start.Environment.Remove(name);
        }
        else
        {
            start.Environment[name] = value;
        }
    }

    /// <summary><paramref name="tool"/> on PATH, else the newest /usr/lib/postgresql/*/bin/ one.</summary>
    public static string FindPgTool(string tool)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, tool);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        const string debian = "/usr/lib/postgresql";
        var newest = Directory.Exists(debian)
            ? Directory.EnumerateDirectories(debian)
                .Select(d => (Version: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1, Path: Path.Combine(d, "bin", tool)))
                .Where(c => c.Version >= 0 && File.Exists(c.Path))
                .OrderByDescending(c => c.Version)
                .Select(c => c.Path)
                .FirstOrDefault()
            : null;
        return newest ?? throw new BackupException($"{tool} was not found on PATH or in {debian}/*/bin. Install the PostgreSQL client tools.");
    }

    /// <summary>Copies a documents folder, leaving out half-written temporary files (".{guid}.tmp").</summary>
    private static void CopyDocuments(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            if (Path.GetFileName(file).StartsWith('.') && file.EndsWith(".tmp", StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: false);
        }
    }

    private static string Relative(string root, string file) => Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');

    public static async Task<string> HashAsync(string path, CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }

    private static string AppVersion =>
        typeof(BackupService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(BackupService).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a partial folder left behind is named in the error the caller sees.
        }
    }
}
