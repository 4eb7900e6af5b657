using Microsoft.Playwright;

namespace Partnerskap.BrowserTests.Pages;

public sealed class MemberPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Facts => page.Locator("dl.facts");
}
