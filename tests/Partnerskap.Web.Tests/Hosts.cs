using Partnerskap.Testing;

namespace Partnerskap.Web.Tests;

/// <summary>
/// One app per test class on one database provider. The PostgreSQL host needs PARTNERSKAP_TEST_POSTGRES: without it
/// the suite fails in CI (CI=true) and is skipped, loudly, on a developer machine.
/// </summary>
public abstract class AppHost(TestDatabase database) : IAsyncLifetime
{
    private PartnerskapFactory? _factory;

    public TestDatabase Database => database;

    public string? SkipReason { get; private set; }

    public PartnerskapFactory App
    {
        get
        {
            if (SkipReason is not null)
            {
                Assert.Skip(SkipReason);
            }

            return _factory!;
        }
    }

    public ValueTask InitializeAsync()
    {
        if (database == TestDatabase.PostgreSql && PartnerskapFactory.PostgresServer is null)
        {
            if (PartnerskapFactory.InCi)
            {
                throw new InvalidOperationException(
                    $"CI=true but {PartnerskapFactory.PostgresVariable} is not set: the PostgreSQL suite must run in CI (.ci/run starts a cluster).");
            }

            SkipReason = $"*** PostgreSQL suite SKIPPED: set {PartnerskapFactory.PostgresVariable} to an Npgsql connection string " +
                         "(bash .ci/run does it for you). In CI this is a failure. ***";
            Console.Error.WriteLine(SkipReason);
            return ValueTask.CompletedTask;
        }

        _factory = new PartnerskapFactory(database);
        _ = _factory.Services; // start the app: migrate and seed now, not inside the first test
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteHost() : AppHost(TestDatabase.Sqlite);

public sealed class PostgresHost() : AppHost(TestDatabase.PostgreSql);
