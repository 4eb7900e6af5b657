using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Partnerskap.Testing;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Tests.Features;

/// <summary>Membership lifecycle through the API (MEM-1 … MEM-7), on SQLite and PostgreSQL. Each test uses its own member.</summary>
public abstract class MembershipLifecycleTests(AppHost host)
{
    private PartnerskapFactory App => host.App;

    private const string Members = "/api/partnerships/digiviken/members";

    private static object Letter(string text = "Vi sier opp vårt deltakerforhold i DigiViken.") => new
    {
        fileName = "oppsigelse.txt",
        contentType = "text/plain",
        contentBase64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(text)),
    };

    /// <summary>Registers a fresh municipality-free member ("other") so tests do not share state.</summary>
    private static async Task<string> NewMemberAsync(HttpClient office, string joinedOn = "2022-01-01")
    {
        var orgnr = TestData.NextOrgnr();
        var response = await office.PostAsJsonAsync(Members, new { orgnr, name = $"Testorganisasjon {orgnr}", kind = "other", joinedOn });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return orgnr;
    }

    [Fact]
    public async Task MEM_4_resignation_without_a_document_is_400_with_the_rule_and_nothing_is_saved()
    {
        var office = await App.LoginAsOfficeAsync();
        var orgnr = await NewMemberAsync(office);
        var documentsBefore = await App.CountAsync(db => db.Documents);

        var problem = await (await office.PostAsJsonAsync($"{Members}/{orgnr}/resignation", new { receivedOn = "2026-03-01" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "MEM-4");
        Assert.True(problem.GetProperty("errors").TryGetProperty("document", out _));
        Assert.Equal(0, await App.CountAsync(db => db.ResignationNotices.Where(n => n.MemberId == db.Members.Single(m => m.Orgnr == orgnr).Id)));
        Assert.Equal(documentsBefore, await App.CountAsync(db => db.Documents));
    }

    [Fact]
    public async Task MEM_3_resignation_is_registered_with_receipt_letter_and_mail_to_the_contacts()
    {
        var office = await App.LoginAsOfficeAsync();
        var orgnr = await NewMemberAsync(office);
        await office.PostAsJsonAsync($"{Members}/{orgnr}/contacts", new { name = "Kari Kommunedirektør", email = "kari@example.no", role = "chief-executive", from = "2022-01-01" });
        var mailBefore = App.SentMail().Count;

        var response = await office.PostAsJsonAsync($"{Members}/{orgnr}/resignation", new { receivedOn = "2026-06-30", document = Letter() });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("2026-06-30", body.GetProperty("receivedOn").GetString());
        Assert.Equal("2027-01-01", body.GetProperty("effectiveOn").GetString());
        Assert.Equal("kari@example.no", body.GetProperty("mailedTo")[0].GetString());

        var receipt = await office.GetAsync($"/api/documents/{body.GetProperty("receiptDocumentId").GetInt32()}");
        Assert.Equal("application/pdf", receipt.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(await receipt.Content.ReadAsByteArrayAsync())[..4]);

        var mail = App.SentMail().Count;
        Assert.Equal(mailBefore + 1, mail);
        var message = await MimeMessage.LoadAsync(App.SentMail().OrderByDescending(File.GetLastWriteTimeUtc).First());
        Assert.Contains("oppsigelse", message.Subject, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(message.Attachments, a => a.ContentType.MimeType == "application/pdf");

        var member = await office.GetJsonAsync($"{Members}/{orgnr}?asOf=2026-12-31");
        Assert.Equal("notice-given", member.GetProperty("status").GetString());
        Assert.Equal("2027-01-01", member.GetProperty("exitEffectiveOn").GetString());
        var later = await office.GetJsonAsync($"{Members}?asOf=2027-01-01");
        Assert.Equal("exited", later.EnumerateArray().Single(m => m.GetProperty("orgnr").GetString() == orgnr).GetProperty("status").GetString());
    }

    [Fact]
    public async Task MEM_3_an_instant_in_UTC_that_is_already_1_July_in_Oslo_is_late()
    {
        var office = await App.LoginAsOfficeAsync();
        var orgnr = await NewMemberAsync(office);
        var body = await (await office.PostAsJsonAsync($"{Members}/{orgnr}/resignation", new { receivedAt = "2026-06-30T22:30:00Z", document = Letter() })).ReadJsonAsync();
        Assert.Equal("2026-07-01", body.GetProperty("receivedOn").GetString());
        Assert.Equal("2028-01-01", body.GetProperty("effectiveOn").GetString());
        Assert.False(body.GetProperty("onTime").GetBoolean());
    }

    [Fact]
    public async Task MEM_3_23_59_on_30_June_Oslo_time_is_on_time()
    {
        var office = await App.LoginAsOfficeAsync();
        var orgnr = await NewMemberAsync(office);
        var body = await (await office.PostAsJsonAsync($"{Members}/{orgnr}/resignation", new { receivedAt = "2026-06-30T23:59:00+02:00", document = Letter() })).ReadJsonAsync();
        Assert.Equal("2027-01-01", body.GetProperty("effectiveOn").GetString());
    }

    [Fact]
    public async Task MEM_3_a_second_notice_is_409_and_concurrent_notices_register_exactly_one()
    {
        var office = await App.LoginAsOfficeAsync();
        var orgnr = await NewMemberAsync(office);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            var client = await App.LoginAsOfficeAsync();
            return await client.PostAsJsonAsync($"{Members}/{orgnr}/resignation", new { receivedOn = "2026-03-01", document = Letter() });
        }));

        Assert.Equal(1, attempts.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(attempts.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1, await App.WithDbAsync(db => db.ResignationNotices.CountAsync(n => db.Members.Any(m => m.Id == n.MemberId && m.Orgnr == orgnr))));
        // The losers' uploaded files were not left behind as documents.
        Assert.Equal(2, await App.WithDbAsync(db => db.Documents.CountAsync(d => db.Members.Any(m => m.Id == d.MemberId && m.Orgnr == orgnr))));
    }

    [Fact]
    public async Task MEM_5_withdrawal_before_the_effective_date_is_204_and_after_it_409()
    {
        var office = await App.LoginAsOfficeAsync();
        var first = await NewMemberAsync(office);
        await office.PostAsJsonAsync($"{Members}/{first}/resignation", new { receivedOn = "2026-03-01", document = Letter() });
        Assert.Equal(HttpStatusCode.NoContent, (await office.DeleteAsync($"{Members}/{first}/resignation")).StatusCode);
        var member = await office.GetJsonAsync($"{Members}/{first}?asOf=2027-06-01");
        Assert.Equal("member", member.GetProperty("status").GetString());
        await (await office.DeleteAsync($"{Members}/{first}/resignation")).AssertProblemAsync(HttpStatusCode.Conflict, "MEM-3");

        var second = await NewMemberAsync(office);
        await office.PostAsJsonAsync($"{Members}/{second}/resignation", new { receivedOn = "2025-03-01", document = Letter() }); // took effect 2026-01-01
        await (await office.DeleteAsync($"{Members}/{second}/resignation")).AssertProblemAsync(HttpStatusCode.Conflict, "MEM-5");
    }

    [Fact]
    public async Task MEM_5_an_exited_member_cannot_give_notice_and_unknown_or_invalid_orgnr_is_refused()
    {
        var office = await App.LoginAsOfficeAsync();
        var orgnr = await NewMemberAsync(office);
        await office.PostAsJsonAsync($"{Members}/{orgnr}/resignation", new { receivedOn = "2024-03-01", document = Letter() }); // exit 2025-01-01
        await office.DeleteAsync($"{Members}/{orgnr}/resignation"); // 409: already in effect, stays
        await (await office.PostAsJsonAsync($"{Members}/{orgnr}/resignation", new { receivedOn = "2026-03-01", document = Letter() }))
            .AssertProblemAsync(HttpStatusCode.Conflict);

        await (await office.PostAsJsonAsync($"{Members}/991825827/resignation", new { receivedOn = "2026-03-01", document = Letter() }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        await (await office.PostAsJsonAsync($"{Members}/123456789/resignation", new { receivedOn = "2026-03-01", document = Letter() }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task MEM_2_register_a_member_validates_input_and_refuses_duplicates()
    {
        var office = await App.LoginAsOfficeAsync();
        var bad = await (await office.PostAsJsonAsync(Members, new { orgnr = "123", name = "", kind = "municipality", municipalityNumber = "9999" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        Assert.True(errors.TryGetProperty("orgnr", out _));
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("municipalityNumber", out _));

        await (await office.PostAsJsonAsync(Members, new { orgnr = "920125298", name = "Asker", kind = "municipality", municipalityNumber = "3203", joinedOn = "2024-01-01" }))
            .AssertProblemAsync(HttpStatusCode.Conflict);

        // MEM-2: without a start date, membership starts on the signing date.
        var orgnr = TestData.NextOrgnr();
        var created = await office.PostAsJsonAsync(Members, new { orgnr, name = "Ny kommune", kind = "municipality", municipalityNumber = "3201", signedBy = "Ordfører", signedOn = "2026-02-03" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("2026-02-03", (await created.ReadJsonAsync()).GetProperty("joinedOn").GetString());
    }

    [Fact]
    public async Task MEM_7_overlapping_roles_are_409_and_member_contacts_edit_only_their_own_organisation()
    {
        var office = await App.LoginAsOfficeAsync();
        var orgnr = await NewMemberAsync(office);
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync($"{Members}/{orgnr}/contacts",
            new { name = "A", email = "a@example.no", role = "head-of-digitalisation", from = "2024-01-01" })).StatusCode);
        await (await office.PostAsJsonAsync($"{Members}/{orgnr}/contacts", new { name = "B", role = "head-of-digitalisation", from = "2025-01-01" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "MEM-7");

        var email = $"own-{Guid.NewGuid():N}@test.local";
        await App.CreateUserAsync(email, Roles.MemberContact, orgnr);
        var own = await App.LoginAsync(email);
        Assert.Equal(HttpStatusCode.Created, (await own.PostAsJsonAsync($"{Members}/{orgnr}/contacts", new { name = "C", email = "c@example.no" })).StatusCode);
        await (await own.PostAsJsonAsync($"{Members}/920125298/contacts", new { name = "D" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await own.PostAsJsonAsync($"{Members}/{orgnr}/resignation", new { receivedOn = "2026-03-01", document = Letter() })).AssertProblemAsync(HttpStatusCode.Forbidden);

        var member = await office.GetJsonAsync($"{Members}/{orgnr}");
        Assert.Equal(2, member.GetProperty("contacts").GetArrayLength());
    }

    [Fact]
    public async Task MEM_1_a_split_keeps_history_and_successors_join_on_the_date()
    {
        var office = await App.LoginAsOfficeAsync();
        var predecessor = await NewMemberAsync(office);
        var (a, b) = (TestData.NextOrgnr(), TestData.NextOrgnr());
        var response = await office.PostAsJsonAsync("/api/partnerships/digiviken/successions", new
        {
            kind = "split",
            effectiveOn = "2024-01-01",
            description = "Deling (test)",
            decisionRef = "Årsmøtet 2023, sak 7 (test)",
            predecessors = new[] { predecessor },
            successors = new object[]
            {
                new { orgnr = a, name = "Etterfølger A", kind = "other", becomesMember = true },
                new { orgnr = b, name = "Etterfølger B", kind = "other", becomesMember = false },
            },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var before = await office.GetJsonAsync($"{Members}?asOf=2023-12-31");
        var after = await office.GetJsonAsync($"{Members}?asOf=2024-01-01");
        string? Status(System.Text.Json.JsonElement list, string orgnr) =>
            list.EnumerateArray().FirstOrDefault(m => m.GetProperty("orgnr").GetString() == orgnr) is { ValueKind: System.Text.Json.JsonValueKind.Object } m
                ? m.GetProperty("status").GetString() : null;
        Assert.Equal("member", Status(before, predecessor));
        Assert.Null(Status(before, a));
        Assert.Equal("exited", Status(after, predecessor));
        Assert.Equal("member", Status(after, a));
        Assert.Null(Status(after, b));

        var history = (await office.GetJsonAsync($"{Members}/{predecessor}")).GetProperty("history");
        Assert.Contains(history.EnumerateArray(), h => h.GetProperty("event").GetString() == "ceased");
        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(x => x.Entity == "Succession").ToListAsync());
        Assert.Contains(audit, x => x.DecisionRef == "Årsmøtet 2023, sak 7 (test)");
    }

    [Fact]
    public async Task ORG_4_policy_settings_need_a_decision_and_late_notice_can_be_refused()
    {
        var office = await App.LoginAsOfficeAsync();
        await (await office.PutAsJsonAsync("/api/partnerships/digiviken/settings", new { lateNoticePolicy = "refused" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "ORG-4");
        try
        {
            var ok = await office.PutAsJsonAsync("/api/partnerships/digiviken/settings", new { lateNoticePolicy = "refused", decisionRef = "Årsmøtet 2026, sak 4 (test)" });
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            var orgnr = await NewMemberAsync(office);
            await (await office.PostAsJsonAsync($"{Members}/{orgnr}/resignation", new { receivedOn = "2026-07-01", document = Letter() }))
                .AssertProblemAsync(HttpStatusCode.Conflict, "MEM-3");
        }
        finally
        {
            await office.PutAsJsonAsync("/api/partnerships/digiviken/settings", new { lateNoticePolicy = "effective-year-after-next", decisionRef = "reset (test)" });
        }
    }

    [Fact]
    public async Task Enhetsregisteret_lookup_works_offline_from_the_recorded_fixture()
    {
        var office = await App.LoginAsOfficeAsync();
        var unit = await office.GetJsonAsync("/api/lookup/enhetsregisteret/920125298");
        Assert.Contains("ASKER", unit.GetProperty("name").GetString(), StringComparison.OrdinalIgnoreCase);
        await (await office.GetAsync("/api/lookup/enhetsregisteret/991825827")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class MembershipLifecycleTestsOnSqlite(SqliteHost host) : MembershipLifecycleTests(host), IClassFixture<SqliteHost>;

public sealed class MembershipLifecycleTestsOnPostgres(PostgresHost host) : MembershipLifecycleTests(host), IClassFixture<PostgresHost>;
