using Microsoft.Playwright;

namespace Partnerskap.BrowserTests.Pages;

public sealed class LoginPage(IPage page)
{
    public async Task OpenAsync() => await page.GotoAsync("/account/login");

    public async Task LogInAsync(string email, string password)
    {
        await page.GetByLabel("E-post").FillAsync(email);
        await page.GetByLabel("Passord").FillAsync(password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();
    }

    public ILocator Error => page.GetByRole(AriaRole.Alert);
}
