using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Partnerskap.Testing;

namespace Partnerskap.Web.Tests.Portfolio;

/// <summary>PUR-5: the portfolio overview pages and filters on the server (query string, no JS), page and API alike.</summary>
public abstract class PortfolioOverviewTests(AppHost host)
{
    private const string P = "/api/partnerships/digiviken";
    private const string Asker = "920125298";
    private PartnerskapFactory App => host.App;

    private async Task<HttpClient> SeededAsync()
    {
        var office = await App.LoginAsOfficeAsync();
        if ((await office.GetJsonAsync($"{P}/projects?q=oversikt")).GetArrayLength() == 0)
        {
            for (var i = 1; i <= 55; i++)
            {
                var r = await office.PostAsJsonAsync($"{P}/projects", new { name = $"Oversikt {i:D3}", kind = i % 5 == 0 ? "procurement" : "project", ownerOrgnr = Asker, participants = new[] { Asker } });
                Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            }
        }

        return office;
    }

    [Fact]
    public async Task PUR_5_the_overview_page_shows_one_page_of_fifty_with_links_that_keep_the_filter()
    {
        var office = await SeededAsync();
        var html = await office.GetStringAsync("/digiviken/portfolio?q=oversikt", TestContext.Current.CancellationToken);
        Assert.Contains("Side 1 av 2", html, StringComparison.Ordinal);
        Assert.Equal(50, html.Split("Oversikt 0", StringSplitOptions.None).Length - 1);
        Assert.Contains("href=\"/digiviken/portfolio?q=oversikt&amp;page=2\"", html, StringComparison.Ordinal);
        Assert.Contains("55 prosjekter", html, StringComparison.Ordinal);

        var second = await office.GetStringAsync("/digiviken/portfolio?q=oversikt&page=2", TestContext.Current.CancellationToken);
        Assert.Contains("Side 2 av 2", second, StringComparison.Ordinal);
        Assert.Contains("Oversikt 055", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Oversikt 001", second, StringComparison.Ordinal);

        // A narrow filter: one project, no pager; a page number past the end shows the last page; nonsense values are ignored.
        var one = await office.GetStringAsync("/digiviken/portfolio?q=Oversikt+042&phase=idea&status=active&page=9", TestContext.Current.CancellationToken);
        Assert.Contains("Oversikt 042", one, StringComparison.Ordinal);
        Assert.DoesNotContain("Oversikt 041", one, StringComparison.Ordinal);
        Assert.DoesNotContain("Side 1 av", one, StringComparison.Ordinal);
        var none = await office.GetStringAsync("/digiviken/portfolio?q=oversikt&phase=execution", TestContext.Current.CancellationToken);
        Assert.Contains("Ingen prosjekter passer filteret.", none, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/digiviken/portfolio?phase=nonsense&flag=x&page=-3", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task PUR_5_the_api_list_pages_only_when_asked_and_gives_the_total_and_links()
    {
        var office = await SeededAsync();
        var all = await office.GetAsync($"{P}/projects?q=oversikt", TestContext.Current.CancellationToken);
        Assert.Equal(55, (await all.ReadJsonAsync()).GetArrayLength());
        Assert.Equal("55", all.Headers.GetValues("X-Total-Count").Single());

        var page = await office.GetAsync($"{P}/projects?q=oversikt&page=2&pageSize=20", TestContext.Current.CancellationToken);
        var rows = (await page.ReadJsonAsync()).EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToList();
        Assert.Equal(20, rows.Count);
        Assert.Equal("Oversikt 021", rows[0]);
        Assert.Equal("55", page.Headers.GetValues("X-Total-Count").Single());
        var link = page.Headers.GetValues("Link").Single();
        Assert.Contains("page=3", link, StringComparison.Ordinal);
        Assert.Contains("rel=\"next\"", link, StringComparison.Ordinal);
        Assert.Contains("rel=\"prev\"", link, StringComparison.Ordinal);

        var procurements = await office.GetJsonAsync($"{P}/projects?q=oversikt&phase=idea&status=active&pageSize=100");
        Assert.Equal(55, procurements.GetArrayLength());
        Assert.Equal(0, (await office.GetJsonAsync($"{P}/projects?q=oversikt&flag=escalated")).GetArrayLength());

        await (await office.GetAsync($"{P}/projects?phase=nonsense", TestContext.Current.CancellationToken)).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await office.GetAsync($"{P}/projects?pageSize=0", TestContext.Current.CancellationToken)).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await office.GetAsync($"{P}/projects?page=0", TestContext.Current.CancellationToken)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(JsonValueKind.Array, (await office.GetJsonAsync($"{P}/projects")).ValueKind);
    }
}

public sealed class PortfolioOverviewTestsOnSqlite(SqliteHost host) : PortfolioOverviewTests(host), IClassFixture<SqliteHost>;

public sealed class PortfolioOverviewTestsOnPostgres(PostgresHost host) : PortfolioOverviewTests(host), IClassFixture<PostgresHost>;
