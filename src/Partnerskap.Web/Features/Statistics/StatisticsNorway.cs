using System.Globalization;
using System.Net.Http.Headers;

namespace Partnerskap.Web.Features.Statistics;

/// <summary>Statistics Norway (SSB): population on 1 January per municipality, table 07459 (FIN-1).</summary>
public interface IStatisticsNorway
{
    /// <summary>
    /// The JSON-stat 2.0 dataset of table 07459 for these municipalities and <paramref name="year"/>, all sexes and ages
    /// summed (Kjonn and Alder left out of the query). Throws <see cref="StatisticsNorwayUnavailableException"/> when SSB
    /// cannot be asked or refuses.
    /// </summary>
    Task<string> GetPopulationJsonStatAsync(int year, IReadOnlyList<string> municipalityNumbers, CancellationToken ct);
}

/// <summary>SSB could not be asked (network, timeout, 5xx) or refused the query (<see cref="RefusedStatus"/> set for a 4xx).</summary>
public sealed class StatisticsNorwayUnavailableException(string message, int? refusedStatus = null, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>SSB's 4xx status when it answered but refused the query (e.g. an unknown region code); null when it did not answer.</summary>
    public int? RefusedStatus { get; } = refusedStatus;
}

/// <summary>The "Partnerskap:Ssb" configuration section.</summary>
public sealed class SsbOptions
{
    public const string Section = "Partnerskap:Ssb";

    /// <summary>"Online" (default): ask data.ssb.no. "Offline": never ask; import files instead.</summary>
    public string Mode { get; set; } = "Online";

    public bool IsOffline => string.Equals(Mode, "Offline", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// PxWebApi v2 (external-apis.md §c): GET https://data.ssb.no/api/pxwebapi/v2/tables/07459/data with
/// <c>valueCodes[Region]</c>, <c>valueCodes[ContentsCode]=Personer1</c>, <c>valueCodes[Tid]</c> and
/// <c>outputFormat=json-stat2</c>. A typed HttpClient; every failure becomes <see cref="StatisticsNorwayUnavailableException"/>.
/// </summary>
public sealed class SsbPxWebClient : IStatisticsNorway
{
    public static readonly Uri DefaultBaseAddress = new("https://data.ssb.no/api/pxwebapi/v2/");

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly HttpClient _http;

    public SsbPxWebClient(HttpClient http)
    {
        _http = http;
        _http.BaseAddress ??= DefaultBaseAddress;
    }

    /// <summary>Per-request time limit (10 s), enforced here whatever the HttpClient's own timeout is.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>The relative request URI (brackets as in SSB's documentation; GET stays far below the ~2,000-character limit for a partnership's members).</summary>
    public static string PopulationQuery(int year, IReadOnlyList<string> municipalityNumbers) =>
        "tables/07459/data?lang=no" +
        $"&valueCodes[Region]={string.Join(",", municipalityNumbers.Select(Uri.EscapeDataString))}" +
        "&valueCodes[ContentsCode]=Personer1" +
        $"&valueCodes[Tid]={year.ToString(CultureInfo.InvariantCulture)}" +
        "&outputFormat=json-stat2";

    public async Task<string> GetPopulationJsonStatAsync(int year, IReadOnlyList<string> municipalityNumbers, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, PopulationQuery(year, municipalityNumbers));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                var body = await response.Content.ReadAsStringAsync(timeout.Token);
                var detail = body.Length > 300 ? body[..300] + "…" : body;
                throw new StatisticsNorwayUnavailableException(
                    $"SSB answered {status} {response.ReasonPhrase} for table 07459, {year}: {detail}".TrimEnd(' ', ':'),
                    status is >= 400 and < 500 ? status : null);
            }

            return await response.Content.ReadAsStringAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new StatisticsNorwayUnavailableException(
                string.Create(CultureInfo.InvariantCulture, $"SSB did not answer within {Timeout.TotalSeconds:0.#} s (table 07459, {year})."));
        }
        catch (HttpRequestException e)
        {
            throw new StatisticsNorwayUnavailableException($"SSB could not be reached (table 07459, {year}): {e.Message}", null, e);
        }
    }
}

/// <summary>Partnerskap:Ssb:Mode = Offline: SSB is never asked; population comes from imported files.</summary>
public sealed class OfflineStatisticsNorway : IStatisticsNorway
{
    public Task<string> GetPopulationJsonStatAsync(int year, IReadOnlyList<string> municipalityNumbers, CancellationToken ct) =>
        Task.FromException<string>(new StatisticsNorwayUnavailableException(
            "SSB is not asked in offline mode (Partnerskap:Ssb:Mode = Offline). Import a CSV or JSON-stat file instead."));
}
