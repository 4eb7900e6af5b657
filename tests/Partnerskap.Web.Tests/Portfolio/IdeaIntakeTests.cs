using System.Net;
using System.Net.Http.Json;
using Partnerskap.Testing;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Tests.Portfolio;

/// <summary>PUR-5 idea intake: a member contact submits, the office assesses (a recommendation opens a board case), a board decision makes it a project.</summary>
public abstract class IdeaIntakeTests(AppHost host)
{
    private const string P = "/api/partnerships/digiviken";
    private const string Asker = "920125298";
    private PartnerskapFactory App => host.App;

    [Fact]
    public async Task PUR_5_an_idea_goes_from_a_member_through_the_office_and_a_board_decision_to_a_project_carrying_its_data()
    {
        var email = $"asker-{Guid.NewGuid():N}@test.local";
        await App.CreateUserAsync(email, Roles.MemberContact, Asker);
        var asker = await App.LoginAsync(email);
        var office = await App.LoginAsOfficeAsync();

        await (await asker.PostAsJsonAsync($"{P}/ideas", new { title = " " })).AssertProblemAsync(HttpStatusCode.BadRequest, "PUR-5");
        await (await asker.PostAsJsonAsync($"{P}/ideas", new { title = "X", orgnr = "935478715" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        var r = await asker.PostAsJsonAsync($"{P}/ideas", new { title = "Felles KI-veileder", description = "En veileder for innbyggere." });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var idea = await r.ReadJsonAsync();
        var id = idea.GetProperty("id").GetInt32();
        Assert.Equal(Asker, idea.GetProperty("orgnr").GetString());
        Assert.Equal("submitted", idea.GetProperty("status").GetString());

        // Only the office assesses; a project needs a recommendation first, and a board decision in the register.
        Assert.Equal(HttpStatusCode.Forbidden, (await asker.PostAsJsonAsync($"/api/ideas/{id}/assessment", new { recommend = true, assessment = "Bra" })).StatusCode);
        await (await office.PostAsJsonAsync($"/api/ideas/{id}/project", new { decisionRef = "2026/1" })).AssertProblemAsync(HttpStatusCode.Conflict, "PUR-5");
        await (await office.PostAsJsonAsync($"/api/ideas/{id}/assessment", new { recommend = true })).AssertProblemAsync(HttpStatusCode.BadRequest, "PUR-5");
        var assessed = await office.PostAsJsonAsync($"/api/ideas/{id}/assessment", new { recommend = true, assessment = "Flere kommuner har samme behov." });
        Assert.Equal(HttpStatusCode.OK, assessed.StatusCode);
        var a = await assessed.ReadJsonAsync();
        Assert.Equal("recommended", a.GetProperty("status").GetString());
        Assert.Equal(1, await App.CountAsync(db => db.Cases.Where(c => c.Link == $"idea:{id}")));

        await (await office.PostAsJsonAsync($"/api/ideas/{id}/project", new { decisionRef = "PS-1999/1 (ikke i registeret)" })).AssertProblemAsync(HttpStatusCode.Conflict, "PUR-5");
        Assert.Equal(0, await App.CountAsync(db => db.Projects.Where(p => p.Name == "Felles KI-veileder")));
        var decision = await Governance.DecisionAsync(App, "Felles KI-veileder prioriteres");
        var made = await office.PostAsJsonAsync($"/api/ideas/{id}/project", new { decisionRef = decision });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var projectId = (await made.ReadJsonAsync()).GetProperty("projectId").GetInt32();
        var project = await office.GetJsonAsync($"/api/projects/{projectId}");
        Assert.Equal("Felles KI-veileder", project.GetProperty("name").GetString());
        Assert.Equal(Asker, project.GetProperty("ownerOrgnr").GetString());
        Assert.Equal("idea", project.GetProperty("phase").GetString());
        await (await office.PostAsJsonAsync($"/api/ideas/{id}/project", new { decisionRef = decision })).AssertProblemAsync(HttpStatusCode.Conflict, "PUR-5");
        await (await office.PostAsJsonAsync($"/api/ideas/{id}/assessment", new { recommend = false, assessment = "For sent" })).AssertProblemAsync(HttpStatusCode.Conflict, "PUR-5");

        Assert.Contains((await asker.GetJsonAsync($"{P}/ideas")).EnumerateArray(), x => x.GetProperty("id").GetInt32() == id && x.GetProperty("status").GetString() == "project");
        var page = await asker.GetStringAsync("/digiviken/portfolio/ideas", TestContext.Current.CancellationToken);
        Assert.Contains("Felles KI-veileder", page, StringComparison.Ordinal);
        Assert.Contains("Send inn ideen", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Lagre vurderingen", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MEM_5_the_office_submits_for_a_member_with_rights_only()
    {
        var office = await App.LoginAsOfficeAsync();
        await (await office.PostAsJsonAsync($"{P}/ideas", new { title = "Uten medlem" })).AssertProblemAsync(HttpStatusCode.BadRequest, "MEM-5");
        await (await office.PostAsJsonAsync($"{P}/ideas", new { title = "Ukjent", orgnr = TestData.NextOrgnr() })).AssertProblemAsync(HttpStatusCode.BadRequest, "MEM-5");
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync($"{P}/ideas", new { title = "Fra kontoret", orgnr = Asker })).StatusCode);
        await (await office.PostAsJsonAsync("/api/ideas/999999/assessment", new { recommend = true, assessment = "x" })).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class IdeaIntakeTestsOnSqlite(SqliteHost host) : IdeaIntakeTests(host), IClassFixture<SqliteHost>;

public sealed class IdeaIntakeTestsOnPostgres(PostgresHost host) : IdeaIntakeTests(host), IClassFixture<PostgresHost>;
