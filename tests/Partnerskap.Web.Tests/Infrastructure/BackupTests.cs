using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Partnerskap.Testing;
using Partnerskap.Web.Data;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Infrastructure.Backup;
using Partnerskap.Web.Tests.Features;

namespace Partnerskap.Web.Tests.Infrastructure;

/// <summary>Backup of the running app and restore into a fresh database, compared table by table, on SQLite and PostgreSQL.</summary>
public abstract class BackupTests(AppHost host)
{
    private const string Members = "/api/partnerships/digiviken/members";

    private PartnerskapFactory App => host.App;

    [Fact]
    public async Task Backup_of_the_running_app_restores_into_a_fresh_database_identical_table_by_table_with_its_documents()
    {
        var office = await App.LoginAsOfficeAsync();
        var orgnr = await AddDataAsync(office);

        var watch = Stopwatch.StartNew();
        var response = await office.PostAsync("/api/backups", null, TestContext.Current.CancellationToken);
        var backupTime = watch.Elapsed;
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        var backup = body.GetProperty("path").GetString()!;
        Assert.StartsWith(Path.Combine(App.DataDirectory, "backups"), backup, StringComparison.Ordinal);
        Assert.True(body.GetProperty("files").GetInt32() >= 3); // database, the notice, the receipt letter
        Assert.Equal(App.Clock.GetUtcNow(), body.GetProperty("createdAt").GetDateTimeOffset());

        var expected = await App.WithDbAsync(FingerprintAsync);
        var expectedDocuments = await DocumentHashesAsync(Path.Combine(App.DataDirectory, "documents"));
        Assert.True(expected["Documents"].Rows >= 2);
        Assert.True(expectedDocuments.Count >= 2);

        await using var target = await FreshTargetAsync();
        watch.Restart();
        await target.Service.RestoreAsync(backup, TestContext.Current.CancellationToken);
        var restoreTime = watch.Elapsed;
        TestContext.Current.SendDiagnosticMessage(
            $"{host.Database}: backup {backupTime.TotalMilliseconds:F0} ms, restore {restoreTime.TotalMilliseconds:F0} ms, {expected.Sum(t => t.Value.Rows)} rows, {expectedDocuments.Count} documents");

        Dictionary<string, (long Rows, string Hash)> actual;
        await using (var db = target.CreateContext())
        {
            actual = await FingerprintAsync(db);
        }

        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        Assert.All(expected, table => Assert.True(table.Value == actual[table.Key], $"{table.Key}: {table.Value} before, {actual[table.Key]} after restore"));
        Assert.Equal(expectedDocuments, await DocumentHashesAsync(Path.Combine(target.DataDirectory, "documents")));
        Assert.Contains(orgnr, await target.QueryStringsAsync("SELECT \"Orgnr\" AS \"Value\" FROM \"Members\""));
    }

    [Fact]
    public async Task A_backup_whose_files_do_not_match_the_manifest_is_refused_and_nothing_is_restored()
    {
        var office = await App.LoginAsOfficeAsync();
        await AddDataAsync(office);
        var folder = Path.Combine(App.DataDirectory, "tamper-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(0, await BackupCommand.RunAsync(App.Services, ["backup", folder], TestContext.Current.CancellationToken));
        var document = Directory.EnumerateFiles(Path.Combine(folder, "documents"), "*.txt", SearchOption.AllDirectories).First();
        await File.AppendAllTextAsync(document, " Endret.", TestContext.Current.CancellationToken);

        await using var target = await FreshTargetAsync();
        var refused = await Assert.ThrowsAsync<BackupException>(() => target.Service.RestoreAsync(folder, TestContext.Current.CancellationToken));
        Assert.Contains("SHA-256 does not match the manifest", refused.Message, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(document), refused.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(target.DataDirectory, "documents")));
        Assert.False(File.Exists(Path.Combine(target.DataDirectory, "partnerskap.db")));
        Assert.Equal(0, await target.TableCountAsync());

        // A missing file is refused too, and the command exits non-zero.
        File.Delete(document);
        Assert.NotEqual(0, await BackupCommand.RunAsync(App.Services, ["restore", folder], TestContext.Current.CancellationToken));
    }

    /// <summary>A member with a contact (API) and a registered resignation with its text document and receipt letter.</summary>
    private static async Task<string> AddDataAsync(HttpClient office)
    {
        var orgnr = TestData.NextOrgnr();
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync(Members, new { orgnr, name = $"Backuporganisasjon {orgnr}", kind = "other", joinedOn = "2022-01-01" })).StatusCode);
        var contact = await office.PostAsJsonAsync($"{Members}/{orgnr}/contacts", new { name = "Kari Backup", email = "kari.backup@example.no", role = "chief-executive", from = "2022-01-01" });
        Assert.True(contact.IsSuccessStatusCode, $"{(int)contact.StatusCode}");
        var resignation = await office.PostAsJsonAsync($"{Members}/{orgnr}/resignation", new
        {
            receivedOn = "2026-06-30",
            document = new
            {
                fileName = "oppsigelse.txt",
                contentType = "text/plain",
                contentBase64 = Convert.ToBase64String(Encoding.UTF8.GetBytes($"Vi sier opp deltakelsen ({orgnr}).")),
            },
        });
        Assert.Equal(HttpStatusCode.Created, resignation.StatusCode);
        return orgnr;
    }

    /// <summary>Per table in the model (and the migrations history): row count and SHA-256 of all rows in primary-key order.</summary>
    public static async Task<Dictionary<string, (long Rows, string Hash)>> FingerprintAsync(AppDbContext db)
    {
        var tables = db.Model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null)
            .GroupBy(e => e.GetTableName()!)
            .Select(g =>
            {
                var entity = g.First();
                var store = StoreObjectIdentifier.Table(g.Key, entity.GetSchema());
                var key = entity.FindPrimaryKey()?.Properties.Select(p => p.GetColumnName(store)!).ToList() ?? [];
                return (Table: g.Key, Key: key);
            })
            .Append(("__EFMigrationsHistory", ["MigrationId"]))
            .ToList();

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            var result = new Dictionary<string, (long, string)>();
            foreach (var (table, key) in tables)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM \"{table}\"" + (key.Count > 0 ? " ORDER BY " + string.Join(", ", key.Select(k => $"\"{k}\"")) : "");
                await using var reader = await command.ExecuteReaderAsync();
                var rows = new List<string>();
                while (await reader.ReadAsync())
                {
                    rows.Add(string.Join("\u001f", Enumerable.Range(0, reader.FieldCount).Select(i => $"{reader.GetName(i)}={Render(reader, i)}")));
                }

                if (key.Count == 0)
                {
                    rows.Sort(StringComparer.Ordinal);
                }

                result[table] = (rows.Count, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\u001e", rows)))));
            }

            return result;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string Render(DbDataReader reader, int i) =>
        reader.IsDBNull(i)
            ? "∅"
            : reader.GetValue(i) switch
            {
                byte[] bytes => Convert.ToHexString(bytes),
                DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
                DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var v => v.ToString() ?? "",
            };

    private static async Task<SortedDictionary<string, string>> DocumentHashesAsync(string folder)
    {
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            hashes[Path.GetRelativePath(folder, file)] = await BackupService.HashAsync(file, TestContext.Current.CancellationToken);
        }

        return hashes;
    }

    private async Task<RestoreTarget> FreshTargetAsync()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"partnerskap-restore-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataDirectory);
        var options = new PartnerskapOptions { DataDirectory = dataDirectory };
        string? connectionString = null;
        string? database = null;
        if (host.Database == TestDatabase.PostgreSql)
        {
            options.Database.Provider = DatabaseSetup.PostgreSql;
            database = $"partnerskap_restore_{Guid.NewGuid():N}";
            await using var admin = new NpgsqlConnection(PartnerskapFactory.PostgresServer);
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin);
            await create.ExecuteNonQueryAsync();
            connectionString = new NpgsqlConnectionStringBuilder(PartnerskapFactory.PostgresServer) { Database = database }.ConnectionString;
        }

        return new RestoreTarget(
            options,
            connectionString,
            database,
            new BackupService(options, connectionString, TimeProvider.System, NullLogger<BackupService>.Instance));
    }

    private sealed class RestoreTarget(PartnerskapOptions options, string? connectionString, string? database, BackupService service) : IAsyncDisposable
    {
        public BackupService Service => service;

        public string DataDirectory => options.DataDirectoryFullPath;

        public AppDbContext CreateContext() => connectionString is null
            ? new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(DatabaseSetup.SqliteConnectionString(options)).Options)
            : new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connectionString).Options);

        public async Task<List<string>> QueryStringsAsync(string sql)
        {
            await using var db = CreateContext();
            return await db.Database.SqlQueryRaw<string>(sql).ToListAsync();
        }

        /// <summary>Tables in the target database (0 for a missing SQLite file or an empty PostgreSQL database).</summary>
        public async Task<long> TableCountAsync()
        {
            if (connectionString is null)
            {
                return File.Exists(Path.Combine(DataDirectory, "partnerskap.db")) ? -1 : 0;
            }

            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);
            return (long)(await command.ExecuteScalarAsync())!;
        }

        public async ValueTask DisposeAsync()
        {
            SqliteConnection.ClearAllPools();
            if (database is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await using var admin = new NpgsqlConnection(PartnerskapFactory.PostgresServer);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }

            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }
}

public sealed class BackupTestsOnSqlite(SqliteHost host) : BackupTests(host), IClassFixture<SqliteHost>;

public sealed class BackupTestsOnPostgres(PostgresHost host) : BackupTests(host), IClassFixture<PostgresHost>;
