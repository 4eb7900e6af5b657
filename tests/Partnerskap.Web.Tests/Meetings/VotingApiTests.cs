using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Meetings;
using Partnerskap.Testing;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Tests.Meetings;

/// <summary>The voting engine over HTTP (api.md "Meetings and voting"): credentials, proxies, ballots, receipts, close, concurrency.</summary>
public abstract class VotingApiTests(AppHost host)
{
    private const string P = "/api/partnerships/digiviken";
    private PartnerskapFactory App => host.App;

    private static async Task<int> MeetingAsync(HttpClient office, string kind = "annual", string startsAt = "2026-12-10T10:00:00+01:00")
    {
        var response = await office.PostAsJsonAsync($"{P}/meetings", new { kind, title = $"Møte {Guid.NewGuid():N}", startsAt, location = "Drammen" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetInt32();
    }

    /// <summary>Members of DigiViken with rights on the meeting date (the seeded 52).</summary>
    private Task<List<string>> MembersAsync(int count, int skip = 0) =>
        App.WithDbAsync(db => db.Members.Where(m => m.PartnershipId == 1 && m.CeasedOn == null && !m.Notices.Any())
            .OrderBy(m => m.Orgnr).Skip(skip).Take(count).Select(m => m.Orgnr).ToListAsync());

    private async Task<(string Email, HttpClient Client)> RepresentativeAsync(string? orgnr)
    {
        var email = $"rep-{Guid.NewGuid():N}@test.local";
        await App.CreateUserAsync(email, Roles.MemberContact, orgnr, "Representant");
        return (email, await App.LoginAsync(email));
    }

    private static async Task<int> VoteAsync(HttpClient office, int meetingId, object? body = null)
    {
        var response = await office.PostAsJsonAsync($"/api/meetings/{meetingId}/votes", body ?? new { question = "Godkjenne årsregnskapet for 2025?" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task MEM_5_exited_member_cannot_be_credentialed_and_a_non_member_neither()
    {
        var office = await App.LoginAsOfficeAsync();
        var meetingId = await MeetingAsync(office);
        var orgnr = (await MembersAsync(1, skip: 51)).Single();
        await App.WithDbAsync(async db =>
        {
            var member = await db.Members.SingleAsync(m => m.Orgnr == orgnr);
            member.Cease(new DateOnly(2026, 6, 30));
            return await db.SaveChangesAsync();
        });
        var (email, _) = await RepresentativeAsync(orgnr);
        var problem = await (await office.PostAsJsonAsync($"/api/meetings/{meetingId}/credentials", new { orgnr, representativeEmail = email }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "MEM-5");
        Assert.Contains("meeting date", problem.GetProperty("detail").GetString());
        await (await office.PostAsJsonAsync($"/api/meetings/{meetingId}/credentials", new { orgnr = TestData.NextOrgnr(), representativeEmail = email }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "MEM-5");
        Assert.Equal(0, await App.CountAsync(db => db.Credentials.Where(c => c.MeetingId == meetingId)));
    }

    [Fact]
    public async Task ORG_1_proxy_goes_to_another_members_representative_and_a_proxy_chain_is_refused()
    {
        var office = await App.LoginAsOfficeAsync();
        var meetingId = await MeetingAsync(office);
        var m = await MembersAsync(3, skip: 3); // A, B, C
        var (x, _) = await RepresentativeAsync(m[1]);
        var (y, _) = await RepresentativeAsync(m[2]);
        var url = $"/api/meetings/{meetingId}/credentials";
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync(url, new { orgnr = m[1], representativeEmail = x })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync(url, new { orgnr = m[2], representativeEmail = y })).StatusCode);
        var proxy = await office.PostAsJsonAsync(url, new { orgnr = m[0], representativeEmail = x });
        Assert.Equal(HttpStatusCode.Created, proxy.StatusCode);
        var dto = await proxy.ReadJsonAsync();
        Assert.Equal("proxy", dto.GetProperty("kind").GetString());
        Assert.Equal(m[1], dto.GetProperty("viaOrgnr").GetString());

        // B's vote cannot move on to C's representative while B's representative holds A's proxy: A → B → C.
        var problem = await (await office.PostAsJsonAsync(url, new { orgnr = m[1], representativeEmail = y })).AssertProblemAsync(HttpStatusCode.Conflict, "ORG-1");
        Assert.Contains($"{m[0]} → {m[1]} → {m[2]}", problem.GetProperty("detail").GetString());
        var list = await office.GetJsonAsync(url);
        Assert.Equal(3, list.GetArrayLength());
        var bId = list.EnumerateArray().Single(c => c.GetProperty("orgnr").GetString() == m[1]).GetProperty("id").GetInt32();
        await (await office.DeleteAsync($"{url}/{bId}")).AssertProblemAsync(HttpStatusCode.Conflict, "ORG-1");
    }

    [Fact]
    public async Task ORG_1_a_representative_holding_two_members_splits_them_in_one_action_and_gets_receipts()
    {
        var office = await App.LoginAsOfficeAsync();
        var meetingId = await MeetingAsync(office);
        var m = await MembersAsync(3, skip: 6);
        var (email, rep) = await RepresentativeAsync(m[0]);
        var (_, stranger) = await RepresentativeAsync(m[2]);
        foreach (var orgnr in m.Take(2))
        {
            Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync($"/api/meetings/{meetingId}/credentials", new { orgnr, representativeEmail = email })).StatusCode);
        }

        var voteId = await VoteAsync(office, meetingId);
        var draft = await office.GetJsonAsync($"/api/votes/{voteId}");
        Assert.Equal("draft", draft.GetProperty("status").GetString());
        await (await rep.PostAsJsonAsync($"/api/votes/{voteId}/ballots", new { orgnr = m[0], choice = "for" })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await rep.PostAsJsonAsync($"/api/votes/{voteId}/open", new { })).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("open", (await (await office.PostAsJsonAsync($"/api/votes/{voteId}/open", new { })).ReadJsonAsync()).GetProperty("status").GetString());

        var cast = await rep.PostAsJsonAsync($"/api/votes/{voteId}/ballots", new { ballots = new[] { new { orgnr = m[0], choice = "for" }, new { orgnr = m[1], choice = "mot" } } });
        Assert.Equal(HttpStatusCode.Created, cast.StatusCode);
        var receipts = await cast.ReadJsonAsync();
        Assert.Equal(2, receipts.GetProperty("receipts").GetArrayLength());
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", receipts.GetProperty("receipt").GetString());

        await (await rep.PostAsJsonAsync($"/api/votes/{voteId}/ballots", new { orgnr = m[0], choice = "mot" })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await rep.PostAsJsonAsync($"/api/votes/{voteId}/ballots", new { orgnr = m[2], choice = "for" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.PostAsJsonAsync($"/api/votes/{voteId}/ballots", new { orgnr = m[0], choice = "for" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await rep.PostAsJsonAsync($"/api/votes/{voteId}/ballots", new { orgnr = m[0], choice = "kanskje" })).AssertProblemAsync(HttpStatusCode.BadRequest);

        var open = await office.GetJsonAsync($"/api/votes/{voteId}");
        Assert.Equal(2, open.GetProperty("cast").GetInt32());
        Assert.Equal(1, open.GetProperty("counts").GetProperty("for").GetInt32());
        Assert.True(open.GetProperty("eligible").GetInt32() >= 50);

        var closed = await (await office.PostAsJsonAsync($"/api/votes/{voteId}/close", new { })).ReadJsonAsync();
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal("rejected", closed.GetProperty("outcome").GetString()); // 1 for, 1 against: a tie is not a majority
        await (await rep.PostAsJsonAsync($"/api/votes/{voteId}/ballots", new { orgnr = m[0], choice = "for" })).AssertProblemAsync(HttpStatusCode.Conflict);

        var check = await rep.GetJsonAsync($"/api/receipts/{receipts.GetProperty("receipt").GetString()}");
        Assert.True(check.GetProperty("counted").GetBoolean());
        Assert.Equal("for", check.GetProperty("choice").GetString());
    }

    [Fact]
    public async Task ORG_1_secret_vote_never_reveals_a_members_choice_in_api_or_audit()
    {
        var office = await App.LoginAsOfficeAsync();
        var meetingId = await MeetingAsync(office);
        var orgnr = (await MembersAsync(1, skip: 10)).Single();
        var (email, rep) = await RepresentativeAsync(orgnr);
        await office.PostAsJsonAsync($"/api/meetings/{meetingId}/credentials", new { orgnr, representativeEmail = email });
        var voteId = await VoteAsync(office, meetingId, new { question = "Valg av leder", options = new[] { "Kari Nordmann", "Ola Nordmann" }, secret = true });
        await office.PostAsJsonAsync($"/api/votes/{voteId}/open", new { });
        var receipt = (await (await rep.PostAsJsonAsync($"/api/votes/{voteId}/ballots", new { orgnr, choice = "Ola Nordmann" })).ReadJsonAsync()).GetProperty("receipt").GetString();

        var open = await office.GetJsonAsync($"/api/votes/{voteId}");
        Assert.Equal(1, open.GetProperty("cast").GetInt32());
        Assert.Empty(open.GetProperty("counts").EnumerateObject());
        Assert.Equal(JsonValueKind.Null, (await rep.GetJsonAsync($"/api/receipts/{receipt}")).GetProperty("choice").ValueKind);
        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(a => a.Entity == "Ballot").Select(a => a.Changes).ToListAsync());
        Assert.NotEmpty(audit);
        Assert.DoesNotContain(audit, a => a.Contains("Ola Nordmann", StringComparison.Ordinal));
        Assert.Null(await App.WithDbAsync(db => db.Ballots.Where(b => b.VoteId == voteId).Select(b => b.Choice).SingleAsync()));

        var closed = await (await office.PostAsJsonAsync($"/api/votes/{voteId}/close", new { })).ReadJsonAsync();
        Assert.Equal(1, closed.GetProperty("counts").GetProperty("Ola Nordmann").GetInt32());
        Assert.Equal("Ola Nordmann", closed.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task ORG_1_a_vote_without_quorum_is_refused_per_the_statutes_until_roll_call()
    {
        var office = await App.LoginAsOfficeAsync();
        var meetingId = await MeetingAsync(office);
        await App.WithDbAsync(async db =>
        {
            var meeting = await db.Meetings.SingleAsync(x => x.Id == meetingId);
            meeting.SetRules(new VotingRules(MajorityRule.SimpleOfCast, 5, QuorumPolicy.Refuse, "Vedtekter § 6"));
            return await db.SaveChangesAsync();
        });
        var members = await MembersAsync(3, skip: 12);
        var (email, _) = await RepresentativeAsync(members[0]);
        var ids = new List<int>();
        foreach (var orgnr in members)
        {
            ids.Add((await (await office.PostAsJsonAsync($"/api/meetings/{meetingId}/credentials", new { orgnr, representativeEmail = email })).ReadJsonAsync()).GetProperty("id").GetInt32());
        }

        var voteId = await VoteAsync(office, meetingId);
        var problem = await (await office.PostAsJsonAsync($"/api/votes/{voteId}/open", new { })).AssertProblemAsync(HttpStatusCode.Conflict, "ORG-1");
        Assert.Contains("quorum", problem.GetProperty("detail").GetString());
        foreach (var id in ids)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await office.PostAsJsonAsync($"/api/meetings/{meetingId}/credentials/{id}/presence", new { present = true })).StatusCode);
        }

        var open = await (await office.PostAsJsonAsync($"/api/votes/{voteId}/open", new { })).ReadJsonAsync();
        Assert.Equal(3, open.GetProperty("quorumNeeded").GetInt32()); // 5 % of 52 → 3
    }

    [Fact]
    public async Task ORG_2_DIS_3_in_a_board_meeting_a_seat_holder_votes_for_themself_and_others_are_refused()
    {
        var office = await App.LoginAsOfficeAsync();
        var party = (await MembersAsync(1, skip: 20)).Single();
        var emails = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var e = $"board-{Guid.NewGuid():N}@test.local";
            await App.CreateUserAsync(e, Roles.Board, i == 2 ? party : null);
            emails.Add(e);
        }

        foreach (var e in emails)
        {
            await office.PostAsJsonAsync($"{P}/board", new { userEmail = e, role = "member", from = "2026-01-01" });
        }

        var meetingId = await MeetingAsync(office, "board");
        var caseId = (await (await office.PostAsJsonAsync($"/api/meetings/{meetingId}/cases", new { title = "Tvist", partyOrgnrs = new[] { party } })).ReadJsonAsync()).GetProperty("id").GetInt32();
        var voteId = await VoteAsync(office, meetingId, new { question = "Styret avviser kravet", caseId });
        var opened = await (await office.PostAsJsonAsync($"/api/votes/{voteId}/open", new { })).ReadJsonAsync();
        var member = await App.LoginAsync(emails[0]);
        Assert.Equal(HttpStatusCode.Created, (await member.PostAsJsonAsync($"/api/votes/{voteId}/ballots", new { choice = "for" })).StatusCode);
        await (await member.PostAsJsonAsync($"/api/votes/{voteId}/ballots", new { choice = "mot" })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await (await App.LoginAsync(emails[2])).PostAsJsonAsync($"/api/votes/{voteId}/ballots", new { choice = "for" })).AssertProblemAsync(HttpStatusCode.Forbidden, "DIS-3");
        var (_, rep) = await RepresentativeAsync(party);
        await (await rep.PostAsJsonAsync($"/api/votes/{voteId}/ballots", new { choice = "for" })).AssertProblemAsync(HttpStatusCode.Forbidden, "ORG-2");
        Assert.True(opened.GetProperty("eligible").GetInt32() >= 2);
    }

    [Fact]
    public async Task Two_hundred_parallel_ballots_with_duplicates_count_exactly_once_per_member()
    {
        var office = await App.LoginAsOfficeAsync();
        var meetingId = await MeetingAsync(office);
        var members = await MembersAsync(50);
        var (email, rep) = await RepresentativeAsync(members[0]);
        foreach (var orgnr in members)
        {
            Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync($"/api/meetings/{meetingId}/credentials", new { orgnr, representativeEmail = email })).StatusCode);
        }

        var voteId = await VoteAsync(office, meetingId);
        await office.PostAsJsonAsync($"/api/votes/{voteId}/open", new { });
        string[] options = ["for", "mot", "avstår"];
        var requests = Enumerable.Range(0, 200).Select(i => (orgnr: members[i % 50], choice: options[(i / 50 + i) % 3])).ToList();
        var results = new System.Collections.Concurrent.ConcurrentBag<(string Orgnr, HttpStatusCode Status, string? Receipt)>();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (r, ct) =>
        {
            var response = await rep.PostAsJsonAsync($"/api/votes/{voteId}/ballots", new { r.orgnr, r.choice }, ct);
            var receipt = response.StatusCode == HttpStatusCode.Created ? (await response.ReadJsonAsync()).GetProperty("receipt").GetString() : null;
            results.Add((r.orgnr, response.StatusCode, receipt));
        });

        Assert.All(results, r => Assert.True(r.Status is HttpStatusCode.Created or HttpStatusCode.Conflict, r.Status.ToString()));
        var winners = results.Where(r => r.Status == HttpStatusCode.Created).ToList();
        Assert.Equal(50, winners.Count);
        Assert.Equal(50, winners.Select(w => w.Orgnr).Distinct().Count());
        Assert.Equal(150, results.Count(r => r.Status == HttpStatusCode.Conflict));

        var closed = await (await office.PostAsJsonAsync($"/api/votes/{voteId}/close", new { })).ReadJsonAsync();
        Assert.Equal(50, closed.GetProperty("cast").GetInt32());
        Assert.Equal(50, closed.GetProperty("counts").EnumerateObject().Sum(c => c.Value.GetInt32()));
        var stored = await App.WithDbAsync(db => db.Ballots.Where(b => b.VoteId == voteId).Select(b => b.Receipt).ToListAsync());
        Assert.Equal(winners.Select(w => w.Receipt).Order(), stored.Order());
        foreach (var option in options)
        {
            var expected = await App.CountAsync(db => db.Ballots.Where(b => b.VoteId == voteId && b.Choice == option));
            Assert.Equal(expected, closed.GetProperty("counts").GetProperty(option).GetInt32());
        }
    }
}

public sealed class VotingApiTestsOnSqlite(SqliteHost host) : VotingApiTests(host), IClassFixture<SqliteHost>;

public sealed class VotingApiTestsOnPostgres(PostgresHost host) : VotingApiTests(host), IClassFixture<PostgresHost>;
