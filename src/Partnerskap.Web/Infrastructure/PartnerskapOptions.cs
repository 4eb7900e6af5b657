namespace Partnerskap.Web.Infrastructure;

/// <summary>The "Partnerskap" configuration section (api.md "Running the app").</summary>
public sealed class PartnerskapOptions
{
    public const string Section = "Partnerskap";

    /// <summary>SQLite database, stored documents and the mail pickup folder. Relative paths are under the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    public DatabaseOptions Database { get; set; } = new();

    public BootstrapAdminOptions BootstrapAdmin { get; set; } = new();

    /// <summary>Create demo board and member-contact logins on first start (default: only in Development).</summary>
    public bool? CreateDemoUsers { get; set; }

    public SecurityOptions Security { get; set; } = new();

    public string DataDirectoryFullPath => Path.GetFullPath(DataDirectory);

    public sealed class DatabaseOptions
    {
        /// <summary>"Sqlite" (default) or "PostgreSql".</summary>
        public string Provider { get; set; } = "Sqlite";
    }

    public sealed class SecurityOptions
    {
        /// <summary>
        /// Office users who log in with a password must use a second factor (TOTP authenticator app) before they can do
        /// anything else. On by default; appsettings.Development.json turns it off for local development.
        /// </summary>
        public bool RequireTwoFactorForOffice { get; set; } = true;
    }

    public sealed class BootstrapAdminOptions
    {
        public string? Email { get; set; }

        public string? Password { get; set; }
    }
}
