using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Partnerskap.Domain.Meetings;
using Partnerskap.Domain.Members;
using Partnerskap.Testing;
using Partnerskap.Web.Data;

/// <summary>
/// Issue 5: N simulated voters (one member each, held by 20 representatives) cast one ballot each over loopback on
/// real Kestrel while 100 observers watch the live results (SignalR). Reports ballots/s, p50/p99, lost and doubled
/// ballots, and the ratio to the database's own durable single-row insert rate measured in the same run (same
/// concurrency, one row per committed transaction).
/// </summary>
internal static class Voting
{
    private const int Representatives = 20;
    private const int Observers = 100;
    private const int Concurrency = 32;

    public static async Task<int> RunAsync(int voters, bool postgres)
    {
        await using var app = new PartnerskapFactory(postgres ? TestDatabase.PostgreSql : TestDatabase.Sqlite);
        app.UseKestrel(0);
        app.StartServer();
        var baseUrl = app.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(2) };
        var office = await TokenAsync(http, PartnerskapFactory.OfficeEmail);

        // Setup: N members with rights, a meeting, 20 representatives holding them (own member + proxies).
        var orgnrs = TestData.Orgnrs(voters).ToList();
        await app.WithDbAsync(async db =>
        {
            foreach (var chunk in orgnrs.Chunk(1000))
            {
                db.Members.AddRange(chunk.Select(o => new Member(1, OrganisationNumber.Parse(o), $"Medlem {o}", MemberKind.Other, new DateOnly(2020, 1, 1))));
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }

            return 0;
        });
        var meeting = await PostAsync(http, office, "/api/partnerships/digiviken/meetings", new { kind = "annual", title = "Benchmark", startsAt = "2026-12-10T10:00:00+01:00" });
        var meetingId = meeting.GetProperty("id").GetInt32();
        var reps = new List<(string UserId, AuthenticationHeaderValue Token)>();
        for (var r = 0; r < Representatives; r++)
        {
            var email = $"bench-rep-{r}@test.local";
            await app.CreateUserAsync(email, Roles.MemberContact, orgnrs[r]);
            var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
            reps.Add((id, await TokenAsync(http, email)));
        }

        await app.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < voters; i++)
            {
                var r = i % Representatives;
                db.Credentials.Add(new Credential(meetingId, orgnrs[i], reps[r].UserId, i < Representatives ? null : orgnrs[r], null, 1, now));
                if (i % 1000 == 999)
                {
                    await db.SaveChangesAsync();
                    db.ChangeTracker.Clear();
                }
            }

            return await db.SaveChangesAsync();
        });
        var voteId = (await PostAsync(http, office, $"/api/meetings/{meetingId}/votes", new { question = "Benchmark" })).GetProperty("id").GetInt32();
        await PostAsync(http, office, $"/api/votes/{voteId}/open", new { });

        // 100 observers on the live results.
        var pushes = 0;
        var lastCast = new ConcurrentDictionary<int, int>();
        var observers = new List<HubConnection>();
        for (var o = 0; o < Observers; o++)
        {
            var index = o;
            var connection = new HubConnectionBuilder()
                .WithUrl(baseUrl + "/hubs/votes", options => options.Headers["Authorization"] = office.ToString())
                .Build();
            connection.On<JsonElement>("results", view =>
            {
                Interlocked.Increment(ref pushes);
                lastCast[index] = view.GetProperty("cast").GetInt32();
            });
            await connection.StartAsync();
            await connection.InvokeAsync("Watch", voteId);
            observers.Add(connection);
        }

        // The database's own rate: durable single-row inserts at the same concurrency, in the same run (the headline
        // baseline: with group commit on PostgreSQL), and one at a time on one connection (the plain reading of "the
        // database's single-row durable insert rate"; reported beside it, clearly labelled).
        var baseline = await BaselineAsync(app, Math.Min(voters, 5000), Concurrency);
        var serialBaseline = await BaselineAsync(app, Math.Min(voters, 2000), 1);

        // The voters.
        var latencies = new ConcurrentBag<double>();
        var receipts = new ConcurrentBag<string>();
        var retries = 0;
        var failures = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, voters), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (i, ct) =>
        {
            var choice = (i % 3) switch { 0 => "for", 1 => "mot", _ => "avstår" };
            for (var attempt = 0; ; attempt++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/votes/{voteId}/ballots") { Content = JsonContent.Create(new { orgnr = orgnrs[i], choice }) };
                request.Headers.Authorization = reps[i % Representatives].Token;
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request, ct);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    latencies.Add(elapsed);
                    receipts.Add((await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("receipt").GetString()!);
                    return;
                }

                if (response.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < 5)
                {
                    Interlocked.Increment(ref retries); // database busy: nothing was saved, the voter tries again
                    continue;
                }

                Interlocked.Increment(ref failures);
                Console.Error.WriteLine($"ballot {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
                return;
            }
        });
        clock.Stop();

        var closed = await PostAsync(http, office, $"/api/votes/{voteId}/close", new { });
        await Task.Delay(LiveResults_Interval() * 3);
        var stored = await app.WithDbAsync(db => db.Ballots.Where(b => b.VoteId == voteId).Select(b => b.VoterKey).ToListAsync());
        var cast = closed.GetProperty("cast").GetInt32();
        var counted = closed.GetProperty("counts").EnumerateObject().Sum(c => c.Value.GetInt32());
        var lost = receipts.Count - stored.Count;
        var doubled = stored.Count - stored.Distinct().Count();
        var sorted = latencies.Order().ToArray();
        var rate = receipts.Count / clock.Elapsed.TotalSeconds;
        var observersAtFinal = lastCast.Values.Count(v => v == cast);
        using var verifyRequest = new HttpRequestMessage(HttpMethod.Get, "/api/audit/verify");
        verifyRequest.Headers.Authorization = office;
        using var verifyResponse = await http.SendAsync(verifyRequest);
        var verification = await verifyResponse.Content.ReadFromJsonAsync<JsonElement>();
        var chainOk = verification.GetProperty("ok").GetBoolean();
        foreach (var c in observers)
        {
            await c.DisposeAsync();
        }

        Console.WriteLine($"voting ({(postgres ? "PostgreSQL" : "SQLite")}): {voters} voters, {Concurrency} concurrent, {Representatives} representatives, {Observers} observers (SignalR)");
        Console.WriteLine($"ballots {receipts.Count} in {clock.Elapsed.TotalSeconds:0.00} s = {rate:0} ballots/s; p50 {Percentile(sorted, 0.50):0.0} ms, p99 {Percentile(sorted, 0.99):0.0} ms; retries (503) {retries}; failures {failures}");
        Console.WriteLine($"integrity: receipts {receipts.Count}, stored {stored.Count}, cast at close {cast}, counted {counted}, lost {lost}, doubled {doubled}");
        Console.WriteLine($"live: {pushes} pushes to {Observers} observers; {observersAtFinal} observers saw the final count");
        Console.WriteLine($"audit: hash chains verified {(chainOk ? "ok" : "BROKEN")}, {verification.GetProperty("entries").GetInt64()} entries in {(verification.TryGetProperty("chains", out var chains) ? chains.GetInt32() : 1)} chain(s)");
        var (batches, batched, writing) = app.Services.GetRequiredService<Partnerskap.Web.Features.Meetings.BallotWriter>().Statistics;
        Console.WriteLine($"writer: {batched} ballots in {batches} transactions (mean {(batches == 0 ? 0 : (double)batched / batches):0.0} per commit), {writing.TotalSeconds:0.0} s writing ({writing.TotalSeconds / clock.Elapsed.TotalSeconds:P0} of the run)");
        Console.WriteLine($"baseline: durable single-row inserts at {Concurrency} concurrent = {baseline:0}/s; ratio ballots/baseline = {rate / baseline:0.00}");
        Console.WriteLine($"baseline (serial): durable single-row inserts one at a time on one connection = {serialBaseline:0}/s; ratio ballots/serial = {rate / serialBaseline:0.00}");
        return lost == 0 && doubled == 0 && failures == 0 && cast == voters && counted == voters && chainOk ? 0 : 1;
    }

    private static TimeSpan LiveResults_Interval() => Partnerskap.Web.Features.Meetings.LiveResults.Interval;

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    /// <summary>Rows/s of one-row transactions into a plain table in the app's own database, <paramref name="concurrency"/> at a time.</summary>
    private static async Task<double> BaselineAsync(PartnerskapFactory app, int rows, int concurrency)
    {
        if (app.Database == TestDatabase.PostgreSql)
        {
            await using var source = NpgsqlDataSource.Create(app.PostgresConnectionString!);
            await using (var create = source.CreateCommand("CREATE TABLE IF NOT EXISTS bench_insert (id bigserial PRIMARY KEY, voter text NOT NULL, at timestamptz NOT NULL)"))
            {
                await create.ExecuteNonQueryAsync();
            }

            var pg = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, rows), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
            {
                await using var cmd = source.CreateCommand("INSERT INTO bench_insert (voter, at) VALUES ($1, now())");
                cmd.Parameters.AddWithValue(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                await cmd.ExecuteNonQueryAsync(ct);
            });
            return rows / pg.Elapsed.TotalSeconds;
        }

        var path = Path.Combine(app.DataDirectory, "partnerskap.db");
        await using (var setup = new SqliteConnection($"Data Source={path}"))
        {
            await setup.OpenAsync();
            await using var create = setup.CreateCommand();
            create.CommandText = "CREATE TABLE IF NOT EXISTS bench_insert (id INTEGER PRIMARY KEY, voter TEXT NOT NULL, at TEXT NOT NULL)";
            await create.ExecuteNonQueryAsync();
        }

        var sw = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, rows), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
        {
            await using var connection = new SqliteConnection($"Data Source={path}");
            await connection.OpenAsync(ct);
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "INSERT INTO bench_insert (voter, at) VALUES ($v, datetime('now'))";
            cmd.Parameters.AddWithValue("$v", i);
            await cmd.ExecuteNonQueryAsync(ct);
        });
        return rows / sw.Elapsed.TotalSeconds;
    }

    private static async Task<AuthenticationHeaderValue> TokenAsync(HttpClient http, string email)
    {
        var login = await http.PostAsJsonAsync("/api/auth/login", new { email, password = PartnerskapFactory.Password });
        login.EnsureSuccessStatusCode();
        return new AuthenticationHeaderValue("Bearer", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
    }

    private static async Task<JsonElement> PostAsync(HttpClient http, AuthenticationHeaderValue token, string url, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = token;
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {url}: {(int)response.StatusCode} {text}");
        }

        return JsonSerializer.Deserialize<JsonElement>(text);
    }
}
