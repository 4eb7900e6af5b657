using System.Net;
using System.Text;
using Partnerskap.Web.Features.Statistics;

namespace Partnerskap.Web.Tests.Statistics;

/// <summary>The SSB PxWebApi v2 client against a fake handler: the request it makes, and what it does when SSB fails.</summary>
public class SsbPxWebClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Viken = ["3001", "3002", "3003"];

    private static (SsbPxWebClient Client, FakeHandler Handler) Client(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond)
    {
        var handler = new FakeHandler(respond);
        return (new SsbPxWebClient(new HttpClient(handler)) { Timeout = TimeSpan.FromMilliseconds(300) }, handler);
    }

    private static Task<HttpResponseMessage> Answer(HttpStatusCode status, string body) =>
        Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });

    [Fact]
    public async Task FIN_1_asks_table_07459_for_the_year_and_municipalities_as_json_stat2()
    {
        var (client, handler) = Client((_, _) => Answer(HttpStatusCode.OK, PopulationParsersTests.Fixture("ssb-07459-viken-2023.json")));

        var json = await client.GetPopulationJsonStatAsync(2023, Viken, Ct);

        var uri = Assert.Single(handler.Requests).RequestUri!;
        Assert.Equal("https://data.ssb.no/api/pxwebapi/v2/tables/07459/data", uri.GetLeftPart(UriPartial.Path));
        var query = Uri.UnescapeDataString(uri.Query);
        Assert.Contains("lang=no", query, StringComparison.Ordinal);
        Assert.Contains("valueCodes[Region]=3001,3002,3003", query, StringComparison.Ordinal);
        Assert.Contains("valueCodes[ContentsCode]=Personer1", query, StringComparison.Ordinal);
        Assert.Contains("valueCodes[Tid]=2023", query, StringComparison.Ordinal);
        Assert.Contains("outputFormat=json-stat2", query, StringComparison.Ordinal);
        Assert.DoesNotContain("Kjonn", query, StringComparison.Ordinal); // left out: SSB sums sexes and ages

        var (rows, problems) = PopulationParsers.ParseJsonStat(json, 2023);
        Assert.Empty(problems);
        Assert.Equal([31730, 51240, 59038], rows.Select(r => r.Population));
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, null)]
    [InlineData(HttpStatusCode.ServiceUnavailable, null)]
    [InlineData(HttpStatusCode.BadRequest, 400)]
    public async Task Error_answers_become_a_clear_exception(HttpStatusCode status, int? refused)
    {
        var (client, _) = Client((_, _) => Answer(status, """{"title": "No such value"}"""));

        var e = await Assert.ThrowsAsync<StatisticsNorwayUnavailableException>(() => client.GetPopulationJsonStatAsync(2023, Viken, Ct));
        Assert.Contains(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
        Assert.Equal(refused, e.RefusedStatus);
    }

    [Fact]
    public async Task Network_failure_becomes_a_clear_exception()
    {
        var (client, _) = Client((_, _) => throw new HttpRequestException("Name or service not known"));

        var e = await Assert.ThrowsAsync<StatisticsNorwayUnavailableException>(() => client.GetPopulationJsonStatAsync(2023, Viken, Ct));
        Assert.Contains("could not be reached", e.Message, StringComparison.Ordinal);
        Assert.Null(e.RefusedStatus);
    }

    [Fact]
    public async Task No_answer_within_the_time_limit_becomes_a_clear_exception()
    {
        var (client, _) = Client(async (_, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });

        var e = await Assert.ThrowsAsync<StatisticsNorwayUnavailableException>(() => client.GetPopulationJsonStatAsync(2023, Viken, Ct));
        Assert.Contains("did not answer within", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_time_limit_is_10_seconds() => Assert.Equal(TimeSpan.FromSeconds(10), SsbPxWebClient.DefaultTimeout);

    [Fact]
    public async Task Offline_mode_never_asks_and_says_so() =>
        await Assert.ThrowsAsync<StatisticsNorwayUnavailableException>(() => new OfflineStatisticsNorway().GetPopulationJsonStatAsync(2023, Viken, Ct));

    private sealed class FakeHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
    {
        public List<HttpRequestMessage> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return respond(request, cancellationToken);
        }
    }
}
