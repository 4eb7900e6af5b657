using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Testing;
using Partnerskap.Web.Data;
using Partnerskap.Web.Tests.Fees;

namespace Partnerskap.Web.Tests.Portfolio;

/// <summary>FIN-7: member contributions of an approved financing plan are invoiced like fees, on SQLite and PostgreSQL.</summary>
public abstract class ContributionInvoiceTests(AppHost host)
{
    private const string P = "/api/partnerships/digiviken";
    private const string Asker = "920125298";
    private const string Baerum = "935478715";
    private PartnerskapFactory App => host.App;

    /// <summary>A project with Asker and Bærum, plan version 1: a grant, 300 000 per capita and 50 000 shared equally; approved when asked.</summary>
    private async Task<(int Id, string Decision)> ProjectWithContributionsAsync(HttpClient office, bool approve = true)
    {
        var r = await office.PostAsJsonAsync($"{P}/projects", new { name = $"Felles chatbot {Guid.NewGuid():N}"[..22], kind = "project", ownerOrgnr = Asker, participants = new[] { Asker, Baerum } });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var id = (await r.ReadJsonAsync()).GetProperty("id").GetInt32();
        var plan = await office.PostAsJsonAsync($"/api/projects/{id}/financing-plans", new
        {
            sources = new object[]
            {
                new { kind = "grant", description = "Skjønnsmidler fra Statsforvalteren", amount = 100_000m },
                new { kind = "member-contribution", description = "Bidrag etter innbyggertall", amount = 300_000m, key = "per-capita" },
                new { kind = "member-contribution", description = "Likt bidrag til drift", amount = 50_000m, key = "equal" },
            },
        });
        Assert.Equal(HttpStatusCode.Created, plan.StatusCode);
        if (!approve)
        {
            return (id, "");
        }

        var decision = await Governance.DecisionAsync(App, $"Finansieringsplan {id}");
        var board = await Governance.BoardMemberAsync(App);
        var ok = await board.PostAsJsonAsync($"/api/projects/{id}/financing-plans/1/approve", new { decisionRef = decision });
        Assert.True(ok.StatusCode == HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        return (id, decision);
    }

    [Fact]
    public async Task FIN_7_member_contributions_are_invoiced_once_by_the_cost_sharing_key()
    {
        var office = await App.LoginAsOfficeAsync();
        await office.SetSellerAsync();
        var (id, decision) = await ProjectWithContributionsAsync(office);

        var first = await office.PostAsync($"/api/projects/{id}/financing-plans/1/invoices", null);
        Assert.True(first.StatusCode == HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var run = await first.ReadJsonAsync();
        Assert.Equal(2, run.GetProperty("created").GetInt32());
        var invoices = run.GetProperty("invoices").EnumerateArray().ToList();
        Assert.Equal(350_000m, invoices.Sum(i => i.GetProperty("amount").GetDecimal()));
        var asker = invoices.Single(i => i.GetProperty("orgnr").GetString() == Asker).GetProperty("amount").GetDecimal();
        var baerum = invoices.Single(i => i.GetProperty("orgnr").GetString() == Baerum).GetProperty("amount").GetDecimal();
        // Per capita: Bærum has more inhabitants than Asker, so it pays more of the 300 000; the 50 000 is split equally.
        Assert.True(baerum > asker, $"Bærum {baerum} should pay more than Asker {asker}");
        Assert.Equal(decimal.Round(asker), asker);

        // Idempotent: issuing again creates nothing and returns the same invoices.
        var again = await (await office.PostAsync($"/api/projects/{id}/financing-plans/1/invoices", null)).ReadJsonAsync();
        Assert.Equal(0, again.GetProperty("created").GetInt32());
        Assert.Equal(invoices.Select(i => i.GetProperty("number").GetString()), again.GetProperty("invoices").EnumerateArray().Select(i => i.GetProperty("number").GetString()));

        // The same invoice machinery: the row says project and plan version, audited with the plan's decision.
        var askerId = invoices.Single(i => i.GetProperty("orgnr").GetString() == Asker).GetProperty("id").GetInt32();
        var stored = await App.WithDbAsync(db => db.Invoices.SingleAsync(i => i.Id == askerId));
        Assert.Equal(id, stored.ProjectId);
        Assert.NotNull(stored.FinancingPlanId);
        Assert.Contains("Felles chatbot", stored.Description, StringComparison.Ordinal);
        Assert.Contains("versjon 1", stored.Description, StringComparison.Ordinal);
        Assert.Contains("innbyggertall", stored.Sheet, StringComparison.Ordinal);
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.DecisionRef == decision && a.Entity == "Invoice")) >= 2,
            "the contribution invoices are audited with the decision the plan rests on");
        var pdf = await office.GetAsync($"/api/invoices/{askerId}/pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);

        if (host.Database == TestDatabase.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("ehf-contrib-").FullName;
            var files = new List<string>();
            foreach (var invoiceId in invoices.Select(i => i.GetProperty("id").GetInt32()))
            {
                var path = Path.Combine(folder, $"invoice-{invoiceId}.xml");
                await File.WriteAllTextAsync(path, await office.GetStringAsync($"/api/invoices/{invoiceId}/ehf", TestContext.Current.CancellationToken), Encoding.UTF8,
                    TestContext.Current.CancellationToken);
                files.Add(path);
            }

            var result = EhfValidator.Run(files);
            Assert.True(result.ExitCode == 0, result.Output);
        }
    }

    [Fact]
    public async Task FIN_7_concurrent_contribution_invoicing_invoices_each_member_once_with_gapless_numbers()
    {
        var office = await App.LoginAsOfficeAsync();
        await office.SetSellerAsync();
        var (id, _) = await ProjectWithContributionsAsync(office);
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => App.LoginAsOfficeAsync()));
        var responses = await Task.WhenAll(clients.Select(c => c.PostAsync($"/api/projects/{id}/financing-plans/1/invoices", null)));

        var created = 0;
        foreach (var r in responses)
        {
            Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
            created += (await r.ReadJsonAsync()).GetProperty("created").GetInt32();
        }

        Assert.Equal(2, created);
        Assert.Equal(2, await App.CountAsync(db => db.Invoices.Where(i => i.ProjectId == id)));
        var sequences = await App.WithDbAsync(db => db.Invoices.Where(i => i.IssueYear == 2026).Select(i => i.Sequence).OrderBy(s => s).ToListAsync());
        Assert.Equal(Enumerable.Range(1, sequences.Count), sequences);
    }

    [Fact]
    public async Task FIN_7_only_an_approved_plan_with_member_contributions_is_invoiced_and_only_by_the_office()
    {
        var office = await App.LoginAsOfficeAsync();
        await office.SetSellerAsync();
        var (proposed, _) = await ProjectWithContributionsAsync(office, approve: false);
        await (await office.PostAsync($"/api/projects/{proposed}/financing-plans/1/invoices", null)).AssertProblemAsync(HttpStatusCode.Conflict, "FIN-7");
        await (await office.PostAsync($"/api/projects/{proposed}/financing-plans/9/invoices", null)).AssertProblemAsync(HttpStatusCode.NotFound);

        var r = await office.PostAsJsonAsync($"{P}/projects", new { name = "Uten bidrag", kind = "project", ownerOrgnr = Asker, participants = new[] { Asker } });
        var grantOnly = (await r.ReadJsonAsync()).GetProperty("id").GetInt32();
        await office.PostAsJsonAsync($"/api/projects/{grantOnly}/financing-plans", new { sources = new[] { new { kind = "grant", description = "Tilskudd", amount = 10_000m } } });
        var board = await Governance.BoardMemberAsync(App);
        await board.PostAsJsonAsync($"/api/projects/{grantOnly}/financing-plans/1/approve", new { decisionRef = await Governance.DecisionAsync(App, "Bare tilskudd") });
        await (await office.PostAsync($"/api/projects/{grantOnly}/financing-plans/1/invoices", null)).AssertProblemAsync(HttpStatusCode.Conflict, "FIN-7");

        var email = $"asker-{Guid.NewGuid():N}@test.local";
        await App.CreateUserAsync(email, Roles.MemberContact, Asker);
        var contact = await App.LoginAsync(email);
        Assert.Equal(HttpStatusCode.Forbidden, (await contact.PostAsync($"/api/projects/{proposed}/financing-plans/1/invoices", null)).StatusCode);
        Assert.Equal(0, await App.CountAsync(db => db.Invoices.Where(i => i.ProjectId == proposed || i.ProjectId == grantOnly)));
    }
}

public sealed class ContributionInvoiceTestsOnSqlite(SqliteHost host) : ContributionInvoiceTests(host), IClassFixture<SqliteHost>;

public sealed class ContributionInvoiceTestsOnPostgres(PostgresHost host) : ContributionInvoiceTests(host), IClassFixture<PostgresHost>;
