using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Partnerskap.Testing;

namespace Partnerskap.Web.Tests.Features;

/// <summary>Two app instances on one database share state: data-protection keys live in the database, not in memory.</summary>
public class InstancesTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_token_issued_by_one_instance_is_accepted_by_the_other(TestDatabase database)
    {
        if (database == TestDatabase.PostgreSql && PartnerskapFactory.PostgresServer is null)
        {
            Assert.SkipUnless(PartnerskapFactory.InCi, $"*** PostgreSQL part SKIPPED: {PartnerskapFactory.PostgresVariable} not set. ***");
            Assert.Fail($"CI=true but {PartnerskapFactory.PostgresVariable} is not set.");
        }

        await using var a = new PartnerskapFactory(database);
        _ = a.Services;
        await using var b = new PartnerskapFactory(database, shareWith: a);
        _ = b.Services;

        var fromA = await a.LoginAsOfficeAsync();
        var onB = b.CreateClient();
        onB.DefaultRequestHeaders.Authorization = fromA.DefaultRequestHeaders.Authorization;
        var me = await onB.GetAsync("/api/users/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(1, await b.CountAsync(db => db.DataProtectionKeys));
    }

    [Fact]
    public async Task A_fee_run_is_counted_in_the_metrics()
    {
        await using var app = new PartnerskapFactory();
        var office = await app.LoginAsOfficeAsync();
        long runs = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Partnerskap" && instrument.Name == "partnerskap.fee_runs")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref runs, value));
        listener.Start();

        await office.SetSellerAsync();
        Assert.Equal(HttpStatusCode.OK, (await office.PostAsync("/api/partnerships/digiviken/fees/2022/run", null)).StatusCode);
        Assert.Equal(1, Interlocked.Read(ref runs));
    }
}
