using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Partnerskap.Web.Infrastructure.Brreg;

/// <summary>
/// Enhetsregisteret's open API (no key): GET https://data.brreg.no/enhetsregisteret/api/enheter/{orgnr}.
/// A typed HttpClient; every failure to get an answer becomes <see cref="EnhetsregisteretUnavailableException"/>.
/// </summary>
public sealed class BrregClient : IEnhetsregisteret
{
    public static readonly Uri DefaultBaseAddress = new("https://data.brreg.no/enhetsregisteret/api/");

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    private readonly HttpClient _http;

    public BrregClient(HttpClient http)
    {
        _http = http;
        _http.BaseAddress ??= DefaultBaseAddress;
    }

    /// <summary>Per-lookup time limit (5 s), enforced here whatever the HttpClient's own timeout is.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    public async Task<Enhet?> LookupAsync(string orgnr, CancellationToken ct)
    {
        var digits = BrregJson.Normalize(orgnr);
        if (digits is null)
        {
            return null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"enheter/{digits}");
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            {
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new EnhetsregisteretUnavailableException(
                    $"Enhetsregisteret answered {(int)response.StatusCode} {response.ReasonPhrase} for {digits}.");
            }

            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            return await BrregJson.ReadAsync(body, digits, timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new EnhetsregisteretUnavailableException(
                $"Enhetsregisteret did not answer within {Timeout.TotalSeconds:0.#} s for {digits}.");
        }
        catch (HttpRequestException e)
        {
            throw new EnhetsregisteretUnavailableException($"Enhetsregisteret could not be reached for {digits}: {e.Message}", e);
        }
        catch (JsonException e)
        {
            throw new EnhetsregisteretUnavailableException($"Enhetsregisteret sent an unreadable answer for {digits}.", e);
        }
    }
}
