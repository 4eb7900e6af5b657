using System.Net;
using System.Text.Json;
using Partnerskap.Testing;

namespace Partnerskap.Web.Tests.Infrastructure;

/// <summary>
/// kill -9 of the real app process in the middle of work, then a restart on the same data: nothing half-written,
/// nothing lost, nothing doubled. Runs on SQLite and on PostgreSQL.
/// </summary>
public class CrashTests
{
    private static void RequireProvider(TestDatabase database)
    {
        if (database == TestDatabase.PostgreSql && PartnerskapFactory.PostgresServer is null)
        {
            Assert.SkipUnless(PartnerskapFactory.InCi, $"*** PostgreSQL part SKIPPED: {PartnerskapFactory.PostgresVariable} not set. ***");
            Assert.Fail($"CI=true but {PartnerskapFactory.PostgresVariable} is not set.");
        }
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task FIN_1_fee_runs_killed_mid_way_leave_no_half_run_and_the_rerun_completes_them_gap_free(TestDatabase database)
    {
        RequireProvider(database);
        int[] years = [2022, 2023, 2024, 2025];
        await using var app = new AppProcess(database);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var office = await app.LoginAsync();
        Assert.Equal(HttpStatusCode.OK, (await office.SetSellerAsync()).StatusCode);

        // Four fee runs at once (they queue on the invoice counter lock); kill -9 while they work.
        var runs = years.Select(y => office.PostAsync($"/api/partnerships/digiviken/fees/{y}/run", null)).ToList();
        await Task.Delay(Random.Shared.Next(150, 600), TestContext.Current.CancellationToken);
        await app.KillAsync();
        var finishedBeforeKill = 0;
        foreach (var run in runs)
        {
            try
            {
                finishedBeforeKill += (await run).IsSuccessStatusCode ? 1 : 0;
            }
            catch (HttpRequestException)
            {
                // The connection died with the process.
            }
        }

        await app.StartAsync(TestContext.Current.CancellationToken);
        office = await app.LoginAsync();
        var liable = new Dictionary<int, int>();
        foreach (var year in years)
        {
            var response = await office.PostAsync($"/api/partnerships/digiviken/fees/{year}/run", null, TestContext.Current.CancellationToken);
            Assert.True(response.IsSuccessStatusCode, $"rerun {year}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
            var calculation = await office.GetJsonAsync($"/api/partnerships/digiviken/fees/{year}");
            liable[year] = calculation.GetProperty("lines").EnumerateArray().Count(l => l.GetProperty("amount").GetDecimal() > 0);
        }

        var all = new List<JsonElement>();
        foreach (var year in years)
        {
            var invoices = (await office.GetJsonAsync($"/api/partnerships/digiviken/invoices?year={year}")).EnumerateArray().ToList();
            all.AddRange(invoices);
            var orgnrs = invoices.Select(i => i.GetProperty("orgnr").GetString()).ToList();
            Assert.Equal(orgnrs.Count, orgnrs.Distinct().Count()); // nobody invoiced twice for a year
            Assert.Equal(liable[year], orgnrs.Count);               // nobody missing after the rerun
        }

        // Invoice numbers: unique and gap-free across the runs that died and the reruns.
        var sequences = all.Select(i => int.Parse(i.GetProperty("number").GetString()!.Split('-')[1], System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(s => s).ToList();
        Assert.Equal(Enumerable.Range(1, sequences.Count), sequences);
        TestContext.Current.SendDiagnosticMessage($"{database}: {finishedBeforeKill} of {years.Length} runs finished before kill -9; {sequences.Count} invoices after the reruns.");
    }
}
