using System.Text;
using Microsoft.Playwright;
using Partnerskap.BrowserTests.Pages;
using Partnerskap.Testing;
using static Microsoft.Playwright.Assertions;

namespace Partnerskap.BrowserTests;

public class MembershipFlowTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private async Task<IPage> OfficeAsync(int width = 1280)
    {
        var page = await host.NewPageAsync(width);
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.LogInAsync(PartnerskapFactory.OfficeEmail, PartnerskapFactory.Password);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Logg ut" })).ToBeVisibleAsync();
        return page;
    }

    [Fact]
    public async Task MEM_4_registering_a_resignation_requires_the_letter_and_then_shows_the_exit_date()
    {
        var page = await OfficeAsync();
        var violations = new List<string>();

        await page.GotoAsync("/digiviken/members/959159092"); // Halden
        await page.GetByRole(AriaRole.Link, new() { Name = "Registrer oppsigelse" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Halden");
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));

        await page.GetByLabel("Dato oppsigelsen kom inn").FillAsync("2026-06-30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrer oppsigelse" }).ClickAsync();
        await Expect(page.Locator("#document-error")).ToContainTextAsync("MEM-4");
        await Expect(page.GetByLabel("Skriftlig oppsigelse (brev, e-post eller signert PDF)")).ToHaveAttributeAsync("aria-invalid", "true");
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));
        await BrowserHost.ScreenshotAsync(page, "resignation-error");

        await page.GetByLabel("Dato oppsigelsen kom inn").FillAsync("2026-06-30");
        await page.GetByLabel("Skriftlig oppsigelse (brev, e-post eller signert PDF)").SetInputFilesAsync(new FilePayload
        {
            Name = "oppsigelse-halden.txt",
            MimeType = "text/plain",
            Buffer = Encoding.UTF8.GetBytes("Halden kommune sier opp deltakerforholdet i DigiViken."),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrer oppsigelse" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("1. januar 2027");
        await Expect(page.Locator("main")).ToContainTextAsync("Har sagt opp");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Kvittering (PDF)" })).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));
        await BrowserHost.ScreenshotAsync(page, "resignation-registered");

        await page.GetByRole(AriaRole.Button, new() { Name = "Trekk tilbake oppsigelsen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("trukket tilbake");
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));

        Assert.Empty(violations);
    }

    [Fact]
    public async Task Office_forms_pass_axe_and_the_join_form_works_without_the_lookup()
    {
        var page = await OfficeAsync();
        var violations = new List<string>();
        foreach (var url in new[] { "/digiviken/members/join", "/digiviken/settings", "/digiviken/successions", "/digiviken/members/920125298/contacts/new", "/digiviken/members/920125298/edit" })
        {
            await page.GotoAsync(url);
            violations.AddRange(await BrowserHost.AxeViolationsAsync(page));
            await BrowserHost.ScreenshotAsync(page, "office" + url.Replace('/', '-'));
        }

        await page.GotoAsync("/digiviken/members/join");
        await page.GetByLabel("Organisasjonsnummer").FillAsync("920125298");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hent navn og adresse fra Enhetsregisteret" }).ClickAsync();
        await Expect(page.GetByLabel("Navn", new() { Exact = true })).Not.ToHaveValueAsync("");

        await page.GetByLabel("Organisasjonsnummer").FillAsync("123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrer medlem" }).ClickAsync();
        await Expect(page.Locator("#orgnr-error")).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));

        Assert.Empty(violations);
    }
}
