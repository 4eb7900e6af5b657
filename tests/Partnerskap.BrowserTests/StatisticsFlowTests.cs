using Microsoft.Playwright;
using Partnerskap.BrowserTests.Pages;
using Partnerskap.Testing;
using static Microsoft.Playwright.Assertions;

namespace Partnerskap.BrowserTests;

public class StatisticsFlowTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private async Task<IPage> OfficeAsync()
    {
        var page = await host.NewPageAsync();
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.LogInAsync(PartnerskapFactory.OfficeEmail, PartnerskapFactory.Password);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Logg ut" })).ToBeVisibleAsync();
        return page;
    }

    [Fact]
    public async Task FIN_1_office_imports_a_small_csv_a_bad_file_saves_nothing_and_the_page_passes_axe()
    {
        var page = await OfficeAsync();
        var statistics = new StatisticsPage(page);
        var violations = new List<string>();

        await page.GotoAsync("/digiviken");
        await statistics.OpenFromNavigationAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/digiviken/statistics$"));
        await Expect(statistics.PopulationTable).ToContainTextAsync("Folketall per 1. januar 2025");
        await Expect(statistics.PopulationRows).ToHaveCountAsync(51);
        await Expect(statistics.DeflatorTable).ToContainTextAsync("Indekserer fylkeskommunens bidrag");
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));
        await BrowserHost.ScreenshotAsync(page, "statistics");

        // One unknown number and one negative population: the whole file is refused, each row named next to the file field.
        await statistics.ImportCsvAsync("2026", "feil.csv", "municipalityNumber,population\n3101,32000\n9999,10\n3103,-1\n", "Test med feil");
        await Expect(statistics.FileProblems).ToHaveCountAsync(2);
        await Expect(statistics.FileProblems.Nth(0)).ToContainTextAsync("Rad 2");
        await Expect(statistics.FileProblems.Nth(1)).ToContainTextAsync("Rad 3");
        await Expect(statistics.FileField).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("ingenting er lagret");
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));
        await BrowserHost.ScreenshotAsync(page, "statistics-rejected");

        await statistics.ImportCsvAsync("2026", "folketall-2026.csv", "municipalityNumber;population\n3101;32000\n3103;52500\n3105;60100\n", "Test, tre kommuner");
        await Expect(statistics.Status).ToContainTextAsync("Importerte folketall for 3 kommuner per 1. januar 2026");
        await Expect(statistics.PopulationTable).ToContainTextAsync("Folketall per 1. januar 2026");
        await Expect(statistics.PopulationRows).ToHaveCountAsync(3);
        await Expect(statistics.PopulationTable.Locator("tfoot")).ToContainTextAsync("144");
        await Expect(statistics.PopulationRows.Nth(0)).ToContainTextAsync("Halden");
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));
        await BrowserHost.ScreenshotAsync(page, "statistics-imported");

        await statistics.ShowYearAsync("2021");
        await Expect(statistics.PopulationRows).ToHaveCountAsync(51);

        Assert.Empty(violations);
    }

    [Fact]
    public async Task FIN_2_office_sets_a_deflator_estimate_and_a_missing_source_is_shown_next_to_the_field()
    {
        var page = await OfficeAsync();
        var statistics = new StatisticsPage(page);
        await page.GotoAsync("/digiviken/statistics");

        await statistics.SetDeflatorAsync("2027", "budget", "3,1", "");
        await Expect(page.Locator("#deflatorSource-error")).ToBeVisibleAsync();
        await Expect(statistics.DeflatorForm.GetByLabel("Kilde (lenke eller dokument)")).ToHaveAttributeAsync("aria-invalid", "true");
        var violations = await BrowserHost.AxeViolationsAsync(page);

        await statistics.SetDeflatorAsync("2027", "budget", "3,1", "Testkilde");
        await Expect(statistics.Status).ToContainTextAsync("3,1 %");
        await Expect(statistics.DeflatorTable).ToContainTextAsync("Testkilde");
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));

        Assert.Empty(violations);
    }

    [Fact]
    public async Task Member_contact_sees_the_statistics_without_the_office_forms()
    {
        var email = $"stats-{Guid.NewGuid():N}@test.local";
        await host.App.CreateUserAsync(email, Partnerskap.Web.Data.Roles.MemberContact, "920125298");
        var page = await host.NewPageAsync();
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.LogInAsync(email, PartnerskapFactory.Password);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Logg ut" })).ToBeVisibleAsync();

        var statistics = new StatisticsPage(page);
        await page.GotoAsync("/digiviken/statistics");
        await Expect(statistics.PopulationRows.First).ToBeVisibleAsync();
        await Expect(statistics.ImportForm).ToHaveCountAsync(0);
        await Expect(statistics.DeflatorForm).ToHaveCountAsync(0);
        Assert.Empty(await BrowserHost.AxeViolationsAsync(page));
    }
}
