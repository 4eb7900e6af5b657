using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Partnerskap.Testing;
using Partnerskap.Web.Data;
using Partnerskap.Web.Tests.Infrastructure;

namespace Partnerskap.Web.Tests.Portfolio;

/// <summary>The board's portfolio report (June and December) as JSON, PDF and Excel, on SQLite and PostgreSQL (FIN-8, FIN-9).</summary>
public abstract class PortfolioReportTests(AppHost host)
{
    private const string P = "/api/partnerships/digiviken";
    private const string Asker = "920125298";
    private const string Baerum = "935478715";
    private PartnerskapFactory App => host.App;

    /// <summary>
    /// A project with 300 000 approved, 120 000 spent, a forecast of 330 000 (over: an open escalation), and a benefit each for
    /// Asker and Bærum (baseline 20, target 60); Asker reports 30 for June and 40 for December, Bærum nothing.
    /// </summary>
    private async Task<(int Id, string Name)> ProjectAsync(HttpClient office)
    {
        var name = $"Rapportprosjekt {Guid.NewGuid():N}"[..24];
        var r = await office.PostAsJsonAsync($"{P}/projects", new { name, kind = "project", ownerOrgnr = Asker, participants = new[] { Asker, Baerum } });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var id = (await r.ReadJsonAsync()).GetProperty("id").GetInt32();
        await office.PostAsJsonAsync($"/api/projects/{id}/financing-plans", new { sources = new[] { new { kind = "grant", description = "Skjønnsmidler", amount = 300_000m } } });
        var board = await Governance.BoardMemberAsync(App);
        var ok = await board.PostAsJsonAsync($"/api/projects/{id}/financing-plans/1/approve", new { decisionRef = await Governance.DecisionAsync(App, $"Plan {id}") });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync($"/api/projects/{id}/expenditures", new { date = "2026-11-20", amount = 120_000m, description = "Konsulent" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.PutAsJsonAsync($"/api/projects/{id}/forecast", new { expectedTotalCost = 330_000m })).StatusCode);
        foreach (var orgnr in new[] { Asker, Baerum })
        {
            var b = await office.PostAsJsonAsync($"/api/projects/{id}/benefits", new { orgnr, ownerName = "Eier", indicator = "Digitale søknader", unit = "%", baseline = 20m, target = 60m });
            Assert.Equal(HttpStatusCode.Created, b.StatusCode);
            if (orgnr == Asker)
            {
                var bid = (await b.ReadJsonAsync()).GetProperty("id").GetInt32();
                Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync($"/api/benefits/{bid}/measurements", new { period = "2026-06-30", value = 30m })).StatusCode);
                Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync($"/api/benefits/{bid}/measurements", new { period = "2026-12-31", value = 40m })).StatusCode);
            }
        }

        return (id, name);
    }

    [Fact]
    public async Task FIN_8_the_portfolio_report_shows_money_escalations_and_benefits_achieved_vs_planned_per_project_and_member()
    {
        var office = await App.LoginAsOfficeAsync();
        var (id, name) = await ProjectAsync(office);

        var report = await office.GetJsonAsync($"{P}/portfolio/report"); // default: the current half-year (25 Nov 2026 → December)
        Assert.Equal("2026-12", report.GetProperty("period").GetString());
        var row = report.GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == id);
        Assert.Equal(300_000m, row.GetProperty("approvedFinancing").GetDecimal());
        Assert.Equal(120_000m, row.GetProperty("spent").GetDecimal());
        Assert.Equal(330_000m, row.GetProperty("forecast").GetDecimal());
        Assert.True(row.GetProperty("openEscalation").GetBoolean());
        Assert.Contains(report.GetProperty("openEscalations").EnumerateArray(), e => e.GetProperty("projectId").GetInt32() == id);
        Assert.True(report.GetProperty("totals").GetProperty("approvedFinancing").GetDecimal() >= 300_000m);

        var benefits = report.GetProperty("benefits").EnumerateArray().Where(b => b.GetProperty("projectId").GetInt32() == id).ToList();
        var asker = benefits.Single(b => b.GetProperty("orgnr").GetString() == Asker);
        Assert.Equal(40m, asker.GetProperty("latest").GetDecimal());
        Assert.Equal(0.5m, asker.GetProperty("achieved").GetDecimal());
        Assert.True(asker.GetProperty("reported").GetBoolean());
        Assert.False(benefits.Single(b => b.GetProperty("orgnr").GetString() == Baerum).GetProperty("reported").GetBoolean());
        var byProject = report.GetProperty("benefitsByProject").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name);
        Assert.Equal(2, byProject.GetProperty("benefits").GetInt32());
        Assert.Equal(1, byProject.GetProperty("reported").GetInt32());
        Assert.Contains(report.GetProperty("benefitsByMember").EnumerateArray(), s => s.GetProperty("key").GetString() == Baerum);
        var missing = report.GetProperty("notReported").EnumerateArray().Where(n => n.GetProperty("projectId").GetInt32() == id).ToList();
        Assert.Equal([Baerum], missing.Select(n => n.GetProperty("orgnr").GetString()));

        // The June report shows where the members stood on 30 June, not the December measurement.
        var june = await office.GetJsonAsync($"{P}/portfolio/report?period=2026-06");
        var askerJune = june.GetProperty("benefits").EnumerateArray().Single(b => b.GetProperty("projectId").GetInt32() == id && b.GetProperty("orgnr").GetString() == Asker);
        Assert.Equal(30m, askerJune.GetProperty("latest").GetDecimal());
        Assert.Equal(0.25m, askerJune.GetProperty("achieved").GetDecimal());

        await (await office.GetAsync($"{P}/portfolio/report?period=2026-07")).AssertProblemAsync(HttpStatusCode.BadRequest);

        // Read like the portfolio overview: a member contact of the partnership reads it too.
        var email = $"asker-{Guid.NewGuid():N}@test.local";
        await App.CreateUserAsync(email, Roles.MemberContact, Asker);
        Assert.Equal(HttpStatusCode.OK, (await (await App.LoginAsync(email)).GetAsync($"{P}/portfolio/report")).StatusCode);

        // Excel: one sheet per table, numbers as numbers in a NOK format.
        var xlsx = await office.GetAsync($"{P}/portfolio/report.xlsx?period=2026-12");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await xlsx.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        var workbook = Read(zip, "xl/workbook.xml");
        foreach (var sheet in new[] { "Prosjekter", "Eskaleringer", "Gevinster", "Gevinster per prosjekt", "Gevinster per medlem", "Ikke rapportert" })
        {
            Assert.Contains($"name=\"{sheet}\"", workbook, StringComparison.Ordinal);
        }

        Assert.Contains("<v>120000</v>", Read(zip, "xl/worksheets/sheet1.xml"), StringComparison.Ordinal);
        Assert.Contains("kr", Read(zip, "xl/styles.xml"), StringComparison.Ordinal);
    }

    private static string Read(ZipArchive zip, string path)
    {
        using var reader = new StreamReader(zip.GetEntry(path)!.Open());
        return reader.ReadToEnd();
    }
}

public sealed class PortfolioReportTestsOnSqlite(SqliteHost host) : PortfolioReportTests(host), IClassFixture<SqliteHost>
{
    [Fact]
    public async Task FIN_9_the_portfolio_report_PDF_has_the_tables_and_charts_and_renders()
    {
        var office = await host.App.LoginAsOfficeAsync();
        for (var i = 0; i < 3; i++)
        {
            var r = await office.PostAsJsonAsync("/api/partnerships/digiviken/projects", new { name = $"Felles prosjekt nummer {i + 1} med et ganske langt navn", kind = "project", ownerOrgnr = "920125298", participants = new[] { "920125298", "935478715" } });
            var id = (await r.ReadJsonAsync()).GetProperty("id").GetInt32();
            await office.PostAsJsonAsync($"/api/projects/{id}/financing-plans", new { sources = new[] { new { kind = "grant", description = "Tilskudd", amount = 100_000m * (i + 1) } } });
            var board = await Governance.BoardMemberAsync(host.App);
            await board.PostAsJsonAsync($"/api/projects/{id}/financing-plans/1/approve", new { decisionRef = await Governance.DecisionAsync(host.App, $"Plan {id}") });
            await office.PostAsJsonAsync($"/api/projects/{id}/expenditures", new { date = "2026-11-20", amount = 40_000m * (i + 1), description = "Utvikling" });
            await office.PutAsJsonAsync($"/api/projects/{id}/forecast", new { expectedTotalCost = 90_000m * (i + 1) + (i == 2 ? 50_000m : 0m) });
            var b = await office.PostAsJsonAsync($"/api/projects/{id}/benefits", new { orgnr = "920125298", ownerName = "Eier", indicator = "Saker løst digitalt", unit = "%", baseline = 10m, target = 50m });
            var bid = (await b.ReadJsonAsync()).GetProperty("id").GetInt32();
            await office.PostAsJsonAsync($"/api/benefits/{bid}/measurements", new { period = "2026-12-31", value = 10m + 15m * i });
        }

        var pdf = await office.GetAsync("/api/partnerships/digiviken/portfolio/report.pdf?period=2026-12");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var folder = Path.Combine(Path.GetTempPath(), "portfolio-report-pdf");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "report.pdf");
        await File.WriteAllBytesAsync(path, await pdf.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        var text = PopplerTools.PdfToText(path);
        Assert.Contains("Porteføljerapport desember 2026", text, StringComparison.Ordinal);
        Assert.Contains("Økonomi per prosjekt", text, StringComparison.Ordinal);
        Assert.Contains("Forbruk mot godkjent finansiering", text, StringComparison.Ordinal);
        Assert.Contains("Åpne eskaleringer (FIN-9)", text, StringComparison.Ordinal);
        Assert.Contains("Gevinstrealisering (FIN-8)", text, StringComparison.Ordinal);
        Assert.Contains("Ikke rapportert for perioden", text, StringComparison.Ordinal);
        Assert.Contains("Side 1 av", text, StringComparison.Ordinal);
        PopplerTools.PdfToPng(path, Path.Combine(folder, "page"));
        Assert.True(File.Exists(Path.Combine(folder, "page-1.png")), "pdftoppm wrote the first page");
    }
}

public sealed class PortfolioReportTestsOnPostgres(PostgresHost host) : PortfolioReportTests(host), IClassFixture<PostgresHost>;
