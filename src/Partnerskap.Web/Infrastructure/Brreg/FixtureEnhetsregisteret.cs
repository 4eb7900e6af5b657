namespace Partnerskap.Web.Infrastructure.Brreg;

/// <summary>
/// Serves recorded Enhetsregisteret answers from a folder: one {orgnr}.json per unit, in the API's JSON shape.
/// Used when Partnerskap:Brreg:Mode is "Offline" (development, tests and demos without network). No file → null.
/// </summary>
public sealed class FixtureEnhetsregisteret(string directory) : IEnhetsregisteret
{
    /// <summary>The shipped fixtures, copied beside the app: {app}/Infrastructure/Brreg/Fixtures.</summary>
    public static string DefaultDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "Infrastructure", "Brreg", "Fixtures");

    public string Directory { get; } = Path.GetFullPath(directory);

    public async Task<Enhet?> LookupAsync(string orgnr, CancellationToken ct)
    {
        var digits = BrregJson.Normalize(orgnr);
        if (digits is null)
        {
            return null;
        }

        var path = Path.Combine(Directory, digits + ".json");
        if (!File.Exists(path))
        {
            return null;
        }

        await using var json = File.OpenRead(path);
        try
        {
            return await BrregJson.ReadAsync(json, digits, ct);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new InvalidDataException($"The Enhetsregisteret fixture {path} is not valid JSON in the API's shape: {e.Message}", e);
        }
    }
}
