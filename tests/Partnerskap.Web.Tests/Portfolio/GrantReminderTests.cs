using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Partnerskap.Testing;
using Partnerskap.Web.Features.Portfolio;

namespace Partnerskap.Web.Tests.Portfolio;

/// <summary>FIN-4: the office is reminded of each grant's reporting deadline, once, 14 days before it (the app's FakeTimeProvider moves the days).</summary>
public abstract class GrantReminderTests(AppHost host)
{
    private const string P = "/api/partnerships/digiviken";
    private PartnerskapFactory App => host.App;

    private static async Task<(int Id, string Token)> GrantAsync(HttpClient office, string deadline)
    {
        var token = $"Fylket{Guid.NewGuid():N}"[..14];
        var r = await office.PostAsJsonAsync($"{P}/grants", new { funder = token, purpose = "base-funding", year = 2026, applied = 100_000m, appliedOn = "2026-03-01" });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var id = (await r.ReadJsonAsync()).GetProperty("id").GetInt32();
        var award = await office.PutAsJsonAsync($"/api/grants/{id}", new { granted = 100_000m, conditions = "Sluttrapport", reportingDeadline = deadline });
        Assert.True(award.IsSuccessStatusCode, await award.Content.ReadAsStringAsync());
        return (id, token);
    }

    private int Mails(string token) => App.SentMail().Count(f => File.ReadAllText(f).Contains(token, StringComparison.Ordinal));

    private async Task RunAsync()
    {
        using var scope = App.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<GrantReminders>().RunOnceAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The hosted service may have sent it a moment before the test's own run: wait for the count (the claim makes it once either way).</summary>
    private async Task AssertMailsAsync(int expected, string token)
    {
        for (var i = 0; i < 50 && Mails(token) < expected; i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Equal(expected, Mails(token));
    }

    [Fact]
    public async Task FIN_4_the_office_is_reminded_once_per_reporting_deadline_days_before_it()
    {
        var office = await App.LoginAsOfficeAsync();
        // Today is 25 November 2026 (Oslo). One deadline in 10 days, one in 30.
        var (_, soon) = await GrantAsync(office, "2026-12-05");
        var (laterId, later) = await GrantAsync(office, "2026-12-25");

        await RunAsync();
        await AssertMailsAsync(1, soon);
        Assert.Equal(0, Mails(later));
        Assert.Contains("office@test.local", File.ReadAllText(App.SentMail().First(f => File.ReadAllText(f).Contains(soon, StringComparison.Ordinal))), StringComparison.Ordinal);
        await RunAsync();
        await AssertMailsAsync(1, soon); // once per deadline

        // Twenty days on (15 December): the second deadline is 10 days away; the first has passed and is not mailed again.
        App.Clock.Advance(TimeSpan.FromDays(20));
        await RunAsync();
        await AssertMailsAsync(1, later);
        await RunAsync();
        await AssertMailsAsync(1, later);
        await AssertMailsAsync(1, soon);

        // A moved deadline is a new deadline: one new reminder.
        office = await App.LoginAsOfficeAsync(); // the first login's token has expired in twenty days
        var moved = await office.PutAsJsonAsync($"/api/grants/{laterId}", new { granted = 100_000m, reportingDeadline = "2026-12-28" });
        Assert.True(moved.IsSuccessStatusCode, await moved.Content.ReadAsStringAsync());
        await RunAsync();
        await AssertMailsAsync(2, later);
    }
}

public sealed class GrantReminderTestsOnSqlite(SqliteHost host) : GrantReminderTests(host), IClassFixture<SqliteHost>;

public sealed class GrantReminderTestsOnPostgres(PostgresHost host) : GrantReminderTests(host), IClassFixture<PostgresHost>;
