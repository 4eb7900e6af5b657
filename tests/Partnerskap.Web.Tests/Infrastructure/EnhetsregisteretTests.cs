using System.Net;
using System.Text;
using Partnerskap.Web.Infrastructure.Brreg;

namespace Partnerskap.Web.Tests.Infrastructure;

public class EnhetsregisteretTests
{
    // Shape from external-apis.md (d) (Digdir), with a forretningsadresse added.
    private const string Digdir = """
        {
          "organisasjonsnummer": "991825827",
          "navn": "DIGITALISERINGSDIREKTORATET",
          "organisasjonsform": {"kode": "ORGL", "beskrivelse": "Organisasjonsledd",
                                "_links": {"self": {"href": "https://data.brreg.no/enhetsregisteret/api/organisasjonsformer/ORGL"}}},
          "hjemmeside": "www.digdir.no",
          "postadresse": {"land": "Norge", "landkode": "NO", "postnummer": "0114", "poststed": "OSLO",
                          "adresse": ["Postboks 1382 Vika"], "kommune": "OSLO", "kommunenummer": "0301"},
          "forretningsadresse": {"land": "Norge", "landkode": "NO", "postnummer": "0154", "poststed": "OSLO",
                                 "adresse": ["Lørenveien 1", null, ""], "kommune": "OSLO", "kommunenummer": "0301"},
          "registreringsdatoEnhetsregisteret": "2007-10-15",
          "antallAnsatte": 433,
          "_links": {"self": {"href": "https://data.brreg.no/enhetsregisteret/api/enheter/991825827"}}
        }
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static (BrregClient Client, FakeHandler Handler) Client(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond)
    {
        var handler = new FakeHandler(respond);
        return (new BrregClient(new HttpClient(handler)) { Timeout = TimeSpan.FromMilliseconds(300) }, handler);
    }

    private static Task<HttpResponseMessage> Json(HttpStatusCode status, string json) =>
        Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") });

    [Fact]
    public async Task Found_unit_has_name_form_business_address_and_kommunenummer()
    {
        var (client, handler) = Client((_, _) => Json(HttpStatusCode.OK, Digdir));

        var unit = await client.LookupAsync("991 825 827", Ct);

        Assert.NotNull(unit);
        Assert.Equal("991825827", unit.Orgnr);
        Assert.Equal("DIGITALISERINGSDIREKTORATET", unit.Name);
        Assert.Equal("ORGL", unit.OrganisationForm);
        Assert.Equal(["Lørenveien 1"], unit.AddressLines);
        Assert.Equal("0154", unit.PostalCode);
        Assert.Equal("OSLO", unit.City);
        Assert.Equal("0301", unit.MunicipalityNumber);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("https://data.brreg.no/enhetsregisteret/api/enheter/991825827", request.RequestUri!.ToString());
        Assert.Contains(request.Headers.Accept, a => a.MediaType == "application/json");
    }

    [Fact]
    public async Task Without_a_business_address_the_postal_address_is_used()
    {
        var json = Digdir.Replace("\"forretningsadresse\"", "\"ignored\"", StringComparison.Ordinal);
        var (client, _) = Client((_, _) => Json(HttpStatusCode.OK, json));

        var unit = await client.LookupAsync("991825827", Ct);

        Assert.Equal(["Postboks 1382 Vika"], unit!.AddressLines);
        Assert.Equal("0114", unit.PostalCode);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Gone)]
    public async Task Unknown_or_removed_unit_is_null(HttpStatusCode status)
    {
        var (client, _) = Client((_, _) => Json(status, """{"status": 404}"""));
        Assert.Null(await client.LookupAsync("991825827", Ct));
    }

    [Theory]
    [InlineData("12345678")]
    [InlineData("991825828")] // wrong check digit
    [InlineData("abc")]
    [InlineData("../../x")]
    public async Task A_string_that_is_no_orgnr_is_null_without_a_request(string orgnr)
    {
        var (client, handler) = Client((_, _) => Json(HttpStatusCode.OK, Digdir));
        Assert.Null(await client.LookupAsync(orgnr, Ct));
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task Server_error_is_unavailable(HttpStatusCode status)
    {
        var (client, _) = Client((_, _) => Json(status, "{}"));
        var e = await Assert.ThrowsAsync<EnhetsregisteretUnavailableException>(() => client.LookupAsync("991825827", Ct));
        Assert.Contains(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeout_is_unavailable()
    {
        var (client, _) = Client(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });
        var e = await Assert.ThrowsAsync<EnhetsregisteretUnavailableException>(() => client.LookupAsync("991825827", Ct));
        Assert.Contains("did not answer", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Network_error_and_garbage_are_unavailable()
    {
        var (down, _) = Client((_, _) => throw new HttpRequestException("Connection refused"));
        await Assert.ThrowsAsync<EnhetsregisteretUnavailableException>(() => down.LookupAsync("991825827", Ct));

        var (garbage, _) = Client((_, _) => Json(HttpStatusCode.OK, "<html>maintenance</html>"));
        await Assert.ThrowsAsync<EnhetsregisteretUnavailableException>(() => garbage.LookupAsync("991825827", Ct));
    }

    [Fact]
    public async Task Cancellation_by_the_caller_stays_a_cancellation()
    {
        var (client, _) = Client(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.LookupAsync("991825827", cts.Token));
    }

    [Fact]
    public async Task Fixtures_serve_Asker_and_Viken_and_nothing_else()
    {
        var fixtures = new FixtureEnhetsregisteret(FixtureEnhetsregisteret.DefaultDirectory);

        var asker = await fixtures.LookupAsync("920125298", Ct);
        Assert.NotNull(asker);
        Assert.Equal("ASKER KOMMUNE", asker.Name);
        Assert.Equal("KOMM", asker.OrganisationForm);
        Assert.Equal("3203", asker.MunicipalityNumber);
        Assert.Equal("ASKER", asker.City);

        var viken = await fixtures.LookupAsync("921 693 230", Ct);
        Assert.Equal("VIKEN FYLKESKOMMUNE", viken!.Name);
        Assert.Equal("FYLK", viken.OrganisationForm);
        Assert.Empty(viken.AddressLines);

        Assert.Null(await fixtures.LookupAsync("991825827", Ct));
    }

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
