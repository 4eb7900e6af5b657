using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Partnerskap.BrowserTests.Pages;
using Partnerskap.Domain.Benefits;
using Partnerskap.Domain.Decisions;
using Partnerskap.Domain.Fees;
using Partnerskap.Domain.Portfolio;
using Partnerskap.Testing;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Board;
using Partnerskap.Web.Features.Portfolio;
using static Microsoft.Playwright.Assertions;

namespace Partnerskap.BrowserTests;

/// <summary>The board's portfolio report (FIN-8, FIN-9) and invoicing member contributions from the Funding page (FIN-7).</summary>
public class PortfolioReportFlowTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const string Asker = "920125298";
    private const string Baerum = "935478715";

    /// <summary>A project with an approved plan (a grant and a per-capita member contribution) and two benefits, Asker's reported for December.</summary>
    private async Task SeedAsync()
    {
        using var scope = host.App.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        var partnership = await db.Partnerships.SingleAsync(p => p.Slug == "digiviken");
        if (!await db.InvoicingSettings.AnyAsync(s => s.PartnershipId == partnership.Id))
        {
            var seller = new InvoicingSettings(partnership.Id);
            seller.Set("921693230", "Viken fylkeskommune", "Postboks 220", "1702", "Sarpsborg", "12345678903", 30);
            db.InvoicingSettings.Add(seller);
            await db.SaveChangesAsync();
        }

        var project = await sp.GetRequiredService<CreateProject.Handler>().Handle(
            new CreateProject.Command(partnership.Id, "Felles innbyggerdialog", "project", Asker, [Asker, Baerum]), default);
        var plans = sp.GetRequiredService<FinancingPlans.Handler>();
        await plans.ProposeAsync(new FinancingPlans.Propose(project.Id,
        [
            new FundingSource(FundingSourceKind.Grant, "Skjønnsmidler", 200_000m),
            new FundingSource(FundingSourceKind.MemberContribution, "Bidrag etter innbyggertall", 100_000m, CostSharingKey.PerCapita),
        ], null), default);
        var decision = await sp.GetRequiredService<DecisionRegister>().RecordAsync(
            new NewDecision(partnership.Id, DecisionBody.Board, new DateOnly(2026, 11, 25), "Finansieringsplan for felles innbyggerdialog", "Planen godkjennes."), default);
        await plans.ApproveAsync(new FinancingPlans.Approve(project.Id, 1, decision.Number), null, default, viaDecisionEffect: true);
        await sp.GetRequiredService<Spending.Handler>().SpendAsync(new Spending.Spend(project.Id, new DateOnly(2026, 11, 20), 120_000m, "Konsulentbistand"), default);

        var loaded = await db.Projects.Include(p => p.Participants).SingleAsync(p => p.Id == project.Id);
        var asker = new Benefit(loaded, Asker, "Kari Nordmann", null, "Henvendelser løst digitalt", "%", 20m, 60m);
        asker.Report(new DateOnly(2026, 12, 31), 40m, PartnerskapFactory.OfficeEmail, DateTimeOffset.UtcNow);
        db.Benefits.Add(asker);
        db.Benefits.Add(new Benefit(loaded, Baerum, "Ola Nordmann", null, "Henvendelser løst digitalt", "%", 20m, 60m));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task FIN_8_the_board_reads_the_portfolio_report_and_the_office_invoices_member_contributions_and_every_page_passes_axe()
    {
        await SeedAsync();
        var violations = new List<string>();
        var office = await host.NewPageAsync(width: 360, height: 800);
        var login = new LoginPage(office);
        await login.OpenAsync();
        await login.LogInAsync(PartnerskapFactory.OfficeEmail, PartnerskapFactory.Password);

        await office.GotoAsync("/digiviken/portfolio");
        await office.GetByRole(AriaRole.Link, new() { Name = "Porteføljerapport" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Porteføljerapport desember 2026");
        await Expect(office.Locator("#money-caption")).ToBeVisibleAsync();
        await Expect(office.Locator("figure.chart svg[role=img]").First).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("Stolpediagram"));
        await Expect(office.Locator("#not-reported")).ToContainTextAsync("Bærum: Felles innbyggerdialog");
        await Expect(office.GetByRole(AriaRole.Link, new() { Name = "Last ned PDF" })).ToHaveAttributeAsync("href", "/api/partnerships/digiviken/portfolio/report.pdf?period=2026-12");
        violations.AddRange(await BrowserHost.AxeViolationsAsync(office));
        await BrowserHost.ScreenshotAsync(office, "portfolio-report");

        // Another period: the June report, with nobody reported yet.
        await office.GetByLabel("Rapportperiode").SelectOptionAsync("2026-06");
        await office.GetByRole(AriaRole.Button, new() { Name = "Vis" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Porteføljerapport juni 2026");
        await Expect(office.Locator("#not-reported")).ToContainTextAsync("Asker: Felles innbyggerdialog");

        // FIN-7: the office invoices the member contributions from the Funding page; twice creates nothing new.
        await office.GetByRole(AriaRole.Link, new() { Name = "Fakturer medlemsbidrag" }).ClickAsync();
        var button = office.GetByRole(AriaRole.Button, new() { Name = "Fakturer medlemsbidrag for Felles innbyggerdialog, versjon 1" });
        await button.ClickAsync();
        await Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("2 fakturaer for medlemsbidrag er utstedt");
        await Expect(office.Locator("#contributions-caption")).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(office));
        await button.ClickAsync();
        await Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("allerede fakturert");
        await BrowserHost.ScreenshotAsync(office, "portfolio-funding-contributions");

        Assert.Empty(violations);
    }
}
