using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Partnerskap.Testing;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Tests.Features;

/// <summary>
/// Several instances behind a load balancer: two app instances on one database, SignalR through Redis. A ballot cast on
/// instance A reaches an observer connected to instance B.
/// </summary>
public class ScaleOutTests
{
    [Theory]
    [InlineData(TestDatabase.PostgreSql)]
    [InlineData(TestDatabase.Sqlite)]
    public async Task A_ballot_cast_on_instance_A_shows_live_on_an_observer_connected_to_instance_B(TestDatabase database)
    {
        if (PartnerskapFactory.RedisServer is null || (database == TestDatabase.PostgreSql && PartnerskapFactory.PostgresServer is null))
        {
            Assert.SkipUnless(PartnerskapFactory.InCi, $"*** Scale-out suite SKIPPED: needs {PartnerskapFactory.RedisVariable} (and {PartnerskapFactory.PostgresVariable}). In CI this is a failure. ***");
            Assert.Fail($"CI=true but {PartnerskapFactory.RedisVariable} or {PartnerskapFactory.PostgresVariable} is not set.");
        }

        await using var a = new PartnerskapFactory(database) { Redis = PartnerskapFactory.RedisServer };
        _ = a.Services;
        await using var b = new PartnerskapFactory(database, shareWith: a) { Redis = PartnerskapFactory.RedisServer };
        _ = b.Services;

        var officeA = await a.LoginAsOfficeAsync();
        var meeting = await (await officeA.PostAsJsonAsync("/api/partnerships/digiviken/meetings",
            new { kind = "annual", title = "Årsmøte (to instanser)", startsAt = "2026-12-10T10:00:00+01:00" })).ReadJsonAsync();
        var meetingId = meeting.GetProperty("id").GetInt32();
        var rep = $"rep-{Guid.NewGuid():N}@test.local";
        await a.CreateUserAsync(rep, Roles.MemberContact, "920125298");
        Assert.True((await officeA.PostAsJsonAsync($"/api/meetings/{meetingId}/credentials", new { orgnr = "920125298", representativeEmail = rep })).IsSuccessStatusCode);
        var voteId = (await (await officeA.PostAsJsonAsync($"/api/meetings/{meetingId}/votes", new { question = "Godkjenne årsmeldingen" })).ReadJsonAsync()).GetProperty("id").GetInt32();
        Assert.True((await officeA.PostAsync($"/api/votes/{voteId}/open", null)).IsSuccessStatusCode);

        // The observer (the chair's screen) is connected to instance B.
        var officeB = await b.LoginAsOfficeAsync();
        var token = officeB.DefaultRequestHeaders.Authorization!.Parameter!;
        var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var observer = new HubConnectionBuilder()
            .WithUrl(new Uri(b.Server.BaseAddress, "/hubs/votes"), o =>
            {
                o.Transports = HttpTransportType.LongPolling; // the in-memory test server has no WebSockets
                o.HttpMessageHandlerFactory = _ => b.Server.CreateHandler();
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        observer.On<JsonElement>("results", view =>
        {
            if (view.GetProperty("cast").GetInt32() >= 1)
            {
                received.TrySetResult(view);
            }
        });
        await observer.StartAsync(TestContext.Current.CancellationToken);
        await observer.InvokeAsync("Watch", voteId, TestContext.Current.CancellationToken);

        // The ballot is cast on instance A.
        var representative = await a.LoginAsync(rep);
        var ballot = await representative.PostAsJsonAsync($"/api/votes/{voteId}/ballots", new { orgnr = "920125298", choice = "for" }, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Created, ballot.StatusCode);

        var view = await received.Task.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        Assert.Equal(1, view.GetProperty("cast").GetInt32());
    }
}
