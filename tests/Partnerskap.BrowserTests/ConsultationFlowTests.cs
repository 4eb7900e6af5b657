using Microsoft.Playwright;
using Partnerskap.BrowserTests.Pages;
using Partnerskap.Testing;
using static Microsoft.Playwright.Assertions;

namespace Partnerskap.BrowserTests;

/// <summary>PUR-1: the office opens a consultation, registers a member's input, drafts, records the board's approval and sends. Axe on every step.</summary>
public class ConsultationFlowTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task Office_takes_a_consultation_from_input_to_a_sent_answer_with_no_axe_violations()
    {
        var page = await host.NewPageAsync();
        var violations = new List<string>();
        await new LoginPage(page).OpenAsync();
        await new LoginPage(page).LogInAsync(PartnerskapFactory.OfficeEmail, PartnerskapFactory.Password);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmeny" }).GetByRole(AriaRole.Link, new() { Name = "Høringer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Høringer og felles innspill" })).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));

        await page.GetByLabel("Tittel").FillAsync("Høring om felles innbyggerportal");
        await page.GetByLabel("Fra (KS").FillAsync("KS");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opprett høring" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Høring om felles innbyggerportal", Level = 1 })).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));

        await page.GetByLabel("Medlem", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Asker" });
        await page.GetByLabel("Innspill", new() { Exact = true }).FillAsync("Asker ønsker felles innlogging.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gi innspill" }).ClickAsync();
        await Expect(page.GetByText("Innspillet er registrert.")).ToBeVisibleAsync();
        await Expect(page.GetByText("Asker ønsker felles innlogging.")).ToBeVisibleAsync();

        await page.GetByLabel("Utkast til felles svar").FillAsync("DigiViken støtter en felles innbyggerportal.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre utkast" }).ClickAsync();
        await Expect(page.GetByText("Utkastet er lagret.")).ToBeVisibleAsync();

        // Approval without the board's decision: the error stands next to the field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrer godkjenning" }).ClickAsync();
        await Expect(page.Locator("#decisionRef-error")).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));
        await page.GetByLabel("Styrets vedtak").FillAsync("Styret 2026-11-20, sak 12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrer godkjenning" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send og arkiver svaret" }).ClickAsync();
        await Expect(page.GetByText("Svaret er sendt og arkivert.")).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Joint answer" })).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));

        await page.SetViewportSizeAsync(360, 740);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"consultation page is {overflow}px wider than a 360px screen");

        Assert.Empty(violations);
    }
}

/// <summary>MEM-7: the office starts an anchoring round, records an answer and reminds the rest. Axe on every step.</summary>
public class AnchoringFlowTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task Office_starts_an_anchoring_round_records_an_answer_and_reminds_with_no_axe_violations()
    {
        var page = await host.NewPageAsync();
        var violations = new List<string>();
        await new LoginPage(page).OpenAsync();
        await new LoginPage(page).LogInAsync(PartnerskapFactory.OfficeEmail, PartnerskapFactory.Password);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmeny" }).GetByRole(AriaRole.Link, new() { Name = "Forankring" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Forankring hos medlemmene" })).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));

        await page.GetByLabel("Tittel").FillAsync("Felles skyplattform");
        await page.GetByLabel("Saken (sendes på e-post)").FillAsync("Styret foreslår en felles skyplattform.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send til medlemmene" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Felles skyplattform" })).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));

        await page.GetByLabel("Medlem", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Asker" });
        await page.GetByLabel("Svar", new() { Exact = true }).FillAsync("Asker støtter forslaget.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrer svar" }).ClickAsync();
        await Expect(page.GetByText("Svaret er registrert.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Asker støtter forslaget." })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Send påminnelse til 51 som ikke har svart" }).ClickAsync();
        await Expect(page.GetByText("Påminnelse er sendt til 51 medlemmer.")).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));

        await page.SetViewportSizeAsync(360, 740);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"anchoring page is {overflow}px wider than a 360px screen");
        Assert.Empty(violations);
    }
}
