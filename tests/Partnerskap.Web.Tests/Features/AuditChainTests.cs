using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Testing;

namespace Partnerskap.Web.Tests.Features;

/// <summary>The audit log is append-only and hash-chained; verification names the first broken entry. Both providers.</summary>
public abstract class AuditChainTests(AppHost host)
{
    private PartnerskapFactory App => host.App;

    private static async Task<System.Text.Json.JsonElement> VerifyAsync(HttpClient office) => await office.GetJsonAsync("/api/audit/verify");

    [Fact]
    public async Task Concurrent_changes_extend_one_unbroken_chain()
    {
        var office = await App.LoginAsOfficeAsync();
        App.Clock.Advance(TimeSpan.FromTicks(1_234_567)); // a sub-millisecond clock, as in production
        var clients = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => App.LoginAsOfficeAsync()));
        var responses = await Task.WhenAll(clients.Select((c, i) => c.PostAsJsonAsync(
            "/api/partnerships/digiviken/members/959159092/contacts", new { name = $"Parallell {i}", email = $"p{i}@example.no" })));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));

        var result = await VerifyAsync(office);
        Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
        var sequences = await App.WithDbAsync(db => db.AuditEntries.OrderBy(a => a.Sequence).Select(a => a.Sequence).ToListAsync());
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
    }

    [Fact]
    public async Task An_edited_entry_is_named_by_the_verification_and_nothing_else_is_blamed()
    {
        var office = await App.LoginAsOfficeAsync();
        await office.PostAsJsonAsync("/api/partnerships/digiviken/members/959159092/contacts", new { name = "Før manipulering" });
        Assert.True((await VerifyAsync(office)).GetProperty("ok").GetBoolean());

        var target = await App.WithDbAsync(db => db.AuditEntries.OrderBy(a => a.Sequence).Skip(10).Select(a => a.Sequence).FirstAsync());
        await App.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE \"AuditEntries\" SET \"Actor\" = 'someone-else' WHERE \"Sequence\" = {target}"));
        try
        {
            var result = await VerifyAsync(office);
            Assert.False(result.GetProperty("ok").GetBoolean());
            Assert.Equal(target, result.GetProperty("firstBrokenSequence").GetInt64());
        }
        finally
        {
            await App.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE \"AuditEntries\" SET \"Actor\" = 'system' WHERE \"Sequence\" = {target}"));
        }
    }

    [Fact]
    public async Task Removing_the_latest_entry_of_a_chain_is_caught_by_its_head_and_a_removed_middle_entry_by_the_next_link()
    {
        var office = await App.LoginAsOfficeAsync();
        await office.PostAsJsonAsync("/api/partnerships/digiviken/members/959159092/contacts", new { name = "Før sletting" });
        await office.PostAsJsonAsync("/api/partnerships/digiviken/members/959159092/contacts", new { name = "Før sletting 2" });
        var entries = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).ToListAsync());
        var latest = entries[^1];
        var middle = entries[20];
        foreach (var victim in new[] { latest, middle })
        {
            await App.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {victim.Id}"));
            try
            {
                var result = await VerifyAsync(office);
                Assert.False(result.GetProperty("ok").GetBoolean(), result.ToString());
                var named = victim == latest // the head still names it; else the next entry of its chain no longer links
                    ? victim.Sequence
                    : entries.First(e => e.Chain == victim.Chain && e.Sequence > victim.Sequence).Sequence;
                Assert.Equal(named, result.GetProperty("firstBrokenSequence").GetInt64());
            }
            finally
            {
                await App.WithDbAsync(db =>
                {
                    db.AuditEntries.Add(victim);
                    return db.SaveChangesAsync();
                });
            }
        }

        Assert.True((await VerifyAsync(office)).GetProperty("ok").GetBoolean());
    }
}

public sealed class AuditChainTestsOnSqlite(SqliteHost host) : AuditChainTests(host), IClassFixture<SqliteHost>;

public sealed class AuditChainTestsOnPostgres(PostgresHost host) : AuditChainTests(host), IClassFixture<PostgresHost>;
