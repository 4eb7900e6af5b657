namespace Partnerskap.Web.Infrastructure.Mail;

public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

public sealed record OutgoingMail(IReadOnlyList<MailRecipient> To, string Subject, string TextBody, IReadOnlyList<MailAttachment> Attachments);

public sealed record MailRecipient(string Name, string Email);

/// <summary>Sends a plain-text mail: to the pickup folder by default, over SMTP when Partnerskap:Mail:Smtp:Host is set.</summary>
public interface IMailer
{
    Task SendAsync(OutgoingMail mail, CancellationToken ct);
}
