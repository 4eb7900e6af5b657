using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Partnerskap.Testing;

namespace Partnerskap.BrowserTests;

/// <summary>
/// The app on real Kestrel (random loopback port) and Debian's Chromium driven by Playwright. Never downloads a
/// browser. Without /usr/bin/chromium the suite fails in CI (CI=true) and is skipped, loudly, elsewhere.
/// </summary>
public sealed class BrowserHost : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private PartnerskapFactory? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string? SkipReason { get; private set; }

    public PartnerskapFactory App => Require(_app);

    public string BaseUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        // CI runs the browser suite beside the web suite on two cores: a page can take longer than Playwright's 5 s default.
        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(60_000);
        if (!File.Exists(ChromiumPath))
        {
            if (PartnerskapFactory.InCi)
            {
                throw new InvalidOperationException($"CI=true but {ChromiumPath} is missing: the browser suite must run in CI (.ci/run installs chromium).");
            }

            SkipReason = $"*** Browser suite SKIPPED: {ChromiumPath} not found (apt-get install chromium). In CI this is a failure. ***";
            await Console.Error.WriteLineAsync(SkipReason);
            return;
        }

        _app = new PartnerskapFactory();
        _app.UseKestrel(0);
        _app.StartServer();
        BaseUrl = _app.ClientOptions.BaseAddress.ToString().TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (own cookies) with a page in Norwegian bokmål.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Require(_browser).NewContextAsync(new()
        {
            Locale = "nb-NO",
            ViewportSize = new() { Width = width, Height = height },
            BaseURL = BaseUrl,
        });
        // Actions and navigations get more than Playwright's 30 s: CI runs this suite beside the web suite on two cores.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>axe-core with the WCAG 2.1 A and AA rules; returns the violations as readable lines.</summary>
    public static async Task<List<string>> AxeViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        return result.Violations
            .Select(v => $"{page.Url}: {v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html).Take(3))}")
            .ToList();
    }

    /// <summary>Saves a full-page PNG when PARTNERSKAP_SCREENSHOTS names a folder (for looking at the pages as a user would).</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("PARTNERSKAP_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private T Require<T>(T? value)
        where T : class
    {
        if (SkipReason is not null)
        {
            Assert.Skip(SkipReason);
        }

        return value!;
    }
}
