using Microsoft.Playwright;

namespace Partnerskap.BrowserTests.Pages;

public sealed class MembersPage(IPage page)
{
    public async Task OpenFromNavigationAsync() =>
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmeny" }).GetByRole(AriaRole.Link, new() { Name = "Medlemmer" }).ClickAsync();

    public async Task SearchAsync(string text)
    {
        await page.GetByLabel("Søk", new() { Exact = true }).FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Vis" }).ClickAsync();
    }

    public ILocator Table => page.GetByRole(AriaRole.Table);

    public ILocator MemberRows => Table.Locator("tbody tr");

    public ILocator ResultCount => page.GetByRole(AriaRole.Status);

    public async Task OpenMemberAsync(string name) =>
        await Table.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
}
