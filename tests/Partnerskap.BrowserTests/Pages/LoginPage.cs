using Microsoft.Playwright;

namespace Partnerskap.BrowserTests.Pages;

public sealed class LoginPage(IPage page)
{
    public async Task OpenAsync() => await page.GotoAsync("/account/login");

    public async Task LogInAsync(string email, string password)
    {
        await page.GetByLabel("E-post").FillAsync(email);
        await page.GetByLabel("Passord").FillAsync(password);
        // Wait for the server's answer to the form: a test that navigates straight after the click would otherwise cancel
        // the login POST before its cookie arrives (seen under CI load).
        await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.Contains("/account/login", StringComparison.OrdinalIgnoreCase));
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    public ILocator Error => page.GetByRole(AriaRole.Alert);
}
