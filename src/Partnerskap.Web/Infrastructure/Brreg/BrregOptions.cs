namespace Partnerskap.Web.Infrastructure.Brreg;

/// <summary>The "Partnerskap:Brreg" configuration section.</summary>
public sealed class BrregOptions
{
    public const string Section = "Partnerskap:Brreg";

    public const string Offline = "Offline";

    /// <summary>"Online" (default): ask data.brreg.no. "Offline": serve the fixtures in <see cref="FixtureDirectory"/>.</summary>
    public string Mode { get; set; } = "Online";

    /// <summary>Folder of {orgnr}.json files; default: the shipped Infrastructure/Brreg/Fixtures beside the app.</summary>
    public string? FixtureDirectory { get; set; }

    public bool IsOffline => string.Equals(Mode, Offline, StringComparison.OrdinalIgnoreCase);
}
