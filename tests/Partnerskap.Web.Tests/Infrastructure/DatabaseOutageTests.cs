using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Partnerskap.Testing;
using Partnerskap.Web.Infrastructure;

namespace Partnerskap.Web.Tests.Infrastructure;

public class DatabaseUnavailableClassifierTests
{
    [Fact]
    public void Unreachable_database_exceptions_are_recognised_through_wrappers_and_others_are_not()
    {
        Assert.True(DatabaseUnavailableHandler.IsDatabaseUnavailable(new NpgsqlException("down", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.True(DatabaseUnavailableHandler.IsDatabaseUnavailable(new DbUpdateException("save", new NpgsqlException("down", new SocketException()))));
        Assert.True(DatabaseUnavailableHandler.IsDatabaseUnavailable(new SqliteException("database is locked", 5)));
        Assert.True(DatabaseUnavailableHandler.IsDatabaseUnavailable(new SqliteException("unable to open database file", 14)));
        Assert.True(DatabaseUnavailableHandler.IsDatabaseUnavailable(new InvalidOperationException("wrapped", new TimeoutException())));

        Assert.False(DatabaseUnavailableHandler.IsDatabaseUnavailable(new SqliteException("constraint failed", 19)));
        Assert.False(DatabaseUnavailableHandler.IsDatabaseUnavailable(new NpgsqlException("syntax")));
        Assert.False(DatabaseUnavailableHandler.IsDatabaseUnavailable(new InvalidOperationException("bug")));
        Assert.False(DatabaseUnavailableHandler.IsDatabaseUnavailable(null));
    }
}

/// <summary>The database stops accepting connections while the app runs: 503 for API, pages and /health; then it recovers by itself.</summary>
public sealed class DatabaseOutageTestsOnPostgres(PostgresHost host) : IClassFixture<PostgresHost>
{
    private const string Members = "/api/partnerships/digiviken/members";

    [Fact]
    public async Task Database_down_gives_503_problem_and_page_and_unhealthy_then_the_app_recovers_by_itself()
    {
        var app = host.App;
        var office = await app.LoginAsOfficeAsync();
        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync(Members, TestContext.Current.CancellationToken)).StatusCode);
        var database = new NpgsqlConnectionStringBuilder(app.PostgresConnectionString).Database!;

        await SetAllowConnectionsAsync(database, allow: false);
        try
        {
            var api = await office.GetAsync(Members, TestContext.Current.CancellationToken);
            var problem = await api.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("The database is unavailable; nothing was saved. Try again shortly.", problem.GetProperty("detail").GetString());
            Assert.Equal(TimeSpan.FromSeconds(10), api.Headers.RetryAfter?.Delta);

            var write = await office.PostAsJsonAsync(
                $"{Members}/920125298/contacts",
                new { name = "Under nedetid", email = "nede@example.no", role = "chief-executive", from = "2022-01-01" },
                TestContext.Current.CancellationToken);
            await write.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);

            var page = await anonymous.GetAsync("/digiviken", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Databasen er ikke tilgjengelig", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
            Assert.Equal(TimeSpan.FromSeconds(10), page.Headers.RetryAfter?.Delta);

            var health = await anonymous.GetAsync("/health", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Equal("Unhealthy", await health.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
        finally
        {
            await SetAllowConnectionsAsync(database, allow: true);
        }

        var members = await office.GetJsonAsync(Members);
        Assert.Equal(52, members.GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/digiviken", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(0, await app.CountAsync(db => db.Contacts.Where(c => c.Email == "nede@example.no")));
    }

    private static async Task SetAllowConnectionsAsync(string database, bool allow)
    {
        await using var admin = new NpgsqlConnection(PartnerskapFactory.PostgresServer);
        await admin.OpenAsync();
        await using var alter = new NpgsqlCommand($"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS {(allow ? "true" : "false")}", admin);
        await alter.ExecuteNonQueryAsync();
        if (!allow)
        {
            await using var terminate = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid()", admin);
            terminate.Parameters.AddWithValue("name", database);
            await terminate.ExecuteNonQueryAsync();
        }
    }
}
