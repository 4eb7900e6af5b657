using System.Net;
using System.Net.Http.Json;
using Partnerskap.Testing;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Tests.Collaboration;

/// <summary>PUR-1: joint consultation answers through the API, on SQLite and PostgreSQL.</summary>
public abstract class ConsultationTests(AppHost host)
{
    private PartnerskapFactory App => host.App;

    private const string P = "/api/partnerships/digiviken";

    private async Task<HttpClient> MemberContactAsync(string orgnr = "920125298")
    {
        var email = $"pur1-{Guid.NewGuid():N}@test.local";
        await App.CreateUserAsync(email, Roles.MemberContact, orgnr);
        return await App.LoginAsync(email);
    }

    private static async Task<int> OpenAsync(HttpClient office, string deadline = "2026-12-15")
    {
        var created = await office.PostAsJsonAsync($"{P}/consultations", new { title = $"Høring om nasjonal arkitektur {Guid.NewGuid():N}", issuer = "Digitaliseringsdirektoratet", deadline });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.ReadJsonAsync()).GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task PUR_1_members_give_input_the_office_drafts_the_board_approves_and_the_answer_is_sent_and_filed()
    {
        var office = await App.LoginAsOfficeAsync();
        var id = await OpenAsync(office);
        var asker = await MemberContactAsync();

        var afterInput = await (await asker.PutAsJsonAsync($"/api/consultations/{id}/inputs/920125298", new { text = "Asker støtter forslaget, men ber om lengre frister." })).ReadJsonAsync();
        Assert.Single(afterInput.GetProperty("inputs").EnumerateArray());
        // A member contact cannot give input for another member, draft, or send.
        await (await asker.PutAsJsonAsync($"/api/consultations/{id}/inputs/{TestData.NextOrgnr()}", new { text = "x" })).AssertProblemAsync(HttpStatusCode.Forbidden, "PUR-1");
        Assert.Equal(HttpStatusCode.Forbidden, (await asker.PutAsJsonAsync($"/api/consultations/{id}/draft", new { text = "x" })).StatusCode);
        await (await asker.PostAsJsonAsync($"/api/consultations/{id}/approve", new { decisionRef = "x" })).AssertProblemAsync(HttpStatusCode.Forbidden, "PUR-1");

        // Who has not answered yet: everybody but Asker.
        var overview = await office.GetJsonAsync($"/api/consultations/{id}");
        Assert.DoesNotContain("Asker", overview.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains("Bærum", overview.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));

        // Not sent before approval; not approved without a decision reference.
        await (await office.PostAsync($"/api/consultations/{id}/send", null)).AssertProblemAsync(HttpStatusCode.Conflict, "PUR-1");
        Assert.Equal(HttpStatusCode.OK, (await office.PutAsJsonAsync($"/api/consultations/{id}/draft", new { text = "DigiViken støtter forslaget og ber om lengre frister." })).StatusCode);
        await (await office.PostAsJsonAsync($"/api/consultations/{id}/approve", new { decisionRef = " " })).AssertProblemAsync(HttpStatusCode.BadRequest, "PUR-1");

        var boardEmail = $"board-{Guid.NewGuid():N}@test.local";
        await App.CreateUserAsync(boardEmail, Roles.Board);
        (await office.PostAsJsonAsync("/api/partnerships/digiviken/board", new { userEmail = boardEmail, role = "member", from = "2026-01-01" })).EnsureSuccessStatusCode(); // a seat ties the board login to DigiViken
        var board = await App.LoginAsync(boardEmail);
        var approved = await (await board.PostAsJsonAsync($"/api/consultations/{id}/approve", new { decisionRef = "Styret 2026-11-20, sak 12" })).ReadJsonAsync();
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        await (await asker.PutAsJsonAsync($"/api/consultations/{id}/inputs/920125298", new { text = "For sent" })).AssertProblemAsync(HttpStatusCode.Conflict, "PUR-1");

        var sent = await (await office.PostAsync($"/api/consultations/{id}/send", null)).ReadJsonAsync();
        Assert.Equal("sent", sent.GetProperty("status").GetString());
        Assert.Equal("2026-11-25", sent.GetProperty("sentOn").GetString());

        // Filed: the consultation in, Asker's input in, the answer out with its document.
        var cases = await office.GetJsonAsync($"{P}/records");
        var c = cases.EnumerateArray().Single(x => x.GetProperty("key").GetString() == $"consultation:{id}");
        var entries = c.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["I", "I", "U"], entries.Select(e => e.GetProperty("type").GetString()));
        var answer = entries[2].GetProperty("documents")[0];
        var text = await office.GetStringAsync($"/api/documents/{answer.GetProperty("storedDocumentId").GetInt32()}");
        Assert.Contains("Styret 2026-11-20, sak 12", text);
        Assert.Contains("DigiViken støtter forslaget", text);

        // The member sees the sent answer and only its own input.
        var seen = await asker.GetJsonAsync($"/api/consultations/{id}");
        Assert.Equal("DigiViken støtter forslaget og ber om lengre frister.", seen.GetProperty("draft").GetString());
        Assert.Empty(seen.GetProperty("missing").EnumerateArray());
    }

    [Fact]
    public async Task PUR_1_input_after_the_deadline_is_refused()
    {
        var office = await App.LoginAsOfficeAsync();
        var id = await OpenAsync(office, deadline: "2026-11-30");
        var asker = await MemberContactAsync();
        await (await office.PostAsJsonAsync($"{P}/consultations", new { title = "Gammel høring", issuer = "KS", deadline = "2026-11-01" })).AssertProblemAsync(HttpStatusCode.BadRequest, "PUR-1");
        Assert.Equal(HttpStatusCode.OK, (await asker.PutAsJsonAsync($"/api/consultations/{id}/inputs/920125298", new { text = "Innen fristen." })).StatusCode);
    }

    [Fact]
    public async Task PUR_1_another_partnerships_member_contact_sees_no_consultation()
    {
        var office = await App.LoginAsOfficeAsync();
        var id = await OpenAsync(office);
        await office.PostAsJsonAsync("/api/partnerships", new { slug = "pur1-annen", name = "Annet partnerskap", agreementInForceFrom = "2022-01-01" });
        var orgnr = TestData.NextOrgnr();
        await office.PostAsJsonAsync("/api/partnerships/pur1-annen/members", new { orgnr, name = "Fremmed organisasjon", kind = "other", joinedOn = "2022-01-01" });
        var stranger = await MemberContactAsync(orgnr);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/consultations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"/api/consultations/{id}/inputs/{orgnr}", new { text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"{P}/consultations")).StatusCode);
    }
}

public sealed class ConsultationTestsOnSqlite(SqliteHost host) : ConsultationTests(host), IClassFixture<SqliteHost>;

public sealed class ConsultationTestsOnPostgres(PostgresHost host) : ConsultationTests(host), IClassFixture<PostgresHost>;
