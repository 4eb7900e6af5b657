using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Partnerskap.Web.Infrastructure.Mail;
using Partnerskap.Web.Infrastructure.Pdf;

namespace Partnerskap.Web.Tests.Infrastructure;

public sealed class MailerTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 14, 30, 5, TimeSpan.Zero));

    public void Dispose() => _data.Dispose();

    private static OutgoingMail Invoice(byte[] pdf) => new(
        To: [new MailRecipient("Bærum kommune, økonomi", "okonomi@baerum.example"), new MailRecipient("Åse Øvrebø", "ase@asker.example")],
        Subject: "Faktura for partnerskapsavgift – Bærum",
        TextBody: "Hei!\n\nVedlagt er fakturaen for 2027. Spørsmål? Svar på denne e-posten.\n\nMed vennlig hilsen\nDigiViken – æøå ÆØÅ",
        Attachments: [new MailAttachment("Faktura Bærum 2027.pdf", "application/pdf", pdf)]);

    [Fact]
    public async Task Pickup_mailer_writes_one_eml_that_MimeKit_reads_back()
    {
        var pdf = LetterPdf.Render(LetterPdfTests.TwoPageLetter());
        var mailer = new PickupDirectoryMailer(_data.Options, Options.Create(new MailOptions()), _clock);

        await mailer.SendAsync(Invoice(pdf), TestContext.Current.CancellationToken);

        var file = Assert.Single(Directory.GetFiles(Path.Combine(_data.Path, "mail")));
        Assert.Matches(@"/20261125-143005-[0-9a-f]{32}\.eml$", file);
        Assert.All(await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken), b => Assert.True(b < 128, "the .eml is 7-bit clean"));

        var message = await MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken);
        Assert.Equal("Faktura for partnerskapsavgift – Bærum", message.Subject);
        Assert.Equal("\"Partnerskap\" <noreply@partnerskap.local>", message.From.ToString());
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 14, 30, 5, TimeSpan.Zero), message.Date);
        Assert.Equal(
            ["Bærum kommune, økonomi <okonomi@baerum.example>", "Åse Øvrebø <ase@asker.example>"],
            message.To.Mailboxes.Select(m => $"{m.Name} <{m.Address}>"));
        Assert.Equal(Invoice(pdf).TextBody, message.TextBody?.ReplaceLineEndings("\n"));
        var body = Assert.IsType<TextPart>(message.BodyParts.First());
        Assert.Equal("utf-8", body.ContentType.Charset, ignoreCase: true);

        var attachment = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal("Faktura Bærum 2027.pdf", attachment.FileName);
        Assert.Equal("application/pdf", attachment.ContentType.MimeType);
        using var content = new MemoryStream();
        await Assert.IsType<MimeContent>(attachment.Content).DecodeToAsync(content, TestContext.Current.CancellationToken);
        Assert.Equal(pdf, content.ToArray());
    }

    [Fact]
    public async Task Pickup_mailer_uses_the_configured_sender()
    {
        var mailer = new PickupDirectoryMailer(_data.Options, Options.Create(new MailOptions { From = "DigiViken <post@digiviken.example>" }), _clock);
        await mailer.SendAsync(Invoice([1, 2, 3]) with { Attachments = [] }, TestContext.Current.CancellationToken);

        var message = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(Path.Combine(_data.Path, "mail"))), TestContext.Current.CancellationToken);
        Assert.Equal("post@digiviken.example", Assert.Single(message.From.Mailboxes).Address);
        Assert.Empty(message.Attachments);
    }

    [Fact]
    public async Task A_mail_without_recipients_is_refused()
    {
        var mailer = new PickupDirectoryMailer(_data.Options, Options.Create(new MailOptions()), _clock);
        await Assert.ThrowsAsync<ArgumentException>(() => mailer.SendAsync(Invoice([1]) with { To = [] }, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Smtp_mailer_delivers_to_an_SMTP_server()
    {
        using var server = new OneMailSmtpServer();
        var options = new MailOptions { Smtp = new() { Host = "127.0.0.1", Port = server.Port, UseStartTls = false } };
        var mailer = new SmtpMailer(Options.Create(options), _clock);

        await mailer.SendAsync(Invoice([37, 80, 68, 70]), TestContext.Current.CancellationToken);

        var data = await server.Received.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.ASCII.GetBytes(data)), TestContext.Current.CancellationToken);
        Assert.Equal("Faktura for partnerskapsavgift – Bærum", message.Subject);
        Assert.Equal(2, message.To.Count);
        Assert.Contains("æøå ÆØÅ", message.TextBody ?? "", StringComparison.Ordinal);
    }

    /// <summary>A minimal plain SMTP server on loopback that accepts exactly one mail and returns its DATA.</summary>
    private sealed class OneMailSmtpServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

        public OneMailSmtpServer()
        {
            _listener.Start();
            Received = Task.Run(ServeAsync);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public Task<string> Received { get; }

        public void Dispose() => _listener.Stop();

        private async Task<string> ServeAsync()
        {
            using var client = await _listener.AcceptTcpClientAsync();
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 localhost test SMTP");
            var data = new StringBuilder();
            while (await reader.ReadLineAsync() is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-localhost");
                        await writer.WriteLineAsync("250 8BITMIME");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                        while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }

                        await writer.WriteLineAsync("250 queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 bye");
                        return data.ToString();
                    default:
                        await writer.WriteLineAsync("250 ok");
                        break;
                }
            }

            return data.ToString();
        }
    }
}
