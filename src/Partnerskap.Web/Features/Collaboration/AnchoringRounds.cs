using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Collaboration;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Members;
using Partnerskap.Domain.Records;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Members;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Infrastructure.Mail;

namespace Partnerskap.Web.Features.Collaboration;

/// <summary>
/// MEM-7: anchoring rounds. The matter is mailed to each current member's kommunedirektør and digitaliseringsleder
/// (the role holders on the start date); answers and their dates are recorded; reminders go to those who have not
/// answered. The round (out) and each answer (in) are filed in the case <c>anchoring:{id}</c>.
/// </summary>
public sealed class AnchoringRounds(AppDbContext db, Records.Records records, IMailer mailer, AuditContext audit, TimeProvider clock, ILogger<AnchoringRounds> logger)
{
    public sealed record LineDto(string Orgnr, string MemberName, IReadOnlyList<string> MailedTo, string? Answer, DateOnly? AnsweredOn, DateOnly? RemindedOn, int Reminders);

    /// <param name="NotAnswered">Names of the members without an answer.</param>
    public sealed record Dto(int Id, string Title, string Matter, DateOnly StartedOn, DateOnly Deadline, IReadOnlyList<LineDto> Lines, IReadOnlyList<string> NotAnswered);

    private static readonly MemberRole[] Anchors = [MemberRole.ChiefExecutive, MemberRole.HeadOfDigitalisation];

    public static string CaseKey(int id) => $"anchoring:{id}";

    public async Task<AnchoringRound> StartAsync(int partnershipId, string? title, string? matter, DateOnly? deadline, CancellationToken ct)
    {
        var today = PartnershipTime.Today(clock);
        var members = await db.Members.AsNoTracking().WithRecord().Where(m => m.PartnershipId == partnershipId).ToListAsync(ct);
        var current = members.Where(m => m.StatusOn(today) is MembershipStatus.Member or MembershipStatus.NoticeGiven).OrderBy(m => m.Name, Bokmal.Order).ToList();
        var recipients = current.ToDictionary(m => m.Id, m => Recipients(m, today));
        var round = new AnchoringRound(partnershipId, title ?? "", matter ?? "", today, deadline ?? today.AddDays(30),
            current.Select(m => (m.Id, string.Join(", ", recipients[m.Id].Select(r => r.Email)))));

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            db.AnchoringRounds.Add(round);
            await db.SaveChangesAsync(ct);
            await records.FileAsync(partnershipId, new Records.Records.Filing(
                CaseKey(round.Id), $"Forankring: {round.Title}", EntryType.Outgoing, $"Forankring hos medlemmene: {round.Title}", today, "Medlemmene"), ct);
            await tx.CommitAsync(ct);
        }

        foreach (var m in current.Where(m => recipients[m.Id].Count > 0))
        {
            await MailAsync(recipients[m.Id], $"Forankring: {round.Title}",
                $"Til kommunedirektør og digitaliseringsleder i {m.Name}\n\n{round.Matter}\n\nVi ber om svar innen {round.Deadline:dd.MM.yyyy}.\n", ct);
        }

        return round;
    }

    public async Task<AnchoringRound?> FindAsync(int id, CancellationToken ct) =>
        await db.AnchoringRounds.Include(r => r.Lines).SingleOrDefaultAsync(r => r.Id == id, ct);

    public async Task RecordAnswerAsync(AnchoringRound round, string orgnr, string? answer, DateOnly? answeredOn, CancellationToken ct)
    {
        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.PartnershipId == round.PartnershipId && m.Orgnr == orgnr, ct)
            ?? throw new KeyNotFoundException($"{orgnr} is not a member.");
        var today = PartnershipTime.Today(clock);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var line = round.RecordAnswer(member.Id, answer ?? "", answeredOn ?? today, today, audit.CurrentActor); // MEM-7
        await db.SaveChangesAsync(ct);
        await records.FileAsync(round.PartnershipId, new Records.Records.Filing(
            CaseKey(round.Id), $"Forankring: {round.Title}", EntryType.Incoming, $"Svar fra {member.Name}", line.AnsweredOn!.Value, member.Name), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>MEM-7: reminds the members that have not answered; returns how many were reminded.</summary>
    public async Task<int> RemindAsync(AnchoringRound round, CancellationToken ct)
    {
        var today = PartnershipTime.Today(clock);
        var open = round.Remind(today);
        await db.SaveChangesAsync(ct);
        var ids = open.Select(l => l.MemberId).ToList();
        var members = await db.Members.AsNoTracking().WithRecord().Where(m => ids.Contains(m.Id)).ToListAsync(ct);
        foreach (var m in members)
        {
            var to = Recipients(m, today);
            if (to.Count > 0)
            {
                await MailAsync(to, $"Påminnelse – forankring: {round.Title}",
                    $"Til kommunedirektør og digitaliseringsleder i {m.Name}\n\nVi har ikke mottatt svar på forankringen «{round.Title}». Fristen er {round.Deadline:dd.MM.yyyy}.\n\n{round.Matter}\n", ct);
            }
        }

        return open.Count;
    }

    public async Task<Dto> ToDtoAsync(AnchoringRound r, ClaimsPrincipal user, CancellationToken ct)
    {
        var members = await db.Members.AsNoTracking().Where(m => m.PartnershipId == r.PartnershipId).ToDictionaryAsync(m => m.Id, ct);
        var all = user.IsOffice() || user.IsInRole(Roles.Board);
        var lines = r.Lines.Where(l => all || members[l.MemberId].Orgnr == user.Orgnr())
            .Select(l => new LineDto(members[l.MemberId].Orgnr, members[l.MemberId].Name,
                all ? l.MailedTo.Split(", ", StringSplitOptions.RemoveEmptyEntries) : [], l.Answer, l.AnsweredOn, l.RemindedOn, l.Reminders))
            .OrderBy(l => l.MemberName, Bokmal.Order).ToList();
        return new Dto(r.Id, r.Title, r.Matter, r.StartedOn, r.Deadline, lines, lines.Where(l => l.AnsweredOn is null).Select(l => l.MemberName).ToList());
    }

    /// <summary>MEM-7: the current chief executive and head of digitalisation with an e-mail address.</summary>
    private static List<MailRecipient> Recipients(Member m, DateOnly today) =>
        m.Roles.Where(r => Anchors.Contains(r.Role) && r.Covers(today))
            .Select(r => m.Contacts.FirstOrDefault(c => c.Id == r.ContactId))
            .Where(c => c?.Email is not null)
            .DistinctBy(c => c!.Email)
            .Select(c => new MailRecipient(c!.Name, c.Email!))
            .ToList();

    private async Task MailAsync(List<MailRecipient> to, string subject, string body, CancellationToken ct)
    {
        try
        {
            await mailer.SendAsync(new OutgoingMail(to, subject, body, []), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The round is recorded; a failed mail is logged and a reminder can be sent later.
            logger.LogWarning(e, "Anchoring mail to {Recipients} failed", string.Join(", ", to.Select(t => t.Email)));
        }
    }
}
