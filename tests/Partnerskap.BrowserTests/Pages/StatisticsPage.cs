using System.Text;
using Microsoft.Playwright;

namespace Partnerskap.BrowserTests.Pages;

public sealed class StatisticsPage(IPage page)
{
    public async Task OpenFromNavigationAsync() =>
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmeny" }).GetByRole(AriaRole.Link, new() { Name = "Statistikk" }).ClickAsync();

    public ILocator PopulationTable => page.GetByRole(AriaRole.Table, new() { Name = "Folketall per 1. januar", Exact = false });

    public ILocator PopulationRows => PopulationTable.Locator("tbody tr");

    public ILocator DeflatorTable => page.GetByRole(AriaRole.Table, new() { Name = "Kommunal deflator, alle publiserte anslag" });

    public ILocator ImportForm => page.GetByRole(AriaRole.Region, new() { Name = "Importer folketall", Exact = true });

    public ILocator FileField => ImportForm.GetByLabel("Fil", new() { Exact = true });

    public ILocator FileProblems => page.Locator("#file-problems li");

    public ILocator Status => page.GetByRole(AriaRole.Status);

    public ILocator DeflatorForm => page.GetByRole(AriaRole.Region, new() { Name = "Registrer anslag for kommunal deflator" });

    public async Task SetDeflatorAsync(string year, string estimate, string percent, string source)
    {
        await DeflatorForm.GetByLabel("År", new() { Exact = true }).FillAsync(year);
        await DeflatorForm.GetByLabel("Anslag").SelectOptionAsync(estimate);
        await DeflatorForm.GetByLabel("Deflator i prosent").FillAsync(percent);
        await DeflatorForm.GetByLabel("Kilde (lenke eller dokument)").FillAsync(source);
        await DeflatorForm.GetByRole(AriaRole.Button, new() { Name = "Lagre anslag" }).ClickAsync();
    }

    public async Task ShowYearAsync(string year)
    {
        await page.GetByLabel("Velg år", new() { Exact = true }).SelectOptionAsync(year);
        await page.GetByRole(AriaRole.Button, new() { Name = "Vis", Exact = true }).ClickAsync();
    }

    public async Task ImportCsvAsync(string year, string fileName, string csv, string source)
    {
        await ImportForm.GetByLabel("År (folketall per 1. januar)").FillAsync(year);
        await ImportForm.GetByLabel("Format").SelectOptionAsync("csv");
        await FileField.SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await ImportForm.GetByLabel("Kilde (valgfritt)").FillAsync(source);
        await ImportForm.GetByRole(AriaRole.Button, new() { Name = "Importer", Exact = true }).ClickAsync();
    }
}
