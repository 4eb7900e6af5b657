using Microsoft.Playwright;
using Partnerskap.BrowserTests.Pages;
using Partnerskap.Testing;
using static Microsoft.Playwright.Assertions;

namespace Partnerskap.BrowserTests;

public class FeesFlowTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task FIN_1_office_sets_the_seller_issues_the_2023_invoices_and_every_page_passes_axe()
    {
        var page = await host.NewPageAsync();
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.LogInAsync(PartnerskapFactory.OfficeEmail, PartnerskapFactory.Password);
        var violations = new List<string>();

        await page.GotoAsync("/digiviken/fees/seller");
        await page.GetByLabel("Organisasjonsnummer").FillAsync("921693230");
        await page.GetByLabel("Navn").FillAsync("Viken fylkeskommune");
        await page.GetByLabel("Adresse").FillAsync("Postboks 220");
        await page.GetByLabel("Postnummer").FillAsync("1702");
        await page.GetByLabel("Poststed").FillAsync("Sarpsborg");
        await page.GetByLabel("Kontonummer (11 siffer)").FillAsync("123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre" }).ClickAsync();
        await Expect(page.Locator("#bankAccount-error")).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));
        await page.GetByLabel("Kontonummer (11 siffer)").FillAsync("12345678903");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("lagret");

        await page.GotoAsync("/digiviken/fees?year=2023");
        await Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("155 550");
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));
        await BrowserHost.ScreenshotAsync(page, "fees-2023");

        await page.GetByRole(AriaRole.Button, new() { Name = "Lag fakturaer for 2023" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("52 fakturaer");
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));
        await BrowserHost.ScreenshotAsync(page, "invoices-2023");

        await page.GetByRole(AriaRole.Link, new() { Name = "2026-00001", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("2026-00001");
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));

        await page.GotoAsync("/digiviken/fees/scenarios?year=2023&rate=3.5");
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));

        Assert.Empty(violations);
    }
}
