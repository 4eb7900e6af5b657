using System.Net;
using System.Net.Http.Json;
using Partnerskap.Testing;

namespace Partnerskap.Web.Tests.Portfolio;

/// <summary>FIN-5 base budget, FIN-4 grants, FIN-3 in-kind contributions through the API and the pages, on SQLite and PostgreSQL.</summary>
public abstract class FundingApiTests(AppHost host)
{
    private const string P = "/api/partnerships/digiviken";
    private const string Asker = "920125298";
    private const string Baerum = "935478715";
    private PartnerskapFactory App => host.App;

    [Fact]
    public async Task FIN_5_the_base_budget_shows_whether_fees_and_granted_base_funding_grants_cover_the_two_positions()
    {
        var office = await App.LoginAsOfficeAsync();
        const int year = 2031;
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync($"{P}/base-budget/{year}/lines", new { kind = "fees", description = "Kontingent", budgeted = 2_000_000m })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync($"{P}/base-budget/{year}/lines", new { kind = "positions", description = "To stillinger", budgeted = 2_400_000m, actual = 1_000_000m })).StatusCode);
        var before = await office.GetJsonAsync($"{P}/base-budget/{year}");
        Assert.False(before.GetProperty("budget").GetProperty("coversPositions").GetBoolean());
        Assert.Equal(-400_000m, before.GetProperty("budget").GetProperty("balance").GetDecimal());

        // FIN-4 → FIN-5: a granted base-funding grant is income of its year.
        var grant = await office.PostAsJsonAsync($"{P}/grants", new { funder = "Statsforvalteren i Oslo og Viken", purpose = "base-funding", year, applied = 600_000m, appliedOn = "2026-03-01" });
        Assert.Equal(HttpStatusCode.Created, grant.StatusCode);
        var gid = (await grant.ReadJsonAsync()).GetProperty("id").GetInt32();
        Assert.False((await office.GetJsonAsync($"{P}/base-budget/{year}")).GetProperty("budget").GetProperty("coversPositions").GetBoolean());
        var award = await office.PutAsJsonAsync($"/api/grants/{gid}", new { granted = 500_000m, conditions = "Rapport", reportingDeadline = "2032-03-01" });
        Assert.Equal(HttpStatusCode.OK, award.StatusCode);
        Assert.Equal("granted", (await award.ReadJsonAsync()).GetProperty("status").GetString());
        var after = await office.GetJsonAsync($"{P}/base-budget/{year}");
        Assert.True(after.GetProperty("budget").GetProperty("coversPositions").GetBoolean());
        Assert.Equal(2_500_000m, after.GetProperty("budget").GetProperty("income").GetDecimal());
        Assert.Equal(100_000m, after.GetProperty("budget").GetProperty("roomForSmallProjects").GetDecimal());

        await (await office.PostAsJsonAsync($"{P}/base-budget/{year}/lines", new { kind = "fees", description = "Feil", budgeted = -1m })).AssertProblemAsync(HttpStatusCode.BadRequest, "FIN-5");
        await (await office.PostAsJsonAsync($"{P}/base-budget/{year}/lines", new { kind = "salary", description = "Feil", budgeted = 1m })).AssertProblemAsync(HttpStatusCode.BadRequest, "FIN-5");

        var page = await office.GetStringAsync($"/digiviken/portfolio/funding?year={year}", TestContext.Current.CancellationToken);
        Assert.Contains("Statsforvalteren i Oslo og Viken", page, StringComparison.Ordinal);
        Assert.Contains("Dekker de to stillingene", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FIN_4_grants_are_applied_granted_and_received_within_their_amounts_and_back_the_projects_plan()
    {
        var office = await App.LoginAsOfficeAsync();
        var r = await office.PostAsJsonAsync($"{P}/projects", new { name = $"Tilskuddsprosjekt {Guid.NewGuid():N}", kind = "project", ownerOrgnr = Asker, participants = new[] { Asker, Baerum } });
        var id = (await r.ReadJsonAsync()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync($"/api/projects/{id}/financing-plans", new
        {
            sources = new object[] { new { kind = "grant", description = "Statsforvalteren", amount = 300_000m }, new { kind = "base-funding", description = "Grunnfinansiering", amount = 100_000m } },
        })).StatusCode);
        var g = await office.PostAsJsonAsync($"{P}/grants", new { funder = "Statsforvalteren", purpose = "project", projectId = id, applied = 300_000m });
        Assert.Equal(HttpStatusCode.Created, g.StatusCode);
        var gid = (await g.ReadJsonAsync()).GetProperty("id").GetInt32();
        var grants = await office.GetJsonAsync($"/api/projects/{id}/grants");
        Assert.Equal(300_000m, grants.GetProperty("plannedGrants").GetDecimal());
        Assert.Equal(300_000m, grants.GetProperty("notYetGranted").GetDecimal());

        await (await office.PutAsJsonAsync($"/api/grants/{gid}", new { received = 1m })).AssertProblemAsync(HttpStatusCode.Conflict, "FIN-4");
        await (await office.PutAsJsonAsync($"/api/grants/{gid}", new { granted = 300_001m })).AssertProblemAsync(HttpStatusCode.BadRequest, "FIN-4");
        Assert.Equal(HttpStatusCode.OK, (await office.PutAsJsonAsync($"/api/grants/{gid}", new { granted = 200_000m, received = 50_000m })).StatusCode);
        Assert.Equal(100_000m, (await office.GetJsonAsync($"/api/projects/{id}/grants")).GetProperty("notYetGranted").GetDecimal());
        await (await office.PutAsJsonAsync($"/api/grants/{gid}", new { received = 200_001m })).AssertProblemAsync(HttpStatusCode.BadRequest, "FIN-4");

        await (await office.PostAsJsonAsync($"{P}/grants", new { funder = "", applied = 1m })).AssertProblemAsync(HttpStatusCode.BadRequest, "FIN-4");
        await (await office.PostAsJsonAsync($"{P}/grants", new { funder = "KS", purpose = "project", projectId = 999999, applied = 1m })).AssertProblemAsync(HttpStatusCode.BadRequest, "FIN-4");
        await (await office.PutAsJsonAsync("/api/grants/999999", new { granted = 1m })).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains((await office.GetJsonAsync($"{P}/grants")).EnumerateArray(), x => x.GetProperty("id").GetInt32() == gid && x.GetProperty("status").GetString() == "received");

        var page = await office.GetStringAsync($"/digiviken/portfolio/{id}", TestContext.Current.CancellationToken);
        Assert.Contains("Ikke innvilget ennå", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FIN_3_in_kind_contributions_are_recorded_per_member_change_no_money_and_are_never_invoiced()
    {
        var office = await App.LoginAsOfficeAsync();
        var r = await office.PostAsJsonAsync($"{P}/projects", new { name = $"Egeninnsats {Guid.NewGuid():N}", kind = "project", ownerOrgnr = Asker, participants = new[] { Asker, Baerum } });
        var id = (await r.ReadJsonAsync()).GetProperty("id").GetInt32();
        var invoicesBefore = await App.CountAsync(db => db.Invoices);
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync($"/api/projects/{id}/in-kind", new { orgnr = Asker, description = "To saksbehandlere i piloten", hours = 120m, value = 90_000m })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync($"/api/projects/{id}/in-kind", new { orgnr = Asker, description = "Møterom", value = 5_000m })).StatusCode);
        var list = await office.GetJsonAsync($"/api/projects/{id}/in-kind");
        Assert.Equal(2, list.GetProperty("contributions").GetArrayLength());
        var asker = list.GetProperty("perMember").EnumerateArray().Single();
        Assert.Equal(95_000m, asker.GetProperty("value").GetDecimal());
        Assert.Equal(0m, list.GetProperty("invoiceable").GetDecimal());
        var project = await office.GetJsonAsync($"/api/projects/{id}");
        Assert.Equal(0m, project.GetProperty("spent").GetDecimal());
        Assert.Equal(invoicesBefore, await App.CountAsync(db => db.Invoices));

        await (await office.PostAsJsonAsync($"/api/projects/{id}/in-kind", new { orgnr = TestData.NextOrgnr(), description = "x", value = 1m })).AssertProblemAsync(HttpStatusCode.BadRequest, "FIN-3");
        await (await office.PostAsJsonAsync($"/api/projects/{id}/in-kind", new { orgnr = Baerum, description = "x", value = -1m })).AssertProblemAsync(HttpStatusCode.BadRequest, "FIN-3");

        // The page form: a bad value is shown next to the field, nothing recorded.
        var page = await office.GetStringAsync($"/digiviken/portfolio/{id}", TestContext.Current.CancellationToken);
        Assert.Contains("Egeninnsats per medlem", page, StringComparison.Ordinal);
    }
}

public sealed class FundingApiTestsOnSqlite(SqliteHost host) : FundingApiTests(host), IClassFixture<SqliteHost>;

public sealed class FundingApiTestsOnPostgres(PostgresHost host) : FundingApiTests(host), IClassFixture<PostgresHost>;
