using Microsoft.Playwright;
using Partnerskap.BrowserTests.Pages;
using Partnerskap.Testing;
using static Microsoft.Playwright.Assertions;

namespace Partnerskap.BrowserTests;

public class FoundationFlowTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task Log_in_search_Asker_and_open_the_member_with_no_axe_violations_on_any_page()
    {
        var page = await host.NewPageAsync();
        var violations = new List<string>();

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/digiviken$"));
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));

        var login = new LoginPage(page);
        await login.OpenAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));
        await login.LogInAsync(PartnerskapFactory.OfficeEmail, PartnerskapFactory.Password);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Logg ut" })).ToBeVisibleAsync();

        var members = new MembersPage(page);
        await members.OpenFromNavigationAsync();
        await Expect(members.MemberRows).ToHaveCountAsync(52);
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));

        await members.SearchAsync("Asker");
        await Expect(members.MemberRows).ToHaveCountAsync(1);
        await Expect(members.ResultCount).ToContainTextAsync("Viser 1 av 52");
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));

        await members.OpenMemberAsync("Asker");
        var member = new MemberPage(page);
        await Expect(member.Heading).ToHaveTextAsync("Asker");
        await Expect(member.Facts).ToContainTextAsync("920 125 298");
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));

        Assert.Empty(violations);
    }

    [Fact]
    public async Task Wrong_password_shows_an_error_and_the_form_stays_accessible()
    {
        var page = await host.NewPageAsync();
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.LogInAsync(PartnerskapFactory.OfficeEmail, "not-the-password");
        await Expect(login.Error).ToContainTextAsync("Feil e-post eller passord");
        Assert.Empty(await BrowserHost.AxeViolationsAsync(page));

        await login.LogInAsync("", "");
        await Expect(page.GetByText("Skriv inn e-postadressen din.")).ToBeVisibleAsync();
        Assert.Empty(await BrowserHost.AxeViolationsAsync(page));
    }

    [Fact]
    public async Task Public_pages_pass_axe_in_bokmal_and_in_English()
    {
        var page = await host.NewPageAsync();
        var violations = new List<string>();
        foreach (var url in new[] { "/digiviken", "/digiviken/agreement", "/no-such-page", "/account/access-denied", "/account/login-two-factor" })
        {
            await page.GotoAsync(url);
            violations.AddRange(await BrowserHost.AxeViolationsAsync(page));
        }

        await page.GotoAsync("/digiviken");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Key figures" })).ToBeVisibleAsync();
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));

        Assert.Empty(violations);
    }

    [Fact]
    public async Task Pages_fit_a_360_px_phone_screen()
    {
        var page = await host.NewPageAsync(width: 360, height: 740);
        await new LoginPage(page).OpenAsync();
        await new LoginPage(page).LogInAsync(PartnerskapFactory.OfficeEmail, PartnerskapFactory.Password);
        foreach (var url in new[] { "/digiviken", "/digiviken/members", "/digiviken/members/920125298", "/account/two-factor", "/account/login" })
        {
            await page.GotoAsync(url);
            // The page itself never scrolls sideways; a wide table scrolls inside its own region.
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            await BrowserHost.ScreenshotAsync(page, $"phone{url.Replace('/', '-')}");
            Assert.True(overflow <= 0, $"{url} is {overflow}px wider than a 360px screen");
            Assert.Empty(await BrowserHost.AxeViolationsAsync(page));
        }
    }
}
