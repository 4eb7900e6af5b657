using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Testing;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Tests.Portfolio;

/// <summary>
/// Following a project up (PUR-5): status reports, risks and documents through the API on SQLite and PostgreSQL;
/// written by the office or the project manager, read by whoever may read the project; bad input is problem+json.
/// Also FIN-8 bad input (negative values) and FIN-9 import of an unknown project.
/// </summary>
public abstract class ProjectFollowUpTests(AppHost host)
{
    private const string P = "/api/partnerships/digiviken";
    private const string Asker = "920125298";
    private const string Baerum = "935478715";
    private PartnerskapFactory App => host.App;

    /// <summary>A project whose manager is a new member-contact user (Asker); returns the id and the manager's client.</summary>
    private async Task<(int Id, HttpClient Office, HttpClient Manager, string ManagerEmail)> ProjectAsync()
    {
        var office = await App.LoginAsOfficeAsync();
        var email = $"pl-{Guid.NewGuid():N}@test.local";
        await App.CreateUserAsync(email, Roles.MemberContact, Asker);
        var r = await office.PostAsJsonAsync($"{P}/projects", new { name = $"Oppfølging {Guid.NewGuid():N}", kind = "project", ownerOrgnr = Asker, participants = new[] { Asker, Baerum }, projectManager = email });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var id = (await r.ReadJsonAsync()).GetProperty("id").GetInt32();
        return (id, office, await App.LoginAsync(email), email);
    }

    private static string FieldOf(JsonElement problem) => problem.GetProperty("errors").EnumerateObject().Single().Name;

    private async Task<HttpClient> OtherContactAsync(string orgnr = Baerum)
    {
        var email = $"kontakt-{Guid.NewGuid():N}@test.local";
        await App.CreateUserAsync(email, Roles.MemberContact, orgnr);
        return await App.LoginAsync(email);
    }

    [Fact]
    public async Task PUR_5_status_reports_are_written_by_the_office_or_the_project_manager_and_listed_newest_first_with_the_published_date()
    {
        var (id, office, manager, managerEmail) = await ProjectAsync();
        var first = await office.PostAsJsonAsync($"/api/projects/{id}/status-reports", new { date = "2026-10-31", overall = "green", progress = "Forprosjektet er ferdig.", nextSteps = "Anskaffelse." });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var second = await manager.PostAsJsonAsync($"/api/projects/{id}/status-reports", new { date = "2026-11-25", overall = "Yellow", progress = "Leverandøren er forsinket to uker." });
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(managerEmail, (await second.ReadJsonAsync()).GetProperty("publishedBy").GetString());

        var list = (await (await OtherContactAsync()).GetJsonAsync($"/api/projects/{id}/status-reports")).EnumerateArray().ToList();
        Assert.Equal(["2026-11-25", "2026-10-31"], list.Select(r => r.GetProperty("date").GetString()));
        Assert.Equal("yellow", list[0].GetProperty("overall").GetString());
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero), list[0].GetProperty("publishedAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, list[0].GetProperty("nextSteps").ValueKind);

        // Audited like every portfolio change.
        Assert.True(await App.CountAsync(db => db.AuditEntries.Where(a => a.Entity == "StatusReport" && a.Action == "created")) >= 2);
    }

    [Fact]
    public async Task PUR_5_a_status_report_from_someone_else_or_with_bad_input_is_refused_as_problem_json_and_nothing_is_saved()
    {
        var (id, office, _, _) = await ProjectAsync();
        var url = $"/api/projects/{id}/status-reports";
        await (await (await OtherContactAsync()).PostAsJsonAsync(url, new { date = "2026-11-25", overall = "green", progress = "X" })).AssertProblemAsync(HttpStatusCode.Forbidden, "PUR-5");
        Assert.Equal("overall", FieldOf(await (await office.PostAsJsonAsync(url, new { date = "2026-11-25", overall = "blue", progress = "X" })).AssertProblemAsync(HttpStatusCode.BadRequest)));
        await (await office.PostAsJsonAsync(url, new { date = "2026-11-25", overall = "red", progress = " " })).AssertProblemAsync(HttpStatusCode.BadRequest, "PUR-5");
        await (await office.PostAsJsonAsync(url, new { overall = "red", progress = "X" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await office.PostAsJsonAsync(url, new { date = "2026-12-31", overall = "red", progress = "Framtidig" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await office.PostAsJsonAsync("/api/projects/999999/status-reports", new { date = "2026-11-25", overall = "green", progress = "X" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await office.GetAsync("/api/projects/999999/status-reports")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, await App.CountAsync(db => db.StatusReports.Where(r => r.ProjectId == id)));
    }

    [Fact]
    public async Task PUR_5_the_risk_list_is_sorted_by_score_and_a_risk_is_closed_once()
    {
        var (id, office, manager, _) = await ProjectAsync();
        async Task<int> AddAsync(HttpClient c, string description, int probability, int consequence)
        {
            var r = await c.PostAsJsonAsync($"/api/projects/{id}/risks", new { description, probability, consequence, owner = "Kari Nordmann", mitigation = "Følges opp i styringsgruppen" });
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            return (await r.ReadJsonAsync()).GetProperty("id").GetInt32();
        }

        var low = await AddAsync(office, "Lav oppslutning", 2, 2);
        var high = await AddAsync(manager, "Leverandøren leverer ikke", 4, 5);
        var middle = await AddAsync(office, "Forsinket vedtak", 3, 3);
        var risks = (await office.GetJsonAsync($"/api/projects/{id}/risks")).EnumerateArray().ToList();
        Assert.Equal([high, middle, low], risks.Select(r => r.GetProperty("id").GetInt32()));
        Assert.Equal(20, risks[0].GetProperty("score").GetInt32());

        var closed = await manager.PostAsync($"/api/projects/{id}/risks/{high}/close", null);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal("closed", (await closed.ReadJsonAsync()).GetProperty("status").GetString());
        await (await office.PostAsync($"/api/projects/{id}/risks/{high}/close", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal([middle, low, high], (await office.GetJsonAsync($"/api/projects/{id}/risks")).EnumerateArray().Select(r => r.GetProperty("id").GetInt32()));
        await (await office.PostAsync($"/api/projects/{id}/risks/999999/close", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await (await OtherContactAsync()).PostAsync($"/api/projects/{id}/risks/{middle}/close", null)).AssertProblemAsync(HttpStatusCode.Forbidden, "PUR-5");
    }

    [Theory]
    [InlineData(0, 3, "probability")]
    [InlineData(-1, 3, "probability")]
    [InlineData(6, 3, "probability")]
    [InlineData(3, -2, "consequence")]
    [InlineData(3, null, "consequence")]
    public async Task A_risk_with_probability_or_consequence_outside_1_to_5_is_refused(int? probability, int? consequence, string field)
    {
        var (id, office, _, _) = await ProjectAsync();
        var problem = await (await office.PostAsJsonAsync($"/api/projects/{id}/risks", new { description = "X", probability, consequence, owner = "Y" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(field, FieldOf(problem));
        Assert.Equal(0, await App.CountAsync(db => db.ProjectRisks.Where(r => r.ProjectId == id)));
    }

    [Fact]
    public async Task Project_documents_are_uploaded_listed_and_downloaded_only_by_those_who_may_read_the_project()
    {
        var (id, office, manager, _) = await ProjectAsync();
        var bytes = "%PDF-1.4 prosjektplan"u8.ToArray();
        var up = await manager.PostAsJsonAsync($"/api/projects/{id}/documents", new
        {
            title = "Prosjektplan",
            document = new { fileName = "../../prosjektplan.pdf", contentType = "application/pdf", contentBase64 = Convert.ToBase64String(bytes) },
        });
        Assert.Equal(HttpStatusCode.Created, up.StatusCode);
        var doc = await up.ReadJsonAsync();
        Assert.Equal("prosjektplan.pdf", doc.GetProperty("fileName").GetString());
        var url = doc.GetProperty("url").GetString()!;

        var reader = await OtherContactAsync();
        var list = (await reader.GetJsonAsync($"/api/projects/{id}/documents")).EnumerateArray().ToList();
        Assert.Equal("Prosjektplan", Assert.Single(list).GetProperty("title").GetString());
        var download = await reader.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);

        // Bad input: no file, a type the store does not keep, another member's contact writing.
        Assert.Equal("file", FieldOf(await (await office.PostAsJsonAsync($"/api/projects/{id}/documents", new { title = "Tom" })).AssertProblemAsync(HttpStatusCode.BadRequest)));
        var exe = new { document = new { fileName = "x.exe", contentType = "application/x-msdownload", contentBase64 = Convert.ToBase64String([1, 2, 3]) } };
        Assert.Equal("file", FieldOf(await (await office.PostAsJsonAsync($"/api/projects/{id}/documents", exe)).AssertProblemAsync(HttpStatusCode.BadRequest)));
        await (await reader.PostAsJsonAsync($"/api/projects/{id}/documents", new { document = new { fileName = "a.txt", contentType = "text/plain", contentBase64 = Convert.ToBase64String("a"u8.ToArray()) } }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "PUR-5");
        Assert.Equal(1, await App.CountAsync(db => db.ProjectDocuments.Where(d => d.ProjectId == id)));
        await (await reader.GetAsync($"/api/projects/{id}/documents/999999")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await reader.GetAsync($"/api/projects/999999/documents/1")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_document_of_another_partnerships_project_is_not_downloaded()
    {
        var office = await App.LoginAsOfficeAsync();
        var slug = $"annet-{Guid.NewGuid():N}"[..20];
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync("/api/partnerships", new { slug, name = "Annet partnerskap", agreementInForceFrom = "2024-01-01" })).StatusCode);
        var owner = TestData.NextOrgnr();
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync($"/api/partnerships/{slug}/members", new { orgnr = owner, name = "Eier AS", kind = "other", joinedOn = "2024-01-01" })).StatusCode);
        var id = (await (await office.PostAsJsonAsync($"/api/partnerships/{slug}/projects", new { name = "Hemmelig", kind = "project", ownerOrgnr = owner, participants = Array.Empty<string>() }))
            .ReadJsonAsync()).GetProperty("id").GetInt32();
        var up = await office.PostAsJsonAsync($"/api/projects/{id}/documents", new { document = new { fileName = "hemmelig.txt", contentType = "text/plain", contentBase64 = Convert.ToBase64String("hemmelig"u8.ToArray()) } });
        Assert.Equal(HttpStatusCode.Created, up.StatusCode);
        var url = (await up.ReadJsonAsync()).GetProperty("url").GetString()!;

        var asker = await OtherContactAsync(Asker);
        await (await asker.GetAsync(url)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await asker.GetAsync($"/api/projects/{id}/documents")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await asker.GetAsync($"/api/projects/{id}/status-reports")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await asker.GetAsync($"/api/projects/{id}/risks")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task FIN_8_negative_baseline_target_or_measurement_and_a_non_participant_are_refused()
    {
        var (id, office, _, _) = await ProjectAsync();
        var url = $"/api/projects/{id}/benefits";
        var negative = await (await office.PostAsJsonAsync(url, new { orgnr = Asker, ownerName = "Kari", indicator = "Saker", baseline = -1, target = 10 })).AssertProblemAsync(HttpStatusCode.BadRequest, "FIN-8");
        Assert.Equal("baseline", FieldOf(negative));
        await (await office.PostAsJsonAsync(url, new { orgnr = Asker, ownerName = "Kari", indicator = "Saker", baseline = 1, target = -10 })).AssertProblemAsync(HttpStatusCode.BadRequest, "FIN-8");
        var outsider = await (await office.PostAsJsonAsync(url, new { orgnr = "959159092", ownerName = "Ola", indicator = "Saker", baseline = 1, target = 2 })).AssertProblemAsync(HttpStatusCode.BadRequest, "FIN-8");
        Assert.Equal("orgnr", FieldOf(outsider));
        await (await office.PostAsJsonAsync("/api/projects/999999/benefits", new { orgnr = Asker, ownerName = "Kari", indicator = "Saker", baseline = 1, target = 2 })).AssertProblemAsync(HttpStatusCode.NotFound);

        var created = await office.PostAsJsonAsync(url, new { orgnr = Asker, ownerName = "Kari", indicator = "Saker", baseline = 1, target = 2 });
        var benefit = (await created.ReadJsonAsync()).GetProperty("id").GetInt32();
        await (await office.PostAsJsonAsync($"/api/benefits/{benefit}/measurements", new { period = "2026-06-30", value = -3 })).AssertProblemAsync(HttpStatusCode.BadRequest, "FIN-8");
        await (await office.PostAsJsonAsync("/api/benefits/999999/measurements", new { period = "2026-06-30", value = 3 })).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(1, await App.CountAsync(db => db.Benefits.Where(b => b.ProjectId == id)));
        Assert.Equal(0, await App.WithDbAsync(db => db.Benefits.Where(b => b.ProjectId == id).SelectMany(b => b.Measurements).CountAsync()));
    }

    [Fact]
    public async Task FIN_9_importing_into_an_unknown_project_is_a_problem_and_a_negative_amount_is_refused()
    {
        var (id, office, _, _) = await ProjectAsync();
        await (await office.PostAsync("/api/projects/999999/expenditures/import", new StringContent("date,amount,description\n2026-11-01,5,X\n", System.Text.Encoding.UTF8, "text/csv")))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        await (await office.PostAsync($"/api/projects/{id}/expenditures/import", new StringContent("date,amount,description\n2026-11-01,-5,X\n", System.Text.Encoding.UTF8, "text/csv")))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0, await App.CountAsync(db => db.Expenditures.Where(e => e.ProjectId == id)));
    }
}

public sealed class ProjectFollowUpTestsOnSqlite(SqliteHost host) : ProjectFollowUpTests(host), IClassFixture<SqliteHost>;

public sealed class ProjectFollowUpTestsOnPostgres(PostgresHost host) : ProjectFollowUpTests(host), IClassFixture<PostgresHost>;
