using System.Globalization;
using Microsoft.Extensions.Options;

namespace Partnerskap.Web.Infrastructure.Mail;

/// <summary>
/// The default mailer: writes each mail as {DataDirectory}/mail/{yyyyMMdd-HHmmss}-{guid}.eml (UTC time), which any
/// mail client opens. The file is written under a temporary name and then renamed, so a watcher never reads half a mail.
/// </summary>
public sealed class PickupDirectoryMailer(IOptions<PartnerskapOptions> options, IOptions<MailOptions> mailOptions, TimeProvider clock) : IMailer
{
    public string Directory { get; } = Path.Combine(options.Value.DataDirectoryFullPath, "mail");

    public async Task SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var message = MailMessages.Build(mail, mailOptions.Value.From, now);
        System.IO.Directory.CreateDirectory(Directory);
        var name = $"{now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}.eml";
        var tempPath = Path.Combine(Directory, $".{name}.tmp");
        try
        {
            await message.WriteToAsync(tempPath, ct);
            File.Move(tempPath, Path.Combine(Directory, name));
        }
        finally
        {
            File.Delete(tempPath); // no-op after the move
        }
    }
}
