using Microsoft.Data.Sqlite;
using Npgsql;

namespace Partnerskap.Testing;

/// <summary>
/// One migrated and seeded database per provider and test process, copied into each host that asks for it
/// (<see cref="PartnerskapFactory.FromTemplate"/>). Made on first use, removed when the process exits.
/// </summary>
internal static class DatabaseTemplates
{
    private const string DatabaseFile = "partnerskap.db";
    private static readonly Lock Gate = new();
    private static string? _sqliteDirectory;
    private static (string Directory, string Database)? _postgres;

    public static void CopyInto(PartnerskapFactory target) =>
        CopyInto(target.Database, target.DataDirectory, target.PostgresConnectionString);

    /// <summary>Fills a fresh data directory (and, on PostgreSQL, creates the database named in the connection string).</summary>
    public static void CopyInto(TestDatabase database, string dataDirectory, string? postgresConnectionString)
    {
        if (database == TestDatabase.Sqlite)
        {
            var template = SqliteTemplate();
            if (File.Exists(Path.Combine(dataDirectory, DatabaseFile)))
            {
                return; // not a fresh data directory: leave it as it is
            }

            TestStorage.CopyDirectory(template, dataDirectory, SkipWhenCopying);
        }
        else
        {
            var (directory, name) = PostgresTemplate();
            TestStorage.CopyDirectory(directory, dataDirectory, SkipWhenCopying); // stored documents (the seeded library templates)
            CreateFromTemplate(name, postgresConnectionString!);
        }
    }

    private static string SqliteTemplate()
    {
        lock (Gate)
        {
            if (_sqliteDirectory is null)
            {
                var directory = Path.Combine(Path.GetTempPath(), $"partnerskap-template-{Environment.ProcessId}-{Guid.NewGuid():N}");
                Seed(PartnerskapFactory.ForTemplate(TestDatabase.Sqlite, directory, postgresDatabase: null));
                // Everything into the database file, so that copying the directory copies a complete database.
                using (var connection = new SqliteConnection($"Data Source={Path.Combine(directory, DatabaseFile)};Pooling=False"))
                {
                    connection.Open();
                    using var checkpoint = connection.CreateCommand();
                    checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                    checkpoint.ExecuteNonQuery();
                }

                _sqliteDirectory = directory;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => TestStorage.TryDeleteDirectory(directory);
            }

            return _sqliteDirectory;
        }
    }

    private static (string Directory, string Database) PostgresTemplate()
    {
        lock (Gate)
        {
            if (_postgres is null)
            {
                var name = $"partnerskap_template_{Guid.NewGuid():N}";
                var directory = Path.Combine(Path.GetTempPath(), $"partnerskap-template-{Environment.ProcessId}-{Guid.NewGuid():N}");
                Seed(PartnerskapFactory.ForTemplate(TestDatabase.PostgreSql, directory, name));
                NpgsqlConnection.ClearAllPools(); // CREATE DATABASE … TEMPLATE needs the template without sessions
                _postgres = (directory, name);
                AppDomain.CurrentDomain.ProcessExit += (_, _) =>
                {
                    TestStorage.TryDeleteDirectory(directory);
                    try
                    {
                        TestStorage.DropDatabase(PartnerskapFactory.PostgresServer!, name);
                    }
                    catch (NpgsqlException)
                    {
                        // the throwaway cluster goes away with the run anyway
                    }
                };
            }

            return _postgres.Value;
        }
    }

    private static void Seed(PartnerskapFactory factory)
    {
        using (factory)
        {
            _ = factory.Services; // first start: migrate and seed
        }
    }

    private static void CreateFromTemplate(string template, string targetConnectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(targetConnectionString).Database!;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                TestStorage.ExecuteOnServer(PartnerskapFactory.PostgresServer!, $"CREATE DATABASE \"{target}\" TEMPLATE \"{template}\"");
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 50)
            {
                // "source database is being accessed by other users": another copy is being made right now
                Thread.Sleep(100);
            }
        }
    }

    /// <summary>The shared-memory index of SQLite's write-ahead log and the mail folder are not part of a template.</summary>
    private static bool SkipWhenCopying(string relative) =>
        relative.EndsWith("-shm", StringComparison.Ordinal) || relative.StartsWith("mail" + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
