using Microsoft.Playwright;
using Partnerskap.BrowserTests.Pages;
using Partnerskap.Testing;
using static Microsoft.Playwright.Assertions;

namespace Partnerskap.BrowserTests;

/// <summary>ORG-1: the office files a restricted entry on the records page; the public journal shows it screened. Axe on every page.</summary>
public class RecordsFlowTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task Office_files_a_restricted_entry_and_the_public_journal_shows_it_screened_with_no_axe_violations()
    {
        var page = await host.NewPageAsync();
        var violations = new List<string>();
        await new LoginPage(page).OpenAsync();
        await new LoginPage(page).LogInAsync(PartnerskapFactory.OfficeEmail, PartnerskapFactory.Password);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmeny" }).GetByRole(AriaRole.Link, new() { Name = "Arkiv" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Arkiv: saker og journalposter" })).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));

        // Restricted without legal basis: the error stands next to the field.
        await page.GetByLabel("Saksnøkkel").FillAsync("personal:1");
        await page.GetByLabel("Sakstittel (ny sak)").FillAsync("Personalsak Kari Nordmann");
        await page.GetByLabel("Tittel", new() { Exact = true }).FillAsync("Søknad fra Kari Nordmann");
        await page.GetByLabel("Unntatt offentlighet").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrer" }).ClickAsync();
        await Expect(page.Locator("#legalBasis-error")).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));

        await page.GetByLabel("Hjemmel").FillAsync("offl. § 13 jf. fvl. § 13");
        await page.GetByLabel("Offentlig tittel (skjermet)").FillAsync("Søknad fra *****");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrer" }).ClickAsync();
        await Expect(page.GetByText("Journalposten er registrert.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Personalsak Kari Nordmann" })).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));

        // The public journal, without login.
        var anonymous = await host.NewPageAsync();
        await anonymous.GotoAsync("/digiviken/journal");
        await Expect(anonymous.GetByRole(AriaRole.Heading, new() { Name = "Offentlig journal" })).ToBeVisibleAsync();
        await Expect(anonymous.GetByText("Søknad fra *****")).ToBeVisibleAsync();
        Assert.Equal(0, await anonymous.GetByText("Kari Nordmann").CountAsync());
        violations.AddRange(await BrowserHost.AxeViolationsAsync(anonymous));

        await anonymous.GotoAsync("/digiviken/public");
        await Expect(anonymous.GetByRole(AriaRole.Rowheader, new() { Name = "Asker", Exact = true })).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(anonymous));

        await anonymous.GotoAsync("/digiviken/journal");
        await anonymous.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(anonymous.GetByRole(AriaRole.Heading, new() { Name = "Public journal" })).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(anonymous));
        await anonymous.GotoAsync("/digiviken/public");
        await Expect(anonymous.GetByRole(AriaRole.Heading, new() { Name = "Open information about DigiViken" })).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(anonymous));

        Assert.Empty(violations);
    }

    [Fact]
    public async Task Records_and_journal_fit_a_360_px_phone_screen()
    {
        var page = await host.NewPageAsync(width: 360, height: 740);
        await new LoginPage(page).OpenAsync();
        await new LoginPage(page).LogInAsync(PartnerskapFactory.OfficeEmail, PartnerskapFactory.Password);
        foreach (var url in new[] { "/digiviken/records", "/digiviken/journal", "/digiviken/public" })
        {
            await page.GotoAsync(url);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            await BrowserHost.ScreenshotAsync(page, $"phone{url.Replace('/', '-')}");
            Assert.True(overflow <= 0, $"{url} is {overflow}px wider than a 360px screen");
            Assert.Empty(await BrowserHost.AxeViolationsAsync(page));
        }
    }
}
