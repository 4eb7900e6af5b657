using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Partnerskap.Web.Infrastructure.Mail;

/// <summary>Sends over SMTP with MailKit; used when Partnerskap:Mail:Smtp:Host is set. One connection per mail.</summary>
public sealed class SmtpMailer(IOptions<MailOptions> mailOptions, TimeProvider clock) : IMailer
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        var options = mailOptions.Value;
        var smtp = options.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            throw new InvalidOperationException("Partnerskap:Mail:Smtp:Host is not set.");
        }

        var message = MailMessages.Build(mail, options.From, clock.GetUtcNow());
        var security = smtp.Port == 465 ? SecureSocketOptions.SslOnConnect
            : smtp.UseStartTls ? SecureSocketOptions.StartTls
            : SecureSocketOptions.None;

        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host, smtp.Port, security, ct);
        if (!string.IsNullOrEmpty(smtp.User))
        {
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
