namespace Partnerskap.Web.Infrastructure.Mail;

/// <summary>The "Partnerskap:Mail" configuration section.</summary>
public sealed class MailOptions
{
    public const string Section = "Partnerskap:Mail";

    /// <summary>The From header, e.g. "DigiViken &lt;post@digiviken.no&gt;".</summary>
    public string From { get; set; } = "Partnerskap <noreply@partnerskap.local>";

    public SmtpOptions Smtp { get; set; } = new();

    public sealed class SmtpOptions
    {
        /// <summary>When set, mail goes over SMTP; when empty, it is written to {DataDirectory}/mail as .eml files.</summary>
        public string? Host { get; set; }

        public int Port { get; set; } = 587;

        /// <summary>Require STARTTLS (default). False sends in plain text: only for a local sink such as smtp4dev. Port 465 always uses TLS on connect.</summary>
        public bool UseStartTls { get; set; } = true;

        /// <summary>Authenticate when set.</summary>
        public string? User { get; set; }

        public string? Password { get; set; }
    }
}
