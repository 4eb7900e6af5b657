using System.Text.Json;
using Partnerskap.Domain.Members;

namespace Partnerskap.Web.Infrastructure.Brreg;

/// <summary>Reads the JSON of GET enheter/{orgnr} (external-apis.md (d)); shared by the live client and the fixtures.</summary>
internal static class BrregJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static async Task<Enhet> ReadAsync(Stream json, string requestedOrgnr, CancellationToken ct)
    {
        var unit = await JsonSerializer.DeserializeAsync<EnhetDto>(json, Options, ct)
                   ?? throw new JsonException("The response was JSON null.");
        var address = unit.Forretningsadresse ?? unit.Postadresse;
        return new Enhet(
            Orgnr: string.IsNullOrWhiteSpace(unit.Organisasjonsnummer) ? requestedOrgnr : unit.Organisasjonsnummer,
            Name: unit.Navn ?? "",
            OrganisationForm: unit.Organisasjonsform?.Kode,
            AddressLines: [.. (address?.Adresse ?? []).Where(line => !string.IsNullOrWhiteSpace(line)).Select(line => line!.Trim())],
            PostalCode: address?.Postnummer,
            City: address?.Poststed,
            MunicipalityNumber: address?.Kommunenummer);
    }

    /// <summary>The nine digits of a valid orgnr, or null when <paramref name="orgnr"/> cannot be one.</summary>
    public static string? Normalize(string? orgnr) =>
        OrganisationNumber.TryParse(orgnr, out var number) ? number.Value : null;

    private sealed record EnhetDto(
        string? Organisasjonsnummer,
        string? Navn,
        KodeDto? Organisasjonsform,
        AdresseDto? Forretningsadresse,
        AdresseDto? Postadresse);

    private sealed record KodeDto(string? Kode, string? Beskrivelse);

    private sealed record AdresseDto(
        string? Land,
        string? Landkode,
        string? Postnummer,
        string? Poststed,
        IReadOnlyList<string?>? Adresse,
        string? Kommune,
        string? Kommunenummer);
}
