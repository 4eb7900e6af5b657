using System.Net;
using System.Net.Http.Json;
using MimeKit;
using Partnerskap.Testing;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Tests.Collaboration;

/// <summary>MEM-7: anchoring rounds through the API, on SQLite and PostgreSQL.</summary>
public abstract class AnchoringRoundTests(AppHost host)
{
    private PartnerskapFactory App => host.App;

    private const string P = "/api/partnerships/digiviken";

    [Fact]
    public async Task MEM_7_the_matter_is_mailed_to_the_kommunedirektor_and_digitaliseringsleder_answers_are_recorded_and_the_silent_reminded()
    {
        var office = await App.LoginAsOfficeAsync();
        var orgnr = TestData.NextOrgnr();
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync($"{P}/members", new { orgnr, name = $"Forankringstest {orgnr}", kind = "other", joinedOn = "2022-01-01" })).StatusCode);
        var chief = $"direktor-{orgnr}@example.no";
        var digital = $"digital-{orgnr}@example.no";
        await office.PostAsJsonAsync($"{P}/members/{orgnr}/contacts", new { name = "Kari Direktør", email = chief, role = "chief-executive", from = "2022-01-01" });
        await office.PostAsJsonAsync($"{P}/members/{orgnr}/contacts", new { name = "Dag Digital", email = digital, role = "head-of-digitalisation", from = "2022-01-01" });
        await office.PostAsJsonAsync($"{P}/members/{orgnr}/contacts", new { name = "Frida Faktura", email = $"faktura-{orgnr}@example.no", role = "invoice-contact", from = "2022-01-01" });
        var mailBefore = App.SentMail().ToHashSet();

        var started = await office.PostAsJsonAsync($"{P}/anchoring-rounds", new { title = "Felles skyplattform", matter = "Styret foreslår en felles skyplattform. Vi ber om kommunens syn.", deadline = "2026-12-20" });
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var round = await started.ReadJsonAsync();
        var id = round.GetProperty("id").GetInt32();
        var mine = round.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("orgnr").GetString() == orgnr);
        Assert.Equal(new[] { chief, digital }.Order(), mine.GetProperty("mailedTo").EnumerateArray().Select(e => e.GetString()).Order());

        var mail = App.SentMail().Where(f => !mailBefore.Contains(f)).Select(f => MimeMessage.Load(f))
            .Single(m => m.To.Mailboxes.Any(b => b.Address == chief));
        Assert.Contains(mail.To.Mailboxes, b => b.Address == digital);
        Assert.DoesNotContain(mail.To.Mailboxes, b => b.Address.StartsWith("faktura-", StringComparison.Ordinal));
        Assert.Contains("felles skyplattform", mail.TextBody, StringComparison.Ordinal);

        // The member's own contact answers; the date is recorded.
        var email = $"mem7-{Guid.NewGuid():N}@test.local";
        await App.CreateUserAsync(email, Roles.MemberContact, orgnr);
        var member = await App.LoginAsync(email);
        await (await member.PutAsJsonAsync($"/api/anchoring-rounds/{id}/answers/{orgnr}", new { answer = "Ja", answeredOn = "2027-01-01" })).AssertProblemAsync(HttpStatusCode.BadRequest, "MEM-7");
        var answered = await (await member.PutAsJsonAsync($"/api/anchoring-rounds/{id}/answers/{orgnr}", new { answer = "Kommunedirektøren støtter forslaget.", answeredOn = "2026-11-25" })).ReadJsonAsync();
        var own = Assert.Single(answered.GetProperty("lines").EnumerateArray());
        Assert.Equal("2026-11-25", own.GetProperty("answeredOn").GetString());
        await (await member.PutAsJsonAsync($"/api/anchoring-rounds/{id}/answers/920125298", new { answer = "x" })).AssertProblemAsync(HttpStatusCode.Forbidden, "MEM-7");

        // Overview of who has not answered; reminders go only to them.
        var overview = await office.GetJsonAsync($"/api/anchoring-rounds/{id}");
        var notAnswered = overview.GetProperty("notAnswered").EnumerateArray().Select(n => n.GetString()).ToList();
        Assert.DoesNotContain($"Forankringstest {orgnr}", notAnswered);
        Assert.Contains("Asker", notAnswered);
        var reminded = await (await office.PostAsync($"/api/anchoring-rounds/{id}/reminders", null)).ReadJsonAsync();
        Assert.Equal(notAnswered.Count, reminded.GetProperty("reminded").GetInt32());
        var after = await office.GetJsonAsync($"/api/anchoring-rounds/{id}");
        Assert.All(after.GetProperty("lines").EnumerateArray(), l =>
            Assert.Equal(l.GetProperty("answeredOn").ValueKind == System.Text.Json.JsonValueKind.Null ? 1 : 0, l.GetProperty("reminders").GetInt32()));

        // Filed: the round out, the answer in.
        var c = (await office.GetJsonAsync($"{P}/records")).EnumerateArray().Single(x => x.GetProperty("key").GetString() == $"anchoring:{id}");
        Assert.Equal(["U", "I"], c.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("type").GetString()));
    }
}

public sealed class AnchoringRoundTestsOnSqlite(SqliteHost host) : AnchoringRoundTests(host), IClassFixture<SqliteHost>;

public sealed class AnchoringRoundTestsOnPostgres(PostgresHost host) : AnchoringRoundTests(host), IClassFixture<PostgresHost>;
