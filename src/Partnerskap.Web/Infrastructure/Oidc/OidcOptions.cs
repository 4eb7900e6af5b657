namespace Partnerskap.Web.Infrastructure.Oidc;

/// <summary>
/// The "Partnerskap:Oidc" configuration section: login with ID-porten, Ansattporten or Entra ID through the standard
/// OpenID Connect handler. Without <see cref="Enabled"/> (or without authority and client id) there is no OIDC at all.
/// </summary>
public sealed class OidcOptions
{
    public const string Section = "Partnerskap:Oidc";

    /// <summary>The authentication scheme, and the login provider name stored with a user's external login.</summary>
    public const string Scheme = "oidc";

    public bool Enabled { get; set; }

    /// <summary>Button text: "Logg inn med {DisplayName}".</summary>
    public string DisplayName { get; set; } = "ID-porten";

    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Space-separated scopes.</summary>
    public string Scopes { get; set; } = "openid profile email";

    /// <summary>The claim that identifies the person (stored as the external login key). ID-porten: "pid"; Entra ID: "oid".</summary>
    public string PersonClaim { get; set; } = "email";

    public string EmailClaim { get; set; } = "email";

    public string NameClaim { get; set; } = "name";

    /// <summary>The claim carrying the organisation number (optional).</summary>
    public string? OrgnrClaim { get; set; }

    /// <summary>Role of a user created on first login (only with <see cref="AutoProvision"/>).</summary>
    public string DefaultRole { get; set; } = Data.Roles.MemberContact;

    /// <summary>Create a user on first login. Off by default: only persons the office has created may log in.</summary>
    public bool AutoProvision { get; set; }

    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Configured well enough to be switched on.</summary>
    public bool IsActive => Enabled && !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
