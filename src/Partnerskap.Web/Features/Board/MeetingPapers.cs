using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Board;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Meetings;
using Partnerskap.Web.Data;
using Partnerskap.Web.Infrastructure.Mail;
using Partnerskap.Web.Infrastructure.Pdf;

namespace Partnerskap.Web.Features.Board;

/// <summary>
/// What a board meeting produces on paper: the notice with the agenda, the meeting book (møtebok: the agenda's cases
/// with presentation, proposed decision and papers; restricted papers left out for a recused reader, DIS-3) and the
/// minutes (protokoll: attendance, recusals with reasons, decisions with vote results, approval).
/// </summary>
public sealed class MeetingPapers(AppDbContext db, BoardSeats seats, BoardWork work, IMailer mailer, TimeProvider clock)
{
    private static readonly CultureInfo Nb = CultureInfo.GetCultureInfo("nb-NO");

    public sealed record Person(string UserId, string Name, string Email, string Role, bool Present);

    public sealed record RecusalLine(int Id, string UserId, string Name, string Reason, string Kind);

    public sealed record CaseLine(int Id, string Number, string Title, string Kind, bool Restricted, string Status, IReadOnlyList<RecusalLine> Recusals,
        string? DecisionNumber, string? DecisionText, string? VoteResult, int Eligible, int PresentEligible, bool DecisionWithheld = false);

    public sealed record Minutes(Meeting Meeting, string PartnershipName, IReadOnlyList<Person> Attendance, IReadOnlyList<CaseLine> Cases,
        DateTimeOffset? NoticeSentAt, DateTimeOffset? ApprovedAt, string? Approval);

    public sealed record BookPaper(int Id, string Title);

    public sealed record BookCase(CaseLine Case, bool MayRead, string? Presentation, string? ProposedDecision, IReadOnlyList<BookPaper> Papers);

    /// <summary>The minutes as they stand (draft until approved).</summary>
    public async Task<Minutes> MinutesAsync(Meeting meeting, CancellationToken ct)
    {
        var record = await db.BoardMeetingRecords.AsNoTracking().Include(r => r.Attendance).SingleOrDefaultAsync(r => r.MeetingId == meeting.Id, ct);
        var held = await seats.HeldOnAsync(meeting.PartnershipId, meeting.Date, ct);
        var agenda = await db.Cases.AsNoTracking().Include(c => c.Parties).Include(c => c.Recusals)
            .Where(c => c.MeetingId == meeting.Id).OrderBy(c => c.Year).ThenBy(c => c.Sequence).ToListAsync(ct);
        var decisions = await db.Decisions.AsNoTracking().Where(d => d.MeetingId == meeting.Id).ToListAsync(ct);
        var userIds = held.Select(s => s.UserId).Concat(agenda.SelectMany(c => c.Recusals.Select(r => r.UserId))).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => (u.Name, Email: u.Email ?? ""), ct);
        string Name(string id) => names.TryGetValue(id, out var n) ? (string.IsNullOrWhiteSpace(n.Name) ? n.Email : n.Name) : id;

        var people = held.OrderBy(s => s.Role).Select(s => new Person(s.UserId, Name(s.UserId), names.GetValueOrDefault(s.UserId).Email ?? "",
            GovernanceApi.ToApi(s.Role), record?.WasPresent(s.UserId) == true)).ToList();
        var lines = agenda.Select(c =>
        {
            var recusals = new List<RecusalLine>();
            foreach (var s in held)
            {
                if (s.OrganisationOrgnr is { } orgnr && c.Parties.Any(p => p.Orgnr == orgnr))
                {
                    recusals.Add(new RecusalLine(0, s.UserId, Name(s.UserId), $"Organisasjonen {orgnr} er part i saken", "automatic")); // DIS-3
                }
            }

            recusals.AddRange(c.Recusals.Where(r => recusals.All(x => x.UserId != r.UserId))
                .Select(r => new RecusalLine(r.Id, r.UserId, Name(r.UserId), r.Reason, r.Status.ToString().ToLowerInvariant())));
            var eligible = Impartiality.EligibleVoters(held, c, meeting.Date);
            var decision = decisions.FirstOrDefault(d => d.CaseId == c.Id);
            return new CaseLine(c.Id, c.Number, c.Title, BoardWork.ToApi(c.Kind), c.Restricted, c.Status.ToString().ToLowerInvariant(), recusals,
                decision?.Number, decision?.Text, decision?.VoteResult, eligible.Count, eligible.Count(s => record?.WasPresent(s.UserId) == true));
        }).ToList();
        var partnership = await db.Partnerships.AsNoTracking().SingleAsync(p => p.Id == meeting.PartnershipId, ct);
        return new Minutes(meeting, partnership.Name, people, lines, record?.NoticeSentAt, record?.MinutesApprovedAt, record?.MinutesApproval);
    }

    /// <summary>
    /// The minutes as <paramref name="user"/> may read them: the decision text of a restricted case is withheld from those
    /// who may not read the case's papers (member contacts, recused or seatless board logins), as in the decision register
    /// (DIS-3). The office and seat holders who are not recused read everything.
    /// </summary>
    public async Task<Minutes> MinutesForAsync(Meeting meeting, ClaimsPrincipal user, CancellationToken ct)
    {
        var minutes = await MinutesAsync(meeting, ct);
        var decided = minutes.Cases.Where(c => c.Restricted && c.DecisionText is not null).Select(c => c.Id).ToList();
        var withheld = decided.Count == 0 ? [] : await work.WithheldDecisionCasesAsync(decided, user, ct); // DIS-3
        return withheld.Count == 0
            ? minutes
            : minutes with
            {
                Cases = minutes.Cases.Select(c => withheld.Contains(c.Id) ? c with { DecisionText = GovernanceApi.WithheldText, DecisionWithheld = true } : c).ToList(),
            };
    }

    /// <summary>The meeting book for this reader: restricted papers are left out where the reader is recused (DIS-3).</summary>
    public async Task<IReadOnlyList<BookCase>> BookAsync(Meeting meeting, Minutes minutes, ClaimsPrincipal user, CancellationToken ct)
    {
        var agenda = await db.Cases.AsNoTracking().Include(c => c.Parties).Include(c => c.Recusals).Include(c => c.Papers)
            .Where(c => c.MeetingId == meeting.Id).ToListAsync(ct);
        var book = new List<BookCase>();
        foreach (var line in minutes.Cases)
        {
            var c = agenda.Single(x => x.Id == line.Id);
            var may = await work.MayReadPapersAsync(c, user, ct);
            book.Add(may
                ? new BookCase(line, true, c.Presentation, c.ProposedDecision, c.Papers.Select(p => new BookPaper(p.Id, p.Title)).ToList())
                : new BookCase(line, false, null, null, []));
        }

        return book;
    }

    /// <summary>Sends the notice with the agenda to everyone holding a seat on the meeting date, and records it.</summary>
    public async Task<int> SendNoticeAsync(Meeting meeting, CancellationToken ct)
    {
        var record = await work.RecordOfAsync(meeting, ct);
        record.EnsureOpen();
        var minutes = await MinutesAsync(meeting, ct);
        var recipients = minutes.Attendance.Where(p => p.Email.Length > 0).Select(p => new MailRecipient(p.Name, p.Email)).ToList();
        if (recipients.Count == 0)
        {
            throw RuleViolation.Conflict("Nobody holds a board seat on the meeting date; give seats first.", "ORG-2");
        }

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Innkalling til {minutes.Meeting.Title}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Tid: {When(meeting)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Sted: {meeting.Location ?? "–"}");
        text.AppendLine();
        text.AppendLine("Saksliste:");
        foreach (var c in minutes.Cases)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Sak {c.Number} {c.Title}{(c.Restricted ? " (unntatt offentlighet)" : "")}");
        }

        text.AppendLine();
        text.AppendLine("Møteboka med saksdokumentene ligger i Partnerskap. Meld fra til programkontoret om forfall og om du mener du kan være inhabil i en sak.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Programkontoret, {minutes.PartnershipName}");
        await mailer.SendAsync(new OutgoingMail(recipients, $"Innkalling: {meeting.Title}", text.ToString(), []), ct);
        record.RecordNotice(clock.GetUtcNow(), recipients.Count);
        await db.SaveChangesAsync(ct);
        return recipients.Count;
    }

    public static string When(Meeting meeting) =>
        TimeZoneInfo.ConvertTime(meeting.StartsAt, PartnershipTime.Oslo).ToString("dddd d. MMMM yyyy 'kl.' HH:mm", Nb);

    private static string Kind(string kind) => kind switch
    {
        "automatic" => "automatisk, organisasjonen er part",
        "declared" => "erklært, ikke avgjort",
        "upheld" => "erklært, styret fant inhabilitet",
        "rejected" => "erklært, styret fant ikke inhabilitet",
        _ => kind,
    };

    /// <summary>The minutes (protokoll) as a PDF.</summary>
    public static byte[] MinutesPdf(Minutes m)
    {
        var paragraphs = new List<string>
        {
            $"Møte i programstyret {When(m.Meeting)}, {m.Meeting.Location ?? "sted ikke oppgitt"}.",
            "Til stede: " + Join(m.Attendance.Where(p => p.Present).Select(p => $"{p.Name} ({RoleNb(p.Role)})")),
            "Forfall: " + Join(m.Attendance.Where(p => !p.Present).Select(p => $"{p.Name} ({RoleNb(p.Role)})")),
        };
        foreach (var c in m.Cases)
        {
            var text = new StringBuilder($"Sak {c.Number} {c.Title}");
            foreach (var r in c.Recusals)
            {
                text.Append(CultureInfo.InvariantCulture, $"\nHabilitet (DIS-3): {r.Name} – {r.Reason} ({Kind(r.Kind)}).");
            }

            text.Append(CultureInfo.InvariantCulture, $"\nBeslutningsdyktig: {c.PresentEligible} av {c.Eligible} stemmeberettigede til stede.");
            text.Append(c.DecisionNumber is null
                ? "\nIkke avgjort."
                : $"\nVedtak {c.DecisionNumber}: {c.DecisionText}\nAvstemning: {c.VoteResult ?? "ikke oppgitt"}");
            paragraphs.Add(text.ToString());
        }

        var letter = new Letter(
            SenderName: $"{m.PartnershipName} – programstyret",
            SenderAddressLines: ["Sekretariat: programkontoret"],
            RecipientName: "Programstyrets medlemmer",
            RecipientAddressLines: [],
            Date: m.Meeting.Date,
            Reference: $"Møte {m.Meeting.Id}",
            Title: $"Protokoll: {m.Meeting.Title}",
            Paragraphs: paragraphs,
            Facts:
            [
                ("Møtedato", LetterPdf.FormatDate(m.Meeting.Date)),
                ("Saker", m.Cases.Count.ToString(CultureInfo.InvariantCulture)),
                ("Protokollen", m.ApprovedAt is { } at ? $"Godkjent {LetterPdf.FormatDate(PartnershipTime.OsloDate(at))} ({m.Approval})" : "Utkast, ikke godkjent"),
                ("Regler", "ORG-2 programstyret, DIS-3 habilitet"),
            ],
            Closing: "Protokollfører: programkontoret");
        return LetterPdf.Render(letter);
    }

    /// <summary>The meeting book as a PDF for one reader (restricted papers left out where the reader is recused).</summary>
    public static byte[] BookPdf(Minutes m, IReadOnlyList<BookCase> book)
    {
        var paragraphs = new List<string> { $"Møte i programstyret {When(m.Meeting)}, {m.Meeting.Location ?? "sted ikke oppgitt"}." };
        foreach (var b in book)
        {
            var text = new StringBuilder($"Sak {b.Case.Number} {b.Case.Title}");
            if (!b.MayRead)
            {
                text.Append("\nSaksdokumentene er unntatt for deg fordi du er inhabil i saken (DIS-3).");
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $"\nSaksframlegg: {b.Presentation ?? "–"}");
                text.Append(CultureInfo.InvariantCulture, $"\nForslag til vedtak: {b.ProposedDecision ?? "–"}");
                if (b.Papers.Count > 0)
                {
                    text.Append("\nVedlegg: " + Join(b.Papers.Select(p => p.Title)));
                }
            }

            paragraphs.Add(text.ToString());
        }

        return LetterPdf.Render(new Letter(
            SenderName: $"{m.PartnershipName} – programstyret",
            SenderAddressLines: ["Sekretariat: programkontoret"],
            RecipientName: "Programstyrets medlemmer",
            RecipientAddressLines: [],
            Date: m.Meeting.Date,
            Reference: $"Møte {m.Meeting.Id}",
            Title: $"Møtebok: {m.Meeting.Title}",
            Paragraphs: paragraphs,
            Facts: [],
            Closing: null));
    }

    private static string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? "ingen" : string.Join(", ", list);
    }

    public static string RoleNb(string role) => role switch
    {
        "leader" => "leder",
        "deputy" => "nestleder",
        "observer" => "observatør",
        _ => "medlem",
    };
}
