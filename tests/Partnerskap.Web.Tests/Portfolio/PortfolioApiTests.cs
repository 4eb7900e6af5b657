using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Testing;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Tests.Portfolio;

/// <summary>The portfolio through the API on SQLite and PostgreSQL: FIN-7 plans, the FIN-9 guard, escalations, MEM-5.</summary>
public abstract class PortfolioApiTests(AppHost host)
{
    private const string P = "/api/partnerships/digiviken";
    private const string Asker = "920125298";
    private const string Baerum = "935478715";
    private PartnerskapFactory App => host.App;

    private static async Task<int> NewProjectAsync(HttpClient office, string? name = null)
    {
        var r = await office.PostAsJsonAsync($"{P}/projects", new { name = name ?? $"Prosjekt {Guid.NewGuid():N}", kind = "project", ownerOrgnr = Asker, participants = new[] { Asker, Baerum } });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (await r.ReadJsonAsync()).GetProperty("id").GetInt32();
    }

    private static async Task<int> ProposeAsync(HttpClient office, int id, decimal amount)
    {
        var r = await office.PostAsJsonAsync($"/api/projects/{id}/financing-plans", new { sources = new[] { new { kind = "grant", description = "Skjønnsmidler fra Statsforvalteren", amount } } });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (await r.ReadJsonAsync()).GetProperty("version").GetInt32();
    }

    private async Task<int> ApprovedProjectAsync(HttpClient office, decimal amount)
    {
        var id = await NewProjectAsync(office);
        var version = await ProposeAsync(office, id, amount);
        var board = await Governance.BoardMemberAsync(App);
        var r = await board.PostAsJsonAsync($"/api/projects/{id}/financing-plans/{version}/approve", new { decisionRef = await Governance.DecisionAsync(App, $"Finansieringsplan {id}") });
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        return id;
    }

    private static Task<HttpResponseMessage> SpendAsync(HttpClient c, int id, decimal amount) =>
        c.PostAsJsonAsync($"/api/projects/{id}/expenditures", new { date = "2026-11-20", amount, description = "Konsulentbistand" });

    [Fact]
    public async Task PUR_5_a_project_is_created_with_owner_and_participants_and_read_back()
    {
        var office = await App.LoginAsOfficeAsync();
        var id = await NewProjectAsync(office, "Felles innbyggerdialog");
        var p = await office.GetJsonAsync($"/api/projects/{id}");
        Assert.Equal("Felles innbyggerdialog", p.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, p.GetProperty("approvedFinancing").ValueKind);
        Assert.Equal(0m, p.GetProperty("spent").GetDecimal());
        Assert.Equal(JsonValueKind.Null, p.GetProperty("forecast").ValueKind);
        Assert.Empty(p.GetProperty("escalations").EnumerateArray());
        Assert.Equal(2, p.GetProperty("participants").GetArrayLength());
        Assert.Contains((await office.GetJsonAsync($"{P}/projects")).EnumerateArray(), r => r.GetProperty("id").GetInt32() == id);
        var csv = await office.GetStringAsync($"{P}/projects/csv", TestContext.Current.CancellationToken);
        Assert.Contains($"{id};\"Felles innbyggerdialog\";project;idea;active;{Asker};", csv, StringComparison.Ordinal);
        await (await office.PostAsJsonAsync($"{P}/projects", new { name = "X", kind = "programme", ownerOrgnr = Asker })).AssertProblemAsync(HttpStatusCode.BadRequest, "PUR-5");
    }

    [Fact]
    public async Task MEM_5_a_non_member_or_exited_member_cannot_participate()
    {
        var office = await App.LoginAsOfficeAsync();
        await (await office.PostAsJsonAsync($"{P}/projects", new { name = "X", kind = "project", ownerOrgnr = Asker, participants = new[] { TestData.NextOrgnr() } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "MEM-5");

        var exited = TestData.NextOrgnr();
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync($"{P}/members", new { orgnr = exited, name = "Utmeldt AS", kind = "other", joinedOn = "2022-01-01" })).StatusCode);
        var notice = await office.PostAsJsonAsync($"{P}/members/{exited}/resignation", new
        {
            receivedOn = "2024-03-01",
            document = new { fileName = "oppsigelse.pdf", contentType = "application/pdf", contentBase64 = Convert.ToBase64String("%PDF-1.4 oppsigelse"u8.ToArray()) },
        });
        Assert.Equal(HttpStatusCode.Created, notice.StatusCode);
        var before = await App.CountAsync(db => db.Projects);
        await (await office.PostAsJsonAsync($"{P}/projects", new { name = "Y", kind = "procurement", ownerOrgnr = Asker, participants = new[] { exited } }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "MEM-5");
        Assert.Equal(before, await App.CountAsync(db => db.Projects));

        var id = await NewProjectAsync(office);
        await (await office.PostAsJsonAsync($"/api/projects/{id}/participants", new { orgnr = exited })).AssertProblemAsync(HttpStatusCode.Conflict, "MEM-5");
    }

    [Fact]
    public async Task FIN_7_a_plan_is_proposed_then_approved_by_a_board_decision()
    {
        var office = await App.LoginAsOfficeAsync();
        var id = await NewProjectAsync(office);
        var version = await ProposeAsync(office, id, 500_000m);
        Assert.Equal(1, version);
        Assert.Equal(JsonValueKind.Null, (await office.GetJsonAsync($"/api/projects/{id}")).GetProperty("approvedFinancing").ValueKind);

        var board = await Governance.BoardMemberAsync(App);
        // Approving without a board decision is refused.
        await (await board.PostAsJsonAsync($"/api/projects/{id}/financing-plans/1/approve", new { })).AssertProblemAsync(HttpStatusCode.BadRequest, "FIN-7");
        await (await board.PostAsJsonAsync($"/api/projects/{id}/financing-plans/1/approve", new { decisionRef = "PS-1999/999 (ikke i registeret)" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "FIN-7");
        var decision = await Governance.DecisionAsync(App, "Finansieringsplan");
        // The office administers, but board decisions are the board's (ORG-2).
        await (await office.PostAsJsonAsync($"/api/projects/{id}/financing-plans/1/approve", new { decisionRef = decision })).AssertProblemAsync(HttpStatusCode.Forbidden, "ORG-2");

        var ok = await board.PostAsJsonAsync($"/api/projects/{id}/financing-plans/1/approve", new { decisionRef = decision });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var p = await office.GetJsonAsync($"/api/projects/{id}");
        Assert.Equal(500_000m, p.GetProperty("approvedFinancing").GetDecimal());
        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(a => a.DecisionRef == decision).CountAsync());
        Assert.True(audit > 0, "the approval is audited with its decision");
    }

    [Fact]
    public async Task FIN_7_a_decision_recorded_in_the_register_with_the_approve_effect_approves_the_plan_and_opens_no_side_door()
    {
        var office = await App.LoginAsOfficeAsync();
        var id = await NewProjectAsync(office);
        await ProposeAsync(office, id, 75_000m);
        Assert.True(await App.CountAsync(db => db.Cases.Where(c => c.Link == $"project:{id}")) == 1, "FIN-7: the proposed plan goes to the board as a case");

        // A decision whose effect fails (no such version) is not recorded either: one transaction.
        var decisionsBefore = await App.CountAsync(db => db.Decisions);
        await Assert.ThrowsAsync<Domain.Common.RuleViolation>(() =>
            Governance.DecisionAsync(App, "Feil versjon", Web.Features.Portfolio.ApproveFinancingPlanEffect.EffectName, $"project:{id}/version:9"));
        Assert.Equal(decisionsBefore, await App.CountAsync(db => db.Decisions));

        var number = await Governance.DecisionAsync(App, "Godkjent finansieringsplan", Web.Features.Portfolio.ApproveFinancingPlanEffect.EffectName, $"project:{id}/version:1");
        var p = await office.GetJsonAsync($"/api/projects/{id}");
        Assert.Equal(75_000m, p.GetProperty("approvedFinancing").GetDecimal());
        var plan = (await office.GetJsonAsync($"/api/projects/{id}/financing-plans"))[0];
        Assert.Equal(number, plan.GetProperty("decisionRef").GetString());

        // An observer seat is not a voting seat (ORG-2).
        var observer = await Governance.BoardMemberAsync(App, "observer");
        await ProposeAsync(office, id, 80_000m);
        await (await observer.PostAsJsonAsync($"/api/projects/{id}/financing-plans/2/approve", new { decisionRef = number })).AssertProblemAsync(HttpStatusCode.Forbidden, "ORG-2");
    }

    [Fact]
    public async Task FIN_9_a_decision_recorded_in_the_register_with_the_escalation_effect_decides_it()
    {
        var office = await App.LoginAsOfficeAsync();
        var id = await ApprovedProjectAsync(office, 50_000m);
        await (await SpendAsync(office, id, 60_000m)).AssertProblemAsync(HttpStatusCode.Conflict, "FIN-9");
        var escalation = (await office.GetJsonAsync($"/api/projects/{id}")).GetProperty("escalations")[0];
        var eid = escalation.GetProperty("id").GetInt32();
        Assert.NotEqual(JsonValueKind.Null, escalation.GetProperty("boardCaseId").ValueKind); // a case for the board
        Assert.Equal(1, await App.CountAsync(db => db.Cases.Where(c => c.Link == $"escalation:{eid}" && c.Kind == Domain.Board.CaseKind.Escalation)));

        await Governance.DecisionAsync(App, "Økt ramme", Web.Features.Portfolio.EscalationDecisionEffect.EffectName, $"escalation:{eid}/increase-financing/70000");
        var p = await office.GetJsonAsync($"/api/projects/{id}");
        Assert.Equal(70_000m, p.GetProperty("approvedFinancing").GetDecimal());
        Assert.Equal("decided", p.GetProperty("escalations")[0].GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Created, (await SpendAsync(office, id, 60_000m)).StatusCode);
    }

    [Fact]
    public async Task FIN_7_a_plan_whose_sources_do_not_add_up_is_refused_and_nothing_is_saved()
    {
        var office = await App.LoginAsOfficeAsync();
        var id = await NewProjectAsync(office);
        await (await office.PostAsJsonAsync($"/api/projects/{id}/financing-plans", new
        {
            total = 300_000,
            sources = new object[] { new { kind = "base-funding", description = "Grunnfinansiering", amount = 100_000 }, new { kind = "grant", description = "Tilskudd", amount = 150_000 } },
        })).AssertProblemAsync(HttpStatusCode.BadRequest, "FIN-7");
        await (await office.PostAsJsonAsync($"/api/projects/{id}/financing-plans", new
        {
            sources = new object[]
            {
                new { kind = "member-contribution", description = "Bidrag", amount = 100_000, key = "custom", shares = new[] { new { orgnr = Asker, amount = 50_000 }, new { orgnr = Baerum, amount = 40_000 } } },
            },
        })).AssertProblemAsync(HttpStatusCode.BadRequest, "FIN-7");
        await (await office.PostAsJsonAsync($"/api/projects/{id}/financing-plans", new { sources = new[] { new { kind = "grant", description = "Minus", amount = -1 } } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "FIN-7");
        Assert.Equal(0, await App.CountAsync(db => db.FinancingPlans.Where(f => f.ProjectId == id)));

        var ok = await office.PostAsJsonAsync($"/api/projects/{id}/financing-plans", new
        {
            total = 250_000,
            sources = new object[]
            {
                new { kind = "base-funding", description = "Grunnfinansiering", amount = 150_000 },
                new { kind = "member-contribution", description = "Bidrag", amount = 100_000, key = "custom", shares = new[] { new { orgnr = Asker, amount = 60_000 }, new { orgnr = Baerum, amount = 40_000 } } },
            },
        });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
    }

    [Fact]
    public async Task FIN_9_expenditure_beyond_approved_financing_is_refused_nothing_recorded_escalation_raised_once()
    {
        var office = await App.LoginAsOfficeAsync();
        var id = await ApprovedProjectAsync(office, 100_000m);
        Assert.Equal(HttpStatusCode.Created, (await SpendAsync(office, id, 80_000m)).StatusCode);
        var mailBefore = App.SentMail().Count;

        await (await SpendAsync(office, id, 20_000.01m)).AssertProblemAsync(HttpStatusCode.Conflict, "FIN-9");
        await (await SpendAsync(office, id, 50_000m)).AssertProblemAsync(HttpStatusCode.Conflict, "FIN-9");

        var p = await office.GetJsonAsync($"/api/projects/{id}");
        Assert.Equal(80_000m, p.GetProperty("spent").GetDecimal());
        Assert.Equal(1, await App.CountAsync(db => db.Expenditures.Where(e => e.ProjectId == id)));
        var escalation = Assert.Single(p.GetProperty("escalations").EnumerateArray());
        Assert.Equal("open", escalation.GetProperty("status").GetString());
        Assert.Equal(mailBefore + 1, App.SentMail().Count); // one notice, not one per attempt

        // Within the limit, spending goes on while the board considers the escalation.
        Assert.Equal(HttpStatusCode.Created, (await SpendAsync(office, id, 20_000m)).StatusCode);
        await (await SpendAsync(office, id, -5m)).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task FIN_9_no_spending_before_a_plan_is_approved()
    {
        var office = await App.LoginAsOfficeAsync();
        var id = await NewProjectAsync(office);
        await ProposeAsync(office, id, 10_000m);
        await (await SpendAsync(office, id, 1m)).AssertProblemAsync(HttpStatusCode.Conflict, "FIN-7");
    }

    [Fact]
    public async Task FIN_9_forecast_above_approved_raises_an_escalation_at_once_and_notifies_board_and_participants()
    {
        var office = await App.LoginAsOfficeAsync();
        var contact = $"digi-{Guid.NewGuid():N}@baerum.kommune.no";
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync($"{P}/members/{Baerum}/contacts",
            new { name = "Digitaliseringsleder Bærum", email = contact, role = "head-of-digitalisation", from = "2026-01-01" })).StatusCode);
        var id = await ApprovedProjectAsync(office, 200_000m);

        var near = await (await office.PutAsJsonAsync($"/api/projects/{id}/forecast", new { expectedTotalCost = 190_000 })).ReadJsonAsync();
        Assert.Equal("early-warning", near.GetProperty("verdict").GetString());
        Assert.Empty((await office.GetJsonAsync($"/api/projects/{id}")).GetProperty("escalations").EnumerateArray());

        var mailBefore = App.SentMail().ToHashSet();
        var over = await office.PutAsJsonAsync($"/api/projects/{id}/forecast", new { expectedTotalCost = 240_000 });
        Assert.Equal(HttpStatusCode.OK, over.StatusCode);
        Assert.Equal("deficit", (await over.ReadJsonAsync()).GetProperty("verdict").GetString());
        var p = await office.GetJsonAsync($"/api/projects/{id}");
        Assert.Equal(240_000m, p.GetProperty("forecast").GetDecimal());
        Assert.Single(p.GetProperty("escalations").EnumerateArray());

        var mail = Assert.Single(App.SentMail(), m => !mailBefore.Contains(m));
        var text = await File.ReadAllTextAsync(mail, TestContext.Current.CancellationToken);
        Assert.Contains(contact, text, StringComparison.Ordinal);
        Assert.Contains(Governance.LastBoardEmail!, text, StringComparison.Ordinal);

        // A second forecast above the limit while the escalation is open raises nothing more.
        Assert.Equal(HttpStatusCode.OK, (await office.PutAsJsonAsync($"/api/projects/{id}/forecast", new { expectedTotalCost = 260_000 })).StatusCode);
        Assert.Single((await office.GetJsonAsync($"/api/projects/{id}")).GetProperty("escalations").EnumerateArray());
    }

    [Fact]
    public async Task FIN_9_the_board_decides_increase_financing_with_a_new_approved_plan()
    {
        var office = await App.LoginAsOfficeAsync();
        var id = await ApprovedProjectAsync(office, 100_000m);
        await (await SpendAsync(office, id, 120_000m)).AssertProblemAsync(HttpStatusCode.Conflict, "FIN-9");
        var eid = (await office.GetJsonAsync($"/api/projects/{id}")).GetProperty("escalations")[0].GetProperty("id").GetInt32();

        await (await office.PostAsJsonAsync($"/api/projects/{id}/escalations/{eid}/decision", new { decisionRef = "x", outcome = "stop" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        var board = await Governance.BoardMemberAsync(App);
        await (await board.PostAsJsonAsync($"/api/projects/{id}/escalations/{eid}/decision", new { outcome = "stop" })).AssertProblemAsync(HttpStatusCode.BadRequest, "FIN-9");
        var decision = await Governance.DecisionAsync(App, "Økt ramme");
        var ok = await board.PostAsJsonAsync($"/api/projects/{id}/escalations/{eid}/decision", new { decisionRef = decision, outcome = "increase-financing", newApprovedFinancing = 150_000 });
        Assert.True(ok.StatusCode == HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());

        var p = await office.GetJsonAsync($"/api/projects/{id}");
        Assert.Equal(150_000m, p.GetProperty("approvedFinancing").GetDecimal());
        Assert.Equal("decided", p.GetProperty("escalations")[0].GetProperty("status").GetString());
        var plans = await office.GetJsonAsync($"/api/projects/{id}/financing-plans");
        Assert.Equal(["superseded", "approved"], plans.EnumerateArray().Select(x => x.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.Created, (await SpendAsync(office, id, 120_000m)).StatusCode);
    }

    [Fact]
    public async Task FIN_9_the_board_decides_stop_and_spending_ends()
    {
        var office = await App.LoginAsOfficeAsync();
        var id = await ApprovedProjectAsync(office, 10_000m);
        Assert.Equal(HttpStatusCode.OK, (await office.PutAsJsonAsync($"/api/projects/{id}/forecast", new { expectedTotalCost = 20_000 })).StatusCode);
        var eid = (await office.GetJsonAsync($"/api/projects/{id}")).GetProperty("escalations")[0].GetProperty("id").GetInt32();
        var board = await Governance.BoardMemberAsync(App);
        var decision = await Governance.DecisionAsync(App, "Stans");
        Assert.Equal(HttpStatusCode.OK, (await board.PostAsJsonAsync($"/api/projects/{id}/escalations/{eid}/decision", new { decisionRef = decision, outcome = "stop" })).StatusCode);
        Assert.Equal("stopped", (await office.GetJsonAsync($"/api/projects/{id}")).GetProperty("status").GetString());
        await (await SpendAsync(office, id, 1m)).AssertProblemAsync(HttpStatusCode.Conflict, "FIN-9");
        await (await board.PostAsJsonAsync($"/api/projects/{id}/escalations/{eid}/decision", new { decisionRef = decision, outcome = "stop" })).AssertProblemAsync(HttpStatusCode.Conflict, "FIN-9");
    }

    [Fact]
    public async Task FIN_9_concurrent_spends_that_together_exceed_the_limit_do_not_both_pass()
    {
        var office = await App.LoginAsOfficeAsync();
        var id = await ApprovedProjectAsync(office, 100_000m);
        var clients = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => App.LoginAsOfficeAsync()));

        // Six requests of 30 000 against 100 000: exactly three fit.
        var responses = await Task.WhenAll(clients.Select(c => SpendAsync(c, id, 30_000m)));

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var amounts = await App.WithDbAsync(db => db.Expenditures.Where(e => e.ProjectId == id).Select(e => e.Amount).ToListAsync());
        Assert.Equal(90_000m, amounts.Sum());
        Assert.Equal(90_000m, (await office.GetJsonAsync($"/api/projects/{id}")).GetProperty("spent").GetDecimal());
        Assert.Equal(1, await App.CountAsync(db => db.Escalations.Where(e => e.ProjectId == id))); // raised once
    }

    private static Task<HttpResponseMessage> ImportAsync(HttpClient c, int id, string csv) =>
        c.PostAsync($"/api/projects/{id}/expenditures/import", new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"));

    [Fact]
    public async Task FIN_9_a_ledger_import_is_all_or_nothing()
    {
        var office = await App.LoginAsOfficeAsync();
        var id = await ApprovedProjectAsync(office, 100_000m);

        // A bad row: 400 naming it, nothing stored.
        var bad = await ImportAsync(office, id, "date,amount,description\n2026-11-01,10000,Konsulent\n2026-11-02,-5,Kreditnota\n2026-13-01,5,Feil dato\n");
        var problem = await bad.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Line 3", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("Line 4", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await App.CountAsync(db => db.Expenditures.Where(e => e.ProjectId == id)));

        // Rows that together exceed the limit: 409 FIN-9, nothing stored, escalation raised.
        await (await ImportAsync(office, id, "date;amount;description\n2026-11-01;60 000,50;Konsulent\n2026-11-02;40000;Lisenser\n")).AssertProblemAsync(HttpStatusCode.Conflict, "FIN-9");
        Assert.Equal(0, await App.CountAsync(db => db.Expenditures.Where(e => e.ProjectId == id)));
        Assert.Equal(1, await App.CountAsync(db => db.Escalations.Where(e => e.ProjectId == id)));

        var ok = await ImportAsync(office, id, "date;amount;description\n2026-11-01;60 000,50;Konsulent\n2026-11-02;39999,50;Lisenser\n");
        Assert.Equal(2, (await ok.ReadJsonAsync()).GetProperty("imported").GetInt32());
        Assert.Equal(100_000m, (await office.GetJsonAsync($"/api/projects/{id}")).GetProperty("spent").GetDecimal());
    }

    [Fact]
    public async Task FIN_8_benefits_per_participating_member_reported_by_the_member_with_who_has_not_reported()
    {
        var office = await App.LoginAsOfficeAsync();
        var id = await NewProjectAsync(office);
        async Task<int> AddAsync(string orgnr, string owner)
        {
            var r = await office.PostAsJsonAsync($"/api/projects/{id}/benefits", new { orgnr, ownerName = owner, indicator = "Saksbehandlingstid (dager)", unit = "dager", baseline = 30, target = 10 });
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            return (await r.ReadJsonAsync()).GetProperty("id").GetInt32();
        }

        var asker = await AddAsync(Asker, "Kari Nordmann");
        await AddAsync(Baerum, "Ola Nordmann");
        await (await office.PostAsJsonAsync($"/api/projects/{id}/benefits", new { orgnr = "959159092", ownerName = "X", indicator = "Y", baseline = 0, target = 1 }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "FIN-8");

        var baerumEmail = $"baerum-{Guid.NewGuid():N}@test.local";
        await App.CreateUserAsync(baerumEmail, Roles.MemberContact, Baerum);
        var baerum = await App.LoginAsync(baerumEmail);
        await (await baerum.PostAsJsonAsync($"/api/benefits/{asker}/measurements", new { period = "2026-06-30", value = 20 })).AssertProblemAsync(HttpStatusCode.Forbidden, "FIN-8");

        var askerEmail = $"asker-{Guid.NewGuid():N}@test.local";
        await App.CreateUserAsync(askerEmail, Roles.MemberContact, Asker);
        var askerClient = await App.LoginAsync(askerEmail);
        Assert.Equal(HttpStatusCode.Created, (await askerClient.PostAsJsonAsync($"/api/benefits/{asker}/measurements", new { period = "2026-06-30", value = 20 })).StatusCode);

        var overview = await office.GetJsonAsync($"/api/projects/{id}/benefits?period=2026-06-30");
        Assert.Equal([Baerum], overview.GetProperty("notReported").EnumerateArray().Select(x => x.GetString()));
        var mine = overview.GetProperty("benefits").EnumerateArray().Single(b => b.GetProperty("orgnr").GetString() == Asker);
        Assert.Equal(0.5m, mine.GetProperty("achieved").GetDecimal());
    }

    [Fact]
    public async Task A_project_of_another_partnership_is_not_visible_to_a_member_contact()
    {
        var office = await App.LoginAsOfficeAsync();
        var slug = $"annet-{Guid.NewGuid():N}"[..20];
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync("/api/partnerships", new { slug, name = "Annet partnerskap", agreementInForceFrom = "2024-01-01" })).StatusCode);
        var owner = TestData.NextOrgnr();
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync($"/api/partnerships/{slug}/members", new { orgnr = owner, name = "Eier AS", kind = "other", joinedOn = "2024-01-01" })).StatusCode);
        var r = await office.PostAsJsonAsync($"/api/partnerships/{slug}/projects", new { name = "Hemmelig", kind = "project", ownerOrgnr = owner, participants = Array.Empty<string>() });
        var id = (await r.ReadJsonAsync()).GetProperty("id").GetInt32();

        var email = $"asker-{Guid.NewGuid():N}@test.local";
        await App.CreateUserAsync(email, Roles.MemberContact, Asker);
        var asker = await App.LoginAsync(email);
        await (await asker.GetAsync($"/api/projects/{id}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await asker.GetAsync("/api/projects/999999")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class PortfolioApiTestsOnSqlite(SqliteHost host) : PortfolioApiTests(host), IClassFixture<SqliteHost>;

public sealed class PortfolioApiTestsOnPostgres(PostgresHost host) : PortfolioApiTests(host), IClassFixture<PostgresHost>;
