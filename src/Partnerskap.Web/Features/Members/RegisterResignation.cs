using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Members;
using Partnerskap.Web.Data;
using Partnerskap.Web.Infrastructure.Mail;
using Partnerskap.Web.Infrastructure.Pdf;

namespace Partnerskap.Web.Features.Members;

/// <summary>
/// MEM-3, MEM-4: registers a written notice of resignation, computes the exit date, produces the receipt letter (PDF)
/// and mails it to the member's contacts. Notice, documents and audit are saved in one transaction; the mail goes after.
/// </summary>
public static class RegisterResignation
{
    /// <param name="ReceivedAt">The instant the notice arrived (any offset), or null when only <paramref name="ReceivedOn"/> is known.</param>
    /// <param name="ReceivedOn">The Oslo date it arrived, when no instant is known.</param>
    public sealed record Command(int PartnershipId, string Orgnr, DateTimeOffset? ReceivedAt, DateOnly? ReceivedOn, Upload? Document);

    public sealed record Result(int NoticeId, DateOnly ReceivedOn, DateOnly EffectiveOn, bool OnTime, int ReceiptDocumentId, IReadOnlyList<string> MailedTo);

    public sealed class Handler(AppDbContext db, MemberDocuments documents, Records.Records records, IMailer mailer, TimeProvider clock, AuditContext audit, Infrastructure.Telemetry telemetry, ILogger<Handler> logger)
    {
        public async Task<Result> Handle(Command command, CancellationToken ct)
        {
            if (command.ReceivedAt is null == command.ReceivedOn is null)
            {
                throw RuleViolation.Invalid("receivedOn", "Give either receivedAt (an instant) or receivedOn (an Oslo date), not both and not neither.");
            }

            if (command.Document is null)
            {
                throw RuleViolation.Invalid("document", "A resignation must be in writing: attach the written notice (letter, e-mail or signed PDF).", "MEM-4");
            }

            var receivedOn = command.ReceivedOn ?? PartnershipTime.OsloDate(command.ReceivedAt!.Value);
            var receivedAt = command.ReceivedAt ?? NoonInOslo(receivedOn);
            var today = PartnershipTime.Today(clock);
            if (receivedOn > today)
            {
                throw RuleViolation.Invalid("receivedOn", $"The notice cannot have arrived in the future ({receivedOn:yyyy-MM-dd}; today is {today:yyyy-MM-dd}).");
            }

            var partnership = await db.Partnerships.SingleAsync(p => p.Id == command.PartnershipId, ct);
            var member = await db.Members.FindMemberAsync(command.PartnershipId, command.Orgnr, ct)
                ?? throw new KeyNotFoundException($"{command.Orgnr} is not in the member register of {partnership.Name}.");

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var written = await documents.AddAsync(partnership.Id, member.Id, "resignation-notice", command.Document, "document", ct);
                await db.SaveChangesAsync(ct);

                var notice = member.GiveNotice(receivedAt, receivedOn, written.Id, partnership.LateNoticePolicy, audit.CurrentActor, clock.GetUtcNow());
                var onTime = receivedOn <= Resignation.DeadlineIn(receivedOn.Year);
                var recipients = CurrentRecipients(member, today);
                var letter = ReceiptLetter(partnership.Name, partnership.HostOrganisationName, member, notice, onTime, partnership.NoticeWithdrawalAllowed, today);
                var pdf = LetterPdf.Render(letter);
                var receipt = await documents.AddAsync(partnership.Id, member.Id, "resignation-receipt",
                    $"kvittering-oppsigelse-{member.Orgnr}-{receivedOn:yyyy-MM-dd}.pdf", "application/pdf", pdf, ct);
                await db.SaveChangesAsync(ct);
                notice.AttachReceipt(receipt.Id);
                await db.SaveChangesAsync(ct);

                // ORG-1: the written notice (in) and the receipt (out) are filed in the member's case.
                var caseKey = $"member:{member.Orgnr}";
                var caseTitle = $"Medlemskap – {member.Name}";
                await records.FileAsync(partnership.Id, new Records.Records.Filing(
                    caseKey, caseTitle, Domain.Records.EntryType.Incoming, $"Skriftlig oppsigelse av partneravtalen – {member.Name}", receivedOn, member.Name,
                    Documents: [new Records.Records.FiledDocument(written.Id, "Skriftlig oppsigelse")]), ct);
                await records.FileAsync(partnership.Id, new Records.Records.Filing(
                    caseKey, caseTitle, Domain.Records.EntryType.Outgoing, $"Kvittering for oppsigelse – {member.Name}", today, member.Name,
                    Documents: [new Records.Records.FiledDocument(receipt.Id, "Kvittering")]), ct);
                await tx.CommitAsync(ct);
                telemetry.Resignations.Add(1);

                await MailAsync(partnership.Name, member, notice, recipients, pdf, receipt.FileName, ct);
                return new Result(notice.Id, notice.ReceivedOn, notice.EffectiveOn, onTime, receipt.Id, recipients.Select(r => r.Email).ToList());
            }
            catch (DbUpdateException e) when (IsUniqueViolation(e))
            {
                // A concurrent request registered a notice first (one standing notice per member, MEM-3).
                await tx.RollbackAsync(CancellationToken.None);
                await documents.DiscardAsync();
                throw RuleViolation.Conflict($"{member.Name} already has a standing notice of resignation.", "MEM-3");
            }
            catch
            {
                await tx.RollbackAsync(CancellationToken.None);
                await documents.DiscardAsync();
                throw;
            }
        }

        private async Task MailAsync(string partnershipName, Member member, ResignationNotice notice, List<MailRecipient> to, byte[] pdf, string fileName, CancellationToken ct)
        {
            if (to.Count == 0)
            {
                logger.LogWarning("Resignation receipt for {Orgnr} not mailed: the member has no current contact with an e-mail address", member.Orgnr);
                return;
            }

            try
            {
                await mailer.SendAsync(new OutgoingMail(
                    to,
                    $"{partnershipName}: bekreftelse på mottatt oppsigelse fra {member.Name}",
                    $"Vi bekrefter at {partnershipName} mottok skriftlig oppsigelse fra {member.Name} {Nb(notice.ReceivedOn)}.\n" +
                    $"Oppsigelsen får virkning fra {Nb(notice.EffectiveOn)}. Kvitteringsbrevet er vedlagt.\n\nProgramkontoret, {partnershipName}",
                    [new MailAttachment(fileName, "application/pdf", pdf)]), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The notice is registered and the receipt stored; a failed mail is logged and can be sent again.
                logger.LogError(e, "Could not mail the resignation receipt for {Orgnr}", member.Orgnr);
            }
        }

        private static bool IsUniqueViolation(DbUpdateException e) =>
            e.InnerException?.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) == true // SQLite
            || e.InnerException?.GetType().Name == "PostgresException" && e.InnerException.Message.StartsWith("23505", StringComparison.Ordinal);
    }

    /// <summary>Everyone holding a role at the member today, with an e-mail address (MEM-7: kommunedirektør and digitaliseringsleder first).</summary>
    public static List<MailRecipient> CurrentRecipients(Member member, DateOnly today) =>
        member.Roles.Where(r => r.Covers(today))
            .OrderBy(r => r.Role)
            .Select(r => member.Contacts.FirstOrDefault(c => c.Id == r.ContactId))
            .Where(c => c?.Email is not null)
            .DistinctBy(c => c!.Email)
            .Select(c => new MailRecipient(c!.Name, c.Email!))
            .ToList();

    public static Letter ReceiptLetter(string partnershipName, string? host, Member member, ResignationNotice notice, bool onTime, bool withdrawalAllowed, DateOnly today)
    {
        var paragraphs = new List<string>
        {
            $"Vi bekrefter at {partnershipName} {Nb(notice.ReceivedOn)} mottok skriftlig oppsigelse av deltakerforholdet i partnerskapet fra {member.Name}.",
            onTime
                ? $"Etter partneravtalen kan et medlem innen 30. juni si opp sitt deltakerforhold med virkning fra neste kalenderår. Oppsigelsen kom innen fristen og får virkning fra {Nb(notice.EffectiveOn)}."
                : $"Etter partneravtalen kan et medlem innen 30. juni si opp sitt deltakerforhold med virkning fra neste kalenderår. Oppsigelsen kom etter fristen 30. juni {notice.ReceivedOn.Year}, og får etter partnerskapets praksis virkning fra {Nb(notice.EffectiveOn)}.",
            $"Fra virkningstidspunktet er {member.Name} fritatt fra pliktene og rettighetene som følger av partneravtalen og vedtektene. Fram til da gjelder medlemskapet som før, også stemmerett og plikten til å betale kontingent for årene før virkningstidspunktet.",
        };
        if (withdrawalAllowed)
        {
            paragraphs.Add($"Oppsigelsen kan trekkes tilbake skriftlig før {Nb(notice.EffectiveOn)}.");
        }

        return new Letter(
            SenderName: $"{partnershipName} – programkontoret",
            SenderAddressLines: host is null ? [] : [$"Vertskap: {host}"],
            RecipientName: member.Name,
            RecipientAddressLines: member.AddressLines(),
            Date: today,
            Reference: $"Oppsigelse {member.Orgnr}/{notice.ReceivedOn:yyyy}",
            Title: "Bekreftelse på mottatt oppsigelse",
            Paragraphs: paragraphs,
            Facts:
            [
                ("Medlem", member.Name),
                ("Organisasjonsnummer", member.Orgnr),
                ("Oppsigelse mottatt", Nb(notice.ReceivedOn)),
                ("Innen fristen 30. juni", onTime ? "Ja" : "Nei"),
                ("Virkning fra", Nb(notice.EffectiveOn)),
                ("Regler", "Partneravtalen § 4 Oppsigelse (MEM-3, MEM-4, MEM-5)"),
            ],
            Closing: $"Med vennlig hilsen\nProgramkontoret, {partnershipName}");
    }

    private static string Nb(DateOnly date) => date.ToString("d. MMMM yyyy", CultureInfo.GetCultureInfo("nb-NO"));

    private static DateTimeOffset NoonInOslo(DateOnly date)
    {
        var local = date.ToDateTime(new TimeOnly(12, 0));
        return new DateTimeOffset(local, PartnershipTime.Oslo.GetUtcOffset(local)).ToUniversalTime();
    }
}
