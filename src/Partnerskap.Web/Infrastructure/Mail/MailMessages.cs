using System.Text;
using MimeKit;

namespace Partnerskap.Web.Infrastructure.Mail;

/// <summary>Builds the MIME message both mailers send, so the pickup folder shows exactly what SMTP would carry.</summary>
public static class MailMessages
{
    public static MimeMessage Build(OutgoingMail mail, string from, DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (mail.To is null || mail.To.Count == 0)
        {
            throw new ArgumentException("A mail needs at least one recipient.", nameof(mail));
        }

        var message = new MimeMessage { Subject = mail.Subject ?? "", Date = date };
        message.From.Add(MailboxAddress.Parse(from));
        foreach (var recipient in mail.To)
        {
            message.To.Add(new MailboxAddress(recipient.Name, recipient.Email));
        }

        var text = new TextPart("plain");
        text.SetText(Encoding.UTF8, mail.TextBody ?? "");
        var attachments = mail.Attachments ?? [];
        if (attachments.Count == 0)
        {
            message.Body = text;
        }
        else
        {
            var multipart = new Multipart("mixed") { text };
            foreach (var attachment in attachments)
            {
                multipart.Add(new MimePart(ContentType.Parse(attachment.ContentType))
                {
                    Content = new MimeContent(new MemoryStream(attachment.Content, writable: false)),
                    ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
                    ContentTransferEncoding = ContentEncoding.Base64,
                    FileName = attachment.FileName,
                });
            }

            message.Body = multipart;
        }

        // 7-bit clean (quoted-printable text, base64 attachments): safe for any relay and any .eml reader.
        message.Prepare(EncodingConstraint.SevenBit);
        return message;
    }
}
