using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Testing;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Tests.Meetings;

/// <summary>ORG-1: paper ballots entered by two office users, counted once; the closed (avsluttet) meeting.</summary>
public abstract class PaperBallotApiTests(AppHost host)
{
    private const string P = "/api/partnerships/digiviken";
    private PartnerskapFactory App => host.App;

    private static async Task<int> MeetingAsync(HttpClient office)
    {
        var response = await office.PostAsJsonAsync($"{P}/meetings", new { kind = "annual", title = $"Årsmøte {Guid.NewGuid():N}"[..20], startsAt = "2026-12-10T10:00:00+01:00", location = "Drammen" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetInt32();
    }

    private Task<List<string>> MembersAsync(int count, int skip) =>
        App.WithDbAsync(db => db.Members.Where(m => m.PartnershipId == 1 && m.CeasedOn == null && !m.Notices.Any())
            .OrderBy(m => m.Orgnr).Skip(skip).Take(count).Select(m => m.Orgnr).ToListAsync());

    private async Task<(string Email, HttpClient Client)> UserAsync(string role, string? orgnr = null, string name = "Test Person")
    {
        var email = $"u-{Guid.NewGuid():N}@test.local";
        await App.CreateUserAsync(email, role, orgnr, name);
        return (email, await App.LoginAsync(email));
    }

    /// <summary>A meeting with the members credentialed to one representative, and an open vote.</summary>
    private async Task<(int MeetingId, int VoteId, HttpClient Rep)> OpenVoteAsync(HttpClient office, List<string> members, bool secret = false)
    {
        var meetingId = await MeetingAsync(office);
        var (email, rep) = await UserAsync(Roles.MemberContact, members[0], "Rita Representant");
        foreach (var orgnr in members)
        {
            Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync($"/api/meetings/{meetingId}/credentials", new { orgnr, representativeEmail = email })).StatusCode);
        }

        var voteId = (await (await office.PostAsJsonAsync($"/api/meetings/{meetingId}/votes", new { question = "Godkjenne årsregnskapet for 2025?", secret }))
            .ReadJsonAsync()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await office.PostAsJsonAsync($"/api/votes/{voteId}/open", new { })).StatusCode);
        return (meetingId, voteId, rep);
    }

    private static async Task<int> RegisterAsync(HttpClient office, int meetingId, int voteId, string orgnr, string choice)
    {
        var response = await office.PostAsJsonAsync($"/api/meetings/{meetingId}/paper-ballots", new { voteId, orgnr, choice });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var dto = await response.ReadJsonAsync();
        Assert.Equal("pending", dto.GetProperty("status").GetString());
        return dto.GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task ORG_1_a_paper_ballot_counts_only_when_a_second_office_user_enters_the_same_content()
    {
        var office = await App.LoginAsOfficeAsync();
        var (_, second) = await UserAsync(Roles.Office, name: "Kari Kontor");
        var members = await MembersAsync(2, skip: 2);
        var (meetingId, voteId, _) = await OpenVoteAsync(office, members);
        var url = $"/api/meetings/{meetingId}/paper-ballots";

        var id = await RegisterAsync(office, meetingId, voteId, members[0], "for");
        Assert.Equal(0, (await office.GetJsonAsync($"/api/votes/{voteId}")).GetProperty("cast").GetInt32()); // pending: not counted
        var listed = (await second.GetJsonAsync($"{url}?voteId={voteId}")).EnumerateArray().Single();
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("choice").ValueKind); // the first entry is not shown to the second user

        // The same user cannot confirm; a differing second entry is refused with the reason, nothing counted.
        await (await office.PostAsJsonAsync($"{url}/{id}/confirmation", new { orgnr = members[0], choice = "for" })).AssertProblemAsync(HttpStatusCode.Forbidden, "ORG-1");
        var differs = await (await second.PostAsJsonAsync($"{url}/{id}/confirmation", new { orgnr = members[0], choice = "mot" })).AssertProblemAsync(HttpStatusCode.Conflict, "ORG-1");
        Assert.Contains("choice differs", differs.GetProperty("detail").GetString());
        var otherMember = await (await second.PostAsJsonAsync($"{url}/{id}/confirmation", new { orgnr = members[1], choice = "for" })).AssertProblemAsync(HttpStatusCode.Conflict, "ORG-1");
        Assert.Contains("member differs", otherMember.GetProperty("detail").GetString());
        await (await office.PostAsJsonAsync(url, new { voteId, orgnr = members[0], choice = "mot" })).AssertProblemAsync(HttpStatusCode.Conflict, "ORG-1");
        Assert.Equal(0, (await office.GetJsonAsync($"/api/votes/{voteId}")).GetProperty("cast").GetInt32());

        // The second office user enters the same paper: counted once, with a receipt.
        var confirmed = await second.PostAsJsonAsync($"{url}/{id}/confirmation", new { orgnr = members[0], choice = "FOR" });
        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
        var receipt = (await confirmed.ReadJsonAsync()).GetProperty("receipt").GetString()!;
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", receipt);
        await (await second.PostAsJsonAsync($"{url}/{id}/confirmation", new { orgnr = members[0], choice = "for" })).AssertProblemAsync(HttpStatusCode.Conflict, "ORG-1");
        await (await office.DeleteAsync($"{url}/{id}")).AssertProblemAsync(HttpStatusCode.Conflict, "ORG-1");

        var view = await office.GetJsonAsync($"/api/votes/{voteId}");
        Assert.Equal(1, view.GetProperty("cast").GetInt32());
        Assert.Equal(1, view.GetProperty("counts").GetProperty("for").GetInt32());
        Assert.True((await office.GetJsonAsync($"/api/receipts/{receipt}")).GetProperty("counted").GetBoolean());
        var row = (await office.GetJsonAsync($"{url}?voteId={voteId}")).EnumerateArray().Single();
        Assert.Equal("confirmed", row.GetProperty("status").GetString());
        Assert.Equal("Kari Kontor", row.GetProperty("confirmedBy").GetString());
        Assert.Equal(receipt, row.GetProperty("receipt").GetString());

        // Audited: the registration and the confirmation of the paper ballot, and the ballot.
        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(a => a.Entity == "PaperBallot" && a.EntityKey == id.ToString()).CountAsync());
        Assert.True(audit >= 2, $"paper ballot audit entries: {audit}");

        // A pending paper ballot registered for the wrong member can be withdrawn.
        var wrong = await RegisterAsync(office, meetingId, voteId, members[1], "mot");
        Assert.Equal(HttpStatusCode.NoContent, (await second.DeleteAsync($"{url}/{wrong}")).StatusCode);
        Assert.Equal(1, await App.CountAsync(db => db.PaperBallots.Where(p => p.VoteId == voteId)));
    }

    [Fact]
    public async Task ORG_1_a_member_who_voted_electronically_gets_no_paper_ballot_and_vice_versa()
    {
        var office = await App.LoginAsOfficeAsync();
        var (_, second) = await UserAsync(Roles.Office);
        var members = await MembersAsync(3, skip: 14);
        var (meetingId, voteId, rep) = await OpenVoteAsync(office, members);
        var url = $"/api/meetings/{meetingId}/paper-ballots";

        Assert.Equal(HttpStatusCode.Created, (await rep.PostAsJsonAsync($"/api/votes/{voteId}/ballots", new { orgnr = members[0], choice = "for" })).StatusCode);
        var voted = await (await office.PostAsJsonAsync(url, new { voteId, orgnr = members[0], choice = "mot" })).AssertProblemAsync(HttpStatusCode.Conflict, "ORG-1");
        Assert.Contains("Already voted", voted.GetProperty("detail").GetString());

        var id = await RegisterAsync(office, meetingId, voteId, members[1], "mot");
        await (await rep.PostAsJsonAsync($"/api/votes/{voteId}/ballots", new { orgnr = members[1], choice = "for" })).AssertProblemAsync(HttpStatusCode.Conflict, "ORG-1");
        Assert.Equal(HttpStatusCode.Created, (await second.PostAsJsonAsync($"{url}/{id}/confirmation", new { orgnr = members[1], choice = "mot" })).StatusCode);
        await (await rep.PostAsJsonAsync($"/api/votes/{voteId}/ballots", new { orgnr = members[1], choice = "for" })).AssertProblemAsync(HttpStatusCode.Conflict);

        // Not represented at the meeting, not a choice of this vote, a board member: refused.
        var outsider = (await MembersAsync(1, skip: 30)).Single();
        await (await office.PostAsJsonAsync(url, new { voteId, orgnr = outsider, choice = "for" })).AssertProblemAsync(HttpStatusCode.Conflict, "ORG-1");
        await (await office.PostAsJsonAsync(url, new { voteId, orgnr = members[2], choice = "kanskje" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var (_, contact) = await UserAsync(Roles.MemberContact, members[2]);
        await (await contact.PostAsJsonAsync(url, new { voteId, orgnr = members[2], choice = "for" })).AssertProblemAsync(HttpStatusCode.Forbidden);

        var closed = await (await office.PostAsJsonAsync($"/api/votes/{voteId}/close", new { })).ReadJsonAsync();
        Assert.Equal(2, closed.GetProperty("cast").GetInt32());
        Assert.Equal(2, await App.CountAsync(db => db.Ballots.Where(b => b.VoteId == voteId)));
        await (await office.PostAsJsonAsync(url, new { voteId, orgnr = members[2], choice = "for" })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ORG_1_a_secret_paper_ballot_keeps_the_choice_out_of_the_ballot_and_the_audit()
    {
        var office = await App.LoginAsOfficeAsync();
        var (_, second) = await UserAsync(Roles.Office);
        var members = await MembersAsync(1, skip: 18);
        var (meetingId, voteId, _) = await OpenVoteAsync(office, members, secret: true);
        var id = await RegisterAsync(office, meetingId, voteId, members[0], "avstår");
        Assert.Equal(HttpStatusCode.Created, (await second.PostAsJsonAsync($"/api/meetings/{meetingId}/paper-ballots/{id}/confirmation", new { orgnr = members[0], choice = "avstår" })).StatusCode);
        Assert.Null(await App.WithDbAsync(db => db.PaperBallots.Where(p => p.Id == id).Select(p => p.EnteredChoice).SingleAsync()));
        Assert.Null(await App.WithDbAsync(db => db.Ballots.Where(b => b.VoteId == voteId).Select(b => b.Choice).SingleAsync()));
        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(a => a.Entity == "PaperBallot" || a.Entity == "Ballot").Select(a => a.Changes).ToListAsync());
        Assert.DoesNotContain(audit, a => a.Contains("avstår", StringComparison.Ordinal) || a.Contains("avst\\u00E5r", StringComparison.OrdinalIgnoreCase));
        var closed = await (await office.PostAsJsonAsync($"/api/votes/{voteId}/close", new { })).ReadJsonAsync();
        Assert.Equal(1, closed.GetProperty("counts").GetProperty("avstår").GetInt32());
    }

    [Fact]
    public async Task ORG_1_concurrent_confirmations_count_each_paper_ballot_exactly_once()
    {
        var office = await App.LoginAsOfficeAsync();
        var (_, second) = await UserAsync(Roles.Office);
        var (_, third) = await UserAsync(Roles.Office);
        var members = await MembersAsync(10, skip: 20);
        var (meetingId, voteId, rep) = await OpenVoteAsync(office, members);
        var ids = new List<int>();
        foreach (var orgnr in members)
        {
            ids.Add(await RegisterAsync(office, meetingId, voteId, orgnr, "for"));
        }

        // Four confirmations of each paper ballot at once (two office users, twice each), and electronic ballots racing them.
        var requests = ids.SelectMany((id, i) => new[] { (id, i, second), (id, i, third), (id, i, second), (id, i, third) }).ToList();
        var results = new ConcurrentBag<(int Member, HttpStatusCode Status)>();
        var electronic = new ConcurrentBag<HttpStatusCode>();
        await Task.WhenAll(
            Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (r, ct) =>
            {
                var response = await r.Item3.PostAsJsonAsync($"/api/meetings/{meetingId}/paper-ballots/{r.id}/confirmation", new { orgnr = members[r.i], choice = "for" }, ct);
                results.Add((r.i, response.StatusCode));
            }),
            Parallel.ForEachAsync(members, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (orgnr, ct) =>
                electronic.Add((await rep.PostAsJsonAsync($"/api/votes/{voteId}/ballots", new { orgnr, choice = "mot" }, ct)).StatusCode)));

        Assert.All(results, r => Assert.True(r.Status is HttpStatusCode.Created or HttpStatusCode.Conflict, r.Status.ToString()));
        Assert.All(electronic, s => Assert.Equal(HttpStatusCode.Conflict, s)); // every member has a paper ballot
        var winners = results.Where(r => r.Status == HttpStatusCode.Created).ToList();
        Assert.Equal(10, winners.Count);
        Assert.Equal(10, winners.Select(w => w.Member).Distinct().Count());
        var closed = await (await office.PostAsJsonAsync($"/api/votes/{voteId}/close", new { })).ReadJsonAsync();
        Assert.Equal(10, closed.GetProperty("cast").GetInt32());
        Assert.Equal(10, closed.GetProperty("counts").GetProperty("for").GetInt32());
        Assert.Equal(10, await App.CountAsync(db => db.Ballots.Where(b => b.VoteId == voteId)));
        Assert.Equal(10, await App.CountAsync(db => db.PaperBallots.Where(p => p.VoteId == voteId && p.Receipt != null)));
    }

    [Fact]
    public async Task ORG_4_agenda_papers_are_listed_in_the_notice_and_readable_by_the_members_logged_in_users()
    {
        var office = await App.LoginAsOfficeAsync();
        var response = await office.PostAsJsonAsync($"{P}/meetings", new { kind = "annual", title = "Årsmøte med sakspapirer", startsAt = "2027-01-20T10:00:00+01:00", location = "Drammen" });
        var meetingId = (await response.ReadJsonAsync()).GetProperty("id").GetInt32();
        var itemId = (await (await office.PostAsJsonAsync($"/api/meetings/{meetingId}/agenda", new { title = "Årsregnskap 2025" })).ReadJsonAsync()).GetProperty("id").GetInt32();
        var content = Convert.ToBase64String("Årsregnskapet for 2025."u8.ToArray());
        var attached = await office.PostAsJsonAsync($"/api/meetings/{meetingId}/agenda/{itemId}/documents", new { fileName = "arsregnskap-2025.txt", contentType = "text/plain", contentBase64 = content });
        Assert.Equal(HttpStatusCode.Created, attached.StatusCode);
        var url = (await attached.ReadJsonAsync()).GetProperty("url").GetString()!;
        await (await office.PostAsJsonAsync($"/api/meetings/{meetingId}/agenda/999999/documents", new { fileName = "x.txt", contentType = "text/plain", contentBase64 = content }))
            .AssertProblemAsync(HttpStatusCode.NotFound);

        var orgnr = (await MembersAsync(1, skip: 48)).Single();
        var (_, contact) = await UserAsync(Roles.MemberContact, orgnr);
        var agenda = await contact.GetJsonAsync($"/api/meetings/{meetingId}/agenda");
        Assert.Equal("arsregnskap-2025.txt", agenda.GetProperty("items")[0].GetProperty("documents")[0].GetProperty("fileName").GetString());
        Assert.Equal("Årsregnskapet for 2025.", await contact.GetStringAsync(url));
        await (await contact.PostAsJsonAsync($"/api/meetings/{meetingId}/agenda/{itemId}/documents", new { fileName = "x.txt", contentType = "text/plain", contentBase64 = content }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.CreateClient().GetAsync(url)).StatusCode);

        await office.PostAsJsonAsync($"{P}/members/{orgnr}/contacts", new { name = "Kari Kommunedirektør", email = "kari.papers@example.no", role = "chief-executive", from = "2022-01-01" });
        var before = App.SentMail().ToHashSet();
        Assert.Equal(HttpStatusCode.OK, (await office.PostAsync($"/api/meetings/{meetingId}/notice", null)).StatusCode);
        Assert.Contains(App.SentMail().Where(f => !before.Contains(f)), f => File.ReadAllText(f).Contains("Sakspapir: arsregnskap-2025.txt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ORG_1_the_approved_protocol_closes_the_meeting_and_its_credentials_votes_and_ballots_are_frozen()
    {
        var office = await App.LoginAsOfficeAsync();
        var members = await MembersAsync(3, skip: 34);
        var (meetingId, voteId, rep) = await OpenVoteAsync(office, members);
        Assert.Equal(HttpStatusCode.Created, (await rep.PostAsJsonAsync($"/api/votes/{voteId}/ballots", new { orgnr = members[0], choice = "for" })).StatusCode);
        var anonymous = App.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/digiviken/meetings/{meetingId}/results")).StatusCode);

        var (_, second) = await UserAsync(Roles.Office);
        var paperId = await RegisterAsync(office, meetingId, voteId, members[2], "mot");
        Assert.Equal(HttpStatusCode.Created, (await second.PostAsJsonAsync($"/api/meetings/{meetingId}/paper-ballots/{paperId}/confirmation", new { orgnr = members[2], choice = "mot" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.PostAsJsonAsync($"/api/votes/{voteId}/close", new { })).StatusCode);
        var later = (await (await office.PostAsJsonAsync($"/api/meetings/{meetingId}/votes", new { question = "Eventuelt" })).ReadJsonAsync()).GetProperty("id").GetInt32();
        await office.PostAsJsonAsync($"/api/votes/{later}/open", new { });
        await office.PostAsync($"/api/meetings/{meetingId}/protocol", null);
        var (a, signerA) = await UserAsync(Roles.MemberContact, members[0], "Ola Underskriver");
        var (b, signerB) = await UserAsync(Roles.MemberContact, members[1], "Eva Underskriver");
        await office.PutAsJsonAsync($"/api/meetings/{meetingId}/protocol", new { coSigners = new[] { a, b } });
        await signerA.PostAsync($"/api/meetings/{meetingId}/protocol/approvals", null);
        await (await signerB.PostAsync($"/api/meetings/{meetingId}/protocol/approvals", null)).AssertProblemAsync(HttpStatusCode.Conflict, "ORG-1"); // a vote is still open
        await office.PostAsJsonAsync($"/api/votes/{later}/close", new { });
        Assert.Equal("approved", (await (await signerB.PostAsync($"/api/meetings/{meetingId}/protocol/approvals", null)).ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Equal("closed", (await office.GetJsonAsync($"/api/meetings/{meetingId}")).GetProperty("status").GetString());
        Assert.Contains("Av disse var 1 papirstemmesedler", (await office.GetJsonAsync($"/api/meetings/{meetingId}/protocol")).GetProperty("text").GetString());

        var credentials = await office.GetJsonAsync($"/api/meetings/{meetingId}/credentials");
        var credentialId = credentials.EnumerateArray().First().GetProperty("id").GetInt32();
        var (email, _) = await UserAsync(Roles.MemberContact, members[2]);
        var outsider = (await MembersAsync(1, skip: 38)).Single();
        await (await office.PostAsJsonAsync($"/api/meetings/{meetingId}/credentials", new { orgnr = outsider, representativeEmail = email })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await office.DeleteAsync($"/api/meetings/{meetingId}/credentials/{credentialId}")).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await office.PostAsJsonAsync($"/api/meetings/{meetingId}/credentials/{credentialId}/presence", new { present = true })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await office.PostAsJsonAsync($"/api/meetings/{meetingId}/votes", new { question = "Etterpå?" })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await office.PostAsJsonAsync($"/api/meetings/{meetingId}/paper-ballots", new { voteId, orgnr = members[1], choice = "for" })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await rep.PostAsJsonAsync($"/api/votes/{voteId}/ballots", new { orgnr = members[1], choice = "for" })).AssertProblemAsync(HttpStatusCode.Conflict);

        // The meeting's results are public once it is closed.
        var page = await anonymous.GetAsync($"/digiviken/meetings/{meetingId}/results");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Godkjenne årsregnskapet for 2025?", await page.Content.ReadAsStringAsync());
        Assert.Equal("published", (await (await office.PostAsync($"/api/meetings/{meetingId}/protocol/publish", null)).ReadJsonAsync()).GetProperty("status").GetString());
    }
}

public sealed class PaperBallotApiTestsOnSqlite(SqliteHost host) : PaperBallotApiTests(host), IClassFixture<SqliteHost>;

public sealed class PaperBallotApiTestsOnPostgres(PostgresHost host) : PaperBallotApiTests(host), IClassFixture<PostgresHost>;
