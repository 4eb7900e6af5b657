namespace Partnerskap.Web.Infrastructure.Brreg;

/// <summary>
/// A unit in Enhetsregisteret. The address is the business address (forretningsadresse) when the unit has one, else the
/// postal address (postadresse); <see cref="MunicipalityNumber"/> is the kommunenummer of that address.
/// </summary>
public sealed record Enhet(string Orgnr, string Name, string? OrganisationForm, IReadOnlyList<string> AddressLines, string? PostalCode, string? City, string? MunicipalityNumber);

/// <summary>Enhetsregisteret could not be asked (network error, timeout, 5xx or an unreadable answer). Try again later.</summary>
public sealed class EnhetsregisteretUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

public interface IEnhetsregisteret
{
    /// <summary>
    /// The unit with this orgnr, or null when the register has none (404/410). A string that is not a valid orgnr
    /// (nine digits, spaces allowed, mod-11) cannot be in the register either: null, without a request.
    /// </summary>
    Task<Enhet?> LookupAsync(string orgnr, CancellationToken ct);
}
