using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Testing;
using Partnerskap.Web.Data;
using Partnerskap.Web.Tests.Infrastructure;

namespace Partnerskap.Web.Tests.Meetings;

/// <summary>The annual meeting: statutes' settings (ORG-4), notice, proposals, decisions with the fee-model effect (FIN-6), protocol, rehearsal.</summary>
public abstract class AnnualMeetingApiTests(AppHost host)
{
    private const string P = "/api/partnerships/digiviken";
    private PartnerskapFactory App => host.App;

    private static async Task<int> MeetingAsync(HttpClient office, string startsAt = "2026-12-10T10:00:00+01:00")
    {
        var response = await office.PostAsJsonAsync($"{P}/meetings", new { kind = "annual", title = $"Årsmøte {Guid.NewGuid():N}"[..20], startsAt, location = "Drammen" });
        return (await response.ReadJsonAsync()).GetProperty("id").GetInt32();
    }

    private Task<List<string>> MembersAsync(int count, int skip) =>
        App.WithDbAsync(db => db.Members.Where(m => m.PartnershipId == 1 && m.CeasedOn == null && !m.Notices.Any())
            .OrderBy(m => m.Orgnr).Skip(skip).Take(count).Select(m => m.Orgnr).ToListAsync());

    private async Task<(string Email, HttpClient Client)> UserAsync(string role, string? orgnr, string name = "Test Person")
    {
        var email = $"u-{Guid.NewGuid():N}@test.local";
        await App.CreateUserAsync(email, role, orgnr, name);
        return (email, await App.LoginAsync(email));
    }

    /// <summary>A closed vote at the meeting where the representative of the given members voted as told.</summary>
    private async Task<int> ClosedVoteAsync(HttpClient office, int meetingId, List<string> members, string choice, string question)
    {
        var (email, rep) = await UserAsync(Roles.MemberContact, members[0], "Rita Representant");
        foreach (var orgnr in members)
        {
            await office.PostAsJsonAsync($"/api/meetings/{meetingId}/credentials", new { orgnr, representativeEmail = email });
        }

        var voteId = (await (await office.PostAsJsonAsync($"/api/meetings/{meetingId}/votes", new { question })).ReadJsonAsync()).GetProperty("id").GetInt32();
        await office.PostAsJsonAsync($"/api/votes/{voteId}/open", new { });
        var ballots = members.Select(orgnr => new { orgnr, choice }).ToArray();
        Assert.Equal(HttpStatusCode.Created, (await rep.PostAsJsonAsync($"/api/votes/{voteId}/ballots", new { ballots })).StatusCode);
        await office.PostAsJsonAsync($"/api/votes/{voteId}/close", new { });
        return voteId;
    }

    [Fact]
    public async Task ORG_4_notice_respects_the_statutes_notice_period_and_proposals_their_deadline()
    {
        var office = await App.LoginAsOfficeAsync();
        await (await office.PutAsJsonAsync($"{P}/meeting-settings", new { noticeDays = 21, proposalDays = 14 })).AssertProblemAsync(HttpStatusCode.BadRequest, "ORG-4");
        var settings = await (await office.PutAsJsonAsync($"{P}/meeting-settings", new { noticeDays = 21, proposalDays = 14, source = "Vedtekter § 5 (årsmøtet 2022 sak 4)" })).ReadJsonAsync();
        Assert.Equal("Vedtekter § 5 (årsmøtet 2022 sak 4)", settings.GetProperty("source").GetString());

        var meetingId = await MeetingAsync(office); // 10 December: 15 days from "today" (25 November)
        await office.PostAsJsonAsync($"/api/meetings/{meetingId}/agenda", new { title = "Godkjenning av innkalling og saksliste" });
        await office.PostAsJsonAsync($"/api/meetings/{meetingId}/agenda", new { title = "Kontingent for 2027" });
        var orgnr = (await MembersAsync(1, skip: 30)).Single();
        await office.PostAsJsonAsync($"{P}/members/{orgnr}/contacts", new { name = "Kari Kommunedirektør", email = "kari.notice@example.no", role = "chief-executive", from = "2022-01-01" });
        await (await office.PostAsync($"/api/meetings/{meetingId}/notice", null)).AssertProblemAsync(HttpStatusCode.Conflict, "ORG-4");

        await office.PutAsJsonAsync($"{P}/meeting-settings", new { noticeDays = 14, proposalDays = 7, reminderDays = 3, source = "Vedtekter § 5 (endret årsmøtet 2025 sak 6)" });
        var mailsBefore = App.SentMail().Count;
        var sent = await (await office.PostAsync($"/api/meetings/{meetingId}/notice", null)).ReadJsonAsync();
        Assert.Contains("kari.notice@example.no", sent.GetProperty("recipients").EnumerateArray().Select(r => r.GetString()));
        Assert.True(sent.GetProperty("members").GetInt32() >= 50);
        Assert.True(App.SentMail().Count > mailsBefore);
        var mail = File.ReadAllText(App.SentMail().OrderBy(File.GetLastWriteTimeUtc).Last());
        Assert.Contains("Kontingent for 2027", mail);

        var (_, contact) = await UserAsync(Roles.MemberContact, orgnr);
        var proposal = await contact.PostAsJsonAsync($"/api/meetings/{meetingId}/proposals", new { title = "Lavere kontingent", text = "Satsen settes til 30 kroner per innbygger." });
        Assert.Equal(HttpStatusCode.Created, proposal.StatusCode);
        var proposalId = (await proposal.ReadJsonAsync()).GetProperty("id").GetInt32();
        await (await contact.PostAsJsonAsync($"/api/proposals/{proposalId}/recommendation", new { recommendation = "x" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await office.PostAsJsonAsync($"/api/proposals/{proposalId}/recommendation", new { recommendation = "Styret tilrår at forslaget ikke vedtas." });
        var agenda = await contact.GetJsonAsync($"/api/meetings/{meetingId}/agenda");
        Assert.Equal("2026-12-03", agenda.GetProperty("proposalDeadline").GetString());
        Assert.Equal("Styret tilrår at forslaget ikke vedtas.", agenda.GetProperty("proposals")[0].GetProperty("boardRecommendation").GetString());

        // A meeting whose proposal deadline has passed.
        await office.PutAsJsonAsync($"{P}/meeting-settings", new { noticeDays = 2, proposalDays = 1, reminderDays = 1, source = "Vedtekter § 5" });
        var soon = await MeetingAsync(office, "2026-11-27T10:00:00+01:00");
        Assert.Equal(HttpStatusCode.OK, (await office.PostAsync($"/api/meetings/{soon}/notice", null)).StatusCode);
        await office.PutAsJsonAsync($"{P}/meeting-settings", new { noticeDays = 14, proposalDays = 7, reminderDays = 3, source = "Vedtekter § 5" });
        var late = await App.WithDbAsync(async db =>
        {
            var m = await db.Meetings.SingleAsync(x => x.Id == soon);
            return m.ProposalDeadline;
        });
        Assert.Equal(new DateOnly(2026, 11, 26), late);
        Assert.Equal(HttpStatusCode.OK, (await office.PostAsync($"/api/meetings/{soon}/reminders", null)).StatusCode);
    }

    [Fact]
    public async Task FIN_6_an_adopted_fee_model_decision_creates_the_new_fee_model_version_and_the_protocol_is_signed_and_published()
    {
        var office = await App.LoginAsOfficeAsync();
        var meetingId = await MeetingAsync(office);
        var members = await MembersAsync(3, skip: 40);
        var adopted = await ClosedVoteAsync(office, meetingId, members, "for", "Ny kontingentmodell fra 2027: 30 kroner per innbygger");
        var year = 2027 + (await App.WithDbAsync(db => Task.FromResult(db.Database.IsNpgsql())) ? 1 : 0);
        var decision = await office.PostAsJsonAsync($"/api/votes/{adopted}/decision",
            new { text = "Årsmøtet vedtar ny kontingentmodell.", effect = "fee-model", effectTarget = $"validFromYear={year};amountPerInhabitant=30" });
        Assert.Equal(HttpStatusCode.Created, decision.StatusCode);
        var number = (await decision.ReadJsonAsync()).GetProperty("number").GetString();
        var models = await office.GetJsonAsync($"{P}/fee-models");
        var model = models.EnumerateArray().Single(m => m.GetProperty("validFromYear").GetInt32() == year);
        Assert.Equal($"Årsmøtet, vedtak {number}", model.GetProperty("decision").GetString());
        await (await office.PostAsJsonAsync($"/api/votes/{adopted}/decision", new { })).AssertProblemAsync(HttpStatusCode.Conflict);
        var register = await office.GetJsonAsync($"{P}/decisions?year=2026");
        Assert.Contains(register.EnumerateArray(), d => d.GetProperty("number").GetString() == number && d.GetProperty("body").GetString() == "annual-meeting");

        var rejected = await ClosedVoteAsync(office, meetingId, await MembersAsync(2, skip: 44), "mot", "Flytte årsmøtet til mars");
        await (await office.PostAsJsonAsync($"/api/votes/{rejected}/decision", new { })).AssertProblemAsync(HttpStatusCode.Conflict, "ORG-1");

        // Protocol: generated, edited, approved by the two co-signers, published as PDF.
        var generated = await (await office.PostAsync($"/api/meetings/{meetingId}/protocol", null)).ReadJsonAsync();
        var text = generated.GetProperty("text").GetString()!;
        Assert.Contains("Representerte medlemmer: 5", text);
        Assert.Contains($"Vedtak {number}", text);
        Assert.Contains("Flytte årsmøtet til mars", text);
        var (a, signerA) = await UserAsync(Roles.MemberContact, members[0], "Ola Underskriver");
        var (b, signerB) = await UserAsync(Roles.MemberContact, members[1], "Eva Underskriver");
        var (_, other) = await UserAsync(Roles.MemberContact, members[2]);
        await office.PutAsJsonAsync($"/api/meetings/{meetingId}/protocol", new { text = "Møtet ble åpnet av styreleder.\n\n" + text, coSigners = new[] { a, b } });
        await (await office.PostAsync($"/api/meetings/{meetingId}/protocol/publish", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await other.PostAsync($"/api/meetings/{meetingId}/protocol/approvals", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("draft", (await (await signerA.PostAsync($"/api/meetings/{meetingId}/protocol/approvals", null)).ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Equal("approved", (await (await signerB.PostAsync($"/api/meetings/{meetingId}/protocol/approvals", null)).ReadJsonAsync()).GetProperty("status").GetString());
        await (await office.PutAsJsonAsync($"/api/meetings/{meetingId}/protocol", new { text = "endret" })).AssertProblemAsync(HttpStatusCode.Conflict);
        var published = await (await office.PostAsync($"/api/meetings/{meetingId}/protocol/publish", null)).ReadJsonAsync();
        Assert.Equal("published", published.GetProperty("status").GetString());

        var pdf = await office.GetByteArrayAsync($"/api/meetings/{meetingId}/protocol/pdf");
        var dir = Path.Combine(Path.GetTempPath(), "partnerskap-protocol");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, $"protokoll-{App.Database}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        var pdfText = PopplerTools.PdfToText(path);
        Assert.Contains("Protokoll fra", pdfText);
        Assert.Contains("Ola Underskriver, godkjent", pdfText);
        Assert.Contains($"Vedtak {number}", pdfText.Replace("\n", " ", StringComparison.Ordinal));
        PopplerTools.PdfToPng(path, Path.Combine(dir, $"protokoll-{App.Database}"));
    }

    [Fact]
    public async Task A_rehearsal_takes_test_ballots_decides_nothing_and_is_wiped()
    {
        var office = await App.LoginAsOfficeAsync();
        var meetingId = await MeetingAsync(office);
        Assert.Equal(HttpStatusCode.NoContent, (await office.PostAsync($"/api/meetings/{meetingId}/rehearsal", null)).StatusCode);
        var voteId = await ClosedVoteAsync(office, meetingId, await MembersAsync(2, skip: 46), "for", "Prøveavstemning");
        await (await office.PostAsJsonAsync($"/api/votes/{voteId}/decision", new { })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(2, await App.CountAsync(db => db.Ballots.Where(b => b.VoteId == voteId)));
        Assert.Equal(2, (await (await office.DeleteAsync($"/api/meetings/{meetingId}/rehearsal")).ReadJsonAsync()).GetInt32());
        Assert.Equal(0, await App.CountAsync(db => db.Ballots.Where(b => b.VoteId == voteId)));
        Assert.Equal(0, await App.CountAsync(db => db.Credentials.Where(c => c.MeetingId == meetingId)));
        await (await office.DeleteAsync($"/api/meetings/{await MeetingAsync(office)}/rehearsal")).AssertProblemAsync(HttpStatusCode.Conflict);
    }
}

public sealed class AnnualMeetingApiTestsOnSqlite(SqliteHost host) : AnnualMeetingApiTests(host), IClassFixture<SqliteHost>;

public sealed class AnnualMeetingApiTestsOnPostgres(PostgresHost host) : AnnualMeetingApiTests(host), IClassFixture<PostgresHost>;
