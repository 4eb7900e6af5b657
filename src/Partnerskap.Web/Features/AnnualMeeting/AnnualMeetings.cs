using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Decisions;
using Partnerskap.Domain.Meetings;
using Partnerskap.Domain.Members;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Board;
using Partnerskap.Web.Features.Meetings;
using Partnerskap.Web.Features.Members;
using Partnerskap.Web.Infrastructure.Mail;
using Partnerskap.Web.Infrastructure.Pdf;

namespace Partnerskap.Web.Features.AnnualMeeting;

/// <summary>The outcome of sending the notice (or a reminder): who it went to.</summary>
public sealed record Sent(int Members, IReadOnlyList<string> Recipients, IReadOnlyList<string> MembersWithoutContact);

/// <summary>
/// The annual meeting's own use cases: settings from the statutes (ORG-4), agenda, notice and reminders, members'
/// proposals with the board's recommendation, decisions from votes (with the fee-model effect, FIN-6), the protocol,
/// and rehearsal wipe-out. Shared by the pages and the API.
/// </summary>
public sealed class AnnualMeetings(AppDbContext db, IMailer mailer, TimeProvider clock, DecisionRegister register, MemberDocuments documents,
    UserManager<AppUser> users, Voting voting, ILogger<AnnualMeetings> logger)
{
    private static readonly CultureInfo Nb = CultureInfo.GetCultureInfo("nb-NO");

    public async Task<MeetingSettings> SettingsAsync(int partnershipId, CancellationToken ct) =>
        await db.MeetingSettings.SingleOrDefaultAsync(s => s.PartnershipId == partnershipId, ct) ?? new MeetingSettings(partnershipId);

    /// <summary>ORG-4: the statutes' meeting rules, with their source document.</summary>
    public async Task<MeetingSettings> ChangeSettingsAsync(int partnershipId, int noticeDays, int proposalDays, int reminderDays, VotingRules rules, string? source,
        CancellationToken ct)
    {
        var settings = await db.MeetingSettings.SingleOrDefaultAsync(s => s.PartnershipId == partnershipId, ct);
        if (settings is null)
        {
            settings = new MeetingSettings(partnershipId);
            db.MeetingSettings.Add(settings);
        }

        settings.Change(noticeDays, proposalDays, reminderDays, rules, source ?? "");
        await db.SaveChangesAsync(ct);
        return settings;
    }

    public async Task<AgendaItem> AddAgendaItemAsync(Meeting meeting, string? title, string? description, CancellationToken ct)
    {
        if (meeting.Status is MeetingStatus.Closed)
        {
            throw RuleViolation.Conflict("The meeting is closed.");
        }

        var next = (await db.AgendaItems.Where(a => a.MeetingId == meeting.Id).MaxAsync(a => (int?)a.Number, ct) ?? 0) + 1;
        var item = new AgendaItem(meeting.Id, next, title ?? "", description, null);
        db.AgendaItems.Add(item);
        await db.SaveChangesAsync(ct);
        return item;
    }

    public const string AgendaPaperKind = "annual-meeting-paper";

    /// <summary>A paper (saksdokument) on an agenda item, as the pages, the API and the notice list it.</summary>
    public sealed record AgendaPaper(int AgendaItemId, int DocumentId, string FileName);

    /// <summary>Attaches a document to an agenda item (office): the stored document and its link are saved together or not at all.</summary>
    public async Task<AgendaPaper> AttachAgendaDocumentAsync(Meeting meeting, int itemId, Upload upload, CancellationToken ct)
    {
        meeting.EnsureNotClosed();
        var item = await db.AgendaItems.AsNoTracking().SingleOrDefaultAsync(a => a.Id == itemId && a.MeetingId == meeting.Id, ct)
            ?? throw new KeyNotFoundException($"No agenda item {itemId} at this meeting.");
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var document = await documents.AddAsync(meeting.PartnershipId, null, AgendaPaperKind, upload, "document", ct);
            await db.SaveChangesAsync(ct);
            db.AgendaDocuments.Add(new AgendaDocument(item.Id, document.Id));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new AgendaPaper(item.Id, document.Id, document.FileName);
        }
        catch
        {
            await documents.DiscardAsync();
            throw;
        }
    }

    /// <summary>The papers of the meeting's agenda items, in upload order.</summary>
    public async Task<List<AgendaPaper>> AgendaPapersAsync(int meetingId, CancellationToken ct) =>
        await (from d in db.AgendaDocuments.AsNoTracking()
               join a in db.AgendaItems on d.AgendaItemId equals a.Id
               join s in db.Documents on d.DocumentId equals s.Id
               where a.MeetingId == meetingId
               orderby d.Id
               select new AgendaPaper(a.Id, s.Id, s.FileName)).ToListAsync(ct);

    /// <summary>
    /// ORG-4: sends the notice (innkalling) with the agenda to the contacts holding a role at every member with rights
    /// on the meeting date, no later than the statutes' notice period; sets the proposal deadline.
    /// </summary>
    public async Task<Sent> SendNoticeAsync(Meeting meeting, CancellationToken ct)
    {
        if (meeting.Kind != MeetingKind.Annual)
        {
            throw RuleViolation.Conflict("The notice is for annual meetings.");
        }

        var settings = await SettingsAsync(meeting.PartnershipId, ct);
        meeting.SendNotice(clock.GetUtcNow(), settings.NoticeDays, settings.ProposalDays);
        await db.SaveChangesAsync(ct);
        var agenda = await db.AgendaItems.AsNoTracking().Where(a => a.MeetingId == meeting.Id).OrderBy(a => a.Number).ToListAsync(ct);
        var papers = await AgendaPapersAsync(meeting.Id, ct);
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Innkalling til {meeting.Title}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Tid: {Oslo(meeting.StartsAt)}")
            .AppendLine(CultureInfo.InvariantCulture, $"Sted: {meeting.Location ?? "kommer"}")
            .AppendLine(CultureInfo.InvariantCulture, $"Frist for forslag fra medlemmene: {LetterPdf.FormatDate(meeting.ProposalDeadline!.Value)}")
            .AppendLine()
            .AppendLine("Saksliste:");
        foreach (var item in agenda)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{item.Number}. {item.Title}");
            foreach (var paper in papers.Where(p => p.AgendaItemId == item.Id))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"   Sakspapir: {paper.FileName}");
            }
        }

        text.AppendLine()
            .AppendLine("Hvert medlem har rett til å møte, tale og stemme (partneravtalen, ORG-1). Meld inn hvem som representerer medlemmet,")
            .AppendLine("eller gi fullmakt til et annet medlems representant. Sakspapirene ligger på møtesiden.")
            .AppendLine(CultureInfo.InvariantCulture, $"Reglene for innkalling og frister: {(settings.Source.Length > 0 ? settings.Source : "standardinnstillinger")} (ORG-4).");
        return await MailMembersAsync(meeting, $"Innkalling: {meeting.Title}", text.ToString(), onlyWithoutCredential: false, ct);
    }

    /// <summary>A reminder to the members not yet represented at the meeting.</summary>
    public async Task<Sent> SendReminderAsync(Meeting meeting, CancellationToken ct)
    {
        if (meeting.NoticeSentAt is null)
        {
            throw RuleViolation.Conflict("Send the notice first.");
        }

        var text = $"Påminnelse: {meeting.Title}, {Oslo(meeting.StartsAt)}.\nMedlemmet har ennå ikke meldt inn representant eller fullmakt.\n";
        return await MailMembersAsync(meeting, $"Påminnelse: {meeting.Title}", text, onlyWithoutCredential: true, ct);
    }

    private async Task<Sent> MailMembersAsync(Meeting meeting, string subject, string text, bool onlyWithoutCredential, CancellationToken ct)
    {
        var today = PartnershipTime.Today(clock);
        var credentialed = await db.Credentials.AsNoTracking().Where(c => c.MeetingId == meeting.Id && c.RevokedAt == null).Select(c => c.Orgnr).ToListAsync(ct);
        var members = await db.Members.AsNoTracking().Include(m => m.Notices).Include(m => m.Contacts).Include(m => m.Roles)
            .Where(m => m.PartnershipId == meeting.PartnershipId).ToListAsync(ct);
        var recipients = new List<string>();
        var without = new List<string>();
        var count = 0;
        foreach (var member in members.Where(m => m.HasRightsOn(meeting.Date)).OrderBy(m => m.Name, Bokmal.Order))
        {
            if (onlyWithoutCredential && credentialed.Contains(member.Orgnr))
            {
                continue;
            }

            count++;
            var to = RegisterResignation.CurrentRecipients(member, today);
            if (to.Count == 0)
            {
                without.Add(member.Orgnr);
                continue;
            }

            try
            {
                await mailer.SendAsync(new OutgoingMail(to, subject, $"Til {member.Name}\n\n{text}", []), ct);
                recipients.AddRange(to.Select(r => r.Email));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Mail to {Orgnr} about meeting {MeetingId} failed", member.Orgnr, meeting.Id);
                without.Add(member.Orgnr);
            }
        }

        return new Sent(count, recipients, without);
    }

    /// <summary>A member's proposal, before the statutes' deadline (ORG-4). A member contact proposes for its own organisation.</summary>
    public async Task<Proposal> ProposeAsync(Meeting meeting, string orgnr, string? title, string? text, string by, CancellationToken ct)
    {
        if (meeting.Kind != MeetingKind.Annual)
        {
            throw RuleViolation.Conflict("Proposals are for annual meetings.");
        }

        var member = await db.Members.AsNoTracking().Include(m => m.Notices)
            .SingleOrDefaultAsync(m => m.PartnershipId == meeting.PartnershipId && m.Orgnr == orgnr, ct);
        if (member is null || !member.HasRightsOn(meeting.Date))
        {
            throw RuleViolation.Conflict($"{orgnr} has no member rights on the meeting date.", "MEM-5");
        }

        meeting.EnsureNotClosed();
        var proposal = new Proposal(meeting.Id, orgnr, title ?? "", text ?? "", by, clock.GetUtcNow(), meeting.ProposalDeadline);
        db.Proposals.Add(proposal);
        await db.SaveChangesAsync(ct);
        return proposal;
    }

    public async Task<Proposal> RecommendAsync(int proposalId, int partnershipId, string? recommendation, CancellationToken ct)
    {
        var proposal = await db.Proposals.SingleOrDefaultAsync(p => p.Id == proposalId, ct) ?? throw new KeyNotFoundException($"No proposal {proposalId}.");
        if (!await db.Meetings.AnyAsync(m => m.Id == proposal.MeetingId && m.PartnershipId == partnershipId, ct))
        {
            throw new KeyNotFoundException($"No proposal {proposalId}.");
        }

        proposal.Recommend(recommendation ?? "");
        await db.SaveChangesAsync(ct);
        return proposal;
    }

    /// <summary>
    /// Records the annual meeting's decision on a closed, adopted vote in the decision register (with its effect, e.g.
    /// "fee-model", FIN-6), with the result as counted.
    /// </summary>
    public async Task<Decision> DecideAsync(int voteId, string? title, string? text, string? effect, string? effectTarget, CancellationToken ct)
    {
        var vote = await db.Votes.AsNoTracking().SingleOrDefaultAsync(v => v.Id == voteId, ct) ?? throw new KeyNotFoundException($"No vote {voteId}.");
        var meeting = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == vote.MeetingId, ct);
        if (meeting.Kind != MeetingKind.Annual)
        {
            throw RuleViolation.Conflict("Board decisions are recorded by the board module.");
        }

        if (meeting.Rehearsal)
        {
            throw RuleViolation.Conflict("A rehearsal decides nothing.");
        }

        if (vote.Status != VoteStatus.Closed || vote.Outcome is Tally.Rejected or Tally.Tie or Tally.NoQuorum)
        {
            throw RuleViolation.Conflict(vote.Status != VoteStatus.Closed ? "Close the vote first." : "The vote did not carry: there is no decision to record.", "ORG-1");
        }

        if (await db.Decisions.AnyAsync(d => d.MeetingId == meeting.Id && d.VoteResult != null && d.VoteResult.StartsWith($"#{voteId} "), ct))
        {
            throw RuleViolation.Conflict("This vote's decision is already recorded.");
        }

        var view = await voting.ViewAsync(vote, meeting, ct);
        var result = $"#{voteId} " + string.Join(", ", view.Counts.Select(c => $"{c.Key} {c.Value}"));
        return await register.RecordAsync(new NewDecision(meeting.PartnershipId, DecisionBody.AnnualMeeting, meeting.Date,
            string.IsNullOrWhiteSpace(title) ? vote.Question : title.Trim(), string.IsNullOrWhiteSpace(text) ? vote.Question : text.Trim(),
            vote.CaseId, meeting.Id, result.Length > 300 ? result[..300] : result, string.IsNullOrWhiteSpace(effect) ? null : effect.Trim(), effectTarget), ct);
    }

    /// <summary>Generates the protocol from agenda, credentials, presence, proposals, votes and decisions (a draft the office edits).</summary>
    public async Task<Protocol> GenerateProtocolAsync(Meeting meeting, CancellationToken ct)
    {
        var existing = await db.Protocols.SingleOrDefaultAsync(p => p.MeetingId == meeting.Id, ct);
        var text = await ProtocolTextAsync(meeting, ct);
        if (existing is null)
        {
            existing = new Protocol(meeting.Id, text, clock.GetUtcNow());
            db.Protocols.Add(existing);
        }
        else
        {
            existing.Edit(text, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(ct);
        return existing;
    }

    public async Task<string> ProtocolTextAsync(Meeting meeting, CancellationToken ct)
    {
        var pid = meeting.PartnershipId;
        var agenda = await db.AgendaItems.AsNoTracking().Where(a => a.MeetingId == meeting.Id).OrderBy(a => a.Number).ToListAsync(ct);
        var credentials = await new Credentials(db, users, clock).ListAsync(meeting, ct);
        var presence = await db.Credentials.AsNoTracking().Include(c => c.Presence).Where(c => c.MeetingId == meeting.Id).ToListAsync(ct);
        var proposals = await db.Proposals.AsNoTracking().Where(p => p.MeetingId == meeting.Id).OrderBy(p => p.Id).ToListAsync(ct);
        var votes = await db.Votes.AsNoTracking().Where(v => v.MeetingId == meeting.Id).OrderBy(v => v.Id).ToListAsync(ct);
        var decisions = await db.Decisions.AsNoTracking().Where(d => d.MeetingId == meeting.Id).OrderBy(d => d.Sequence).ToListAsync(ct);
        var names = await db.Members.AsNoTracking().Where(m => m.PartnershipId == pid).ToDictionaryAsync(m => m.Orgnr, m => m.Name, ct);
        var eligible = (await voting.VotersAsync(meeting, null, ct)).Eligible;
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Møtet ble holdt {Oslo(meeting.StartsAt)}, {meeting.Location ?? "sted ikke oppgitt"}.");
        if (meeting.NoticeSentAt is { } sent)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"Innkalling sendt {LetterPdf.FormatDate(PartnershipTime.OsloDate(sent))}.");
        }

        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Representerte medlemmer: {credentials.Count(c => c.Active)} av {eligible} medlemmer med stemmerett.");
        foreach (var c in credentials.Where(c => c.Active))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"- {c.MemberName}: {c.RepresentativeName}{(c.ViaOrgnr is { } via ? $" (fullmakt via {names.GetValueOrDefault(via, via)})" : "")}");
        }

        var moves = presence.SelectMany(c => c.Presence.Select(p => (c.Orgnr, p.Present, p.At))).Where(x => x.At > meeting.StartsAt).OrderBy(x => x.At).ToList();
        if (moves.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("Endringer i frammøtet:");
            foreach (var (orgnr, present, at) in moves)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"- kl. {TimeZoneInfo.ConvertTime(at, PartnershipTime.Oslo):HH:mm}: {names.GetValueOrDefault(orgnr, orgnr)} {(present ? "kom tilbake" : "forlot møtet")}");
            }
        }

        foreach (var item in agenda)
        {
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"Sak {item.Number}: {item.Title}");
            if (item.Description is { } d)
            {
                sb.AppendLine(d);
            }
        }

        if (proposals.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("Innkomne forslag:");
            foreach (var p in proposals)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"- Fra {names.GetValueOrDefault(p.Orgnr, p.Orgnr)}: {p.Title}. {p.Text}");
                sb.AppendLine(CultureInfo.InvariantCulture, $"  Styrets innstilling: {p.BoardRecommendation ?? "ingen"}");
            }
        }

        foreach (var v in votes.Where(v => v.Status == VoteStatus.Closed))
        {
            var view = await voting.ViewAsync(v, meeting, ct);
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"Avstemning: {v.Question}{(v.Secret ? " (hemmelig)" : "")}");
            sb.AppendLine(CultureInfo.InvariantCulture, $"Avgitte stemmer: {view.Cast} av {view.Eligible}. {string.Join(", ", view.Counts.Select(c => $"{c.Key}: {c.Value}"))}. Utfall: {OutcomeText(v.Outcome)}.");
            var paper = await db.PaperBallots.CountAsync(p => p.VoteId == v.Id && p.Status == PaperBallotStatus.Confirmed, ct);
            if (paper > 0)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"Av disse var {paper} papirstemmesedler, ført inn og kontrollert av to ansatte i programkontoret.");
            }
        }

        if (decisions.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("Vedtak:");
            foreach (var d in decisions)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"- Vedtak {d.Number}: {d.Title}. {d.Text}");
            }
        }

        return sb.ToString().TrimEnd();
    }

    public async Task<Protocol> EditProtocolAsync(Meeting meeting, string? text, string? coSigner1, string? coSigner2, CancellationToken ct)
    {
        var protocol = await db.Protocols.SingleOrDefaultAsync(p => p.MeetingId == meeting.Id, ct) ?? throw RuleViolation.Conflict("Generate the protocol first.");
        if (text is not null)
        {
            protocol.Edit(text, clock.GetUtcNow());
        }

        if (coSigner1 is not null || coSigner2 is not null)
        {
            var a = await UserIdAsync(coSigner1, "coSigners");
            var b = await UserIdAsync(coSigner2, "coSigners");
            protocol.ElectCoSigners(a, b);
        }

        await db.SaveChangesAsync(ct);
        return protocol;
    }

    /// <summary>An elected co-signer approves the protocol (recorded with time; audited).</summary>
    public async Task<Protocol> ApproveProtocolAsync(Meeting meeting, string userId, CancellationToken ct)
    {
        var protocol = await db.Protocols.SingleOrDefaultAsync(p => p.MeetingId == meeting.Id, ct) ?? throw new KeyNotFoundException("No protocol yet.");
        protocol.Approve(userId, clock.GetUtcNow());
        if (protocol.Status == ProtocolStatus.Approved)
        {
            await CloseMeetingAsync(meeting, ct);
        }

        await db.SaveChangesAsync(ct);
        return protocol;
    }

    /// <summary>Publishes the approved protocol as a PDF stored with the partnership's documents.</summary>
    public async Task<(Protocol Protocol, byte[] Pdf)> PublishProtocolAsync(Meeting meeting, CancellationToken ct)
    {
        var protocol = await db.Protocols.SingleOrDefaultAsync(p => p.MeetingId == meeting.Id, ct) ?? throw new KeyNotFoundException("No protocol yet.");
        if (protocol.Status != ProtocolStatus.Approved)
        {
            throw RuleViolation.Conflict("Both co-signers approve the protocol before it is published.");
        }

        var pdf = await RenderAsync(meeting, protocol, ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var doc = await documents.AddAsync(meeting.PartnershipId, null, "annual-meeting-protocol", $"protokoll-{meeting.Date:yyyy-MM-dd}.pdf", "application/pdf", pdf, ct);
            await db.SaveChangesAsync(ct);
            protocol.Publish(doc.Id);
            if (meeting.Status != MeetingStatus.Closed)
            {
                await CloseMeetingAsync(meeting, ct);
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch
        {
            await documents.DiscardAsync();
            throw;
        }

        return (protocol, pdf);
    }

    public async Task<byte[]> RenderAsync(Meeting meeting, Protocol protocol, CancellationToken ct)
    {
        var partnership = await db.Partnerships.AsNoTracking().SingleAsync(p => p.Id == meeting.PartnershipId, ct);
        var signers = await db.Users.AsNoTracking().Where(u => u.Id == protocol.CoSigner1UserId || u.Id == protocol.CoSigner2UserId)
            .ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        string Signed(string? id, DateTimeOffset? at) => id is null ? "ikke valgt"
            : $"{signers.GetValueOrDefault(id, "?")}, {(at is { } t ? "godkjent " + TimeZoneInfo.ConvertTime(t, PartnershipTime.Oslo).ToString("d. MMMM yyyy 'kl.' HH:mm", Nb) : "ikke godkjent")}";
        var paragraphs = protocol.Text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries).ToList();
        var letter = new Letter(partnership.Name, [partnership.HostOrganisationName ?? ""], "Medlemmene", [],
            PartnershipTime.Today(clock), $"Årsmøte {meeting.Date:yyyy-MM-dd}", $"Protokoll fra {meeting.Title}", paragraphs,
            [("Protokollunderskriver 1", Signed(protocol.CoSigner1UserId, protocol.Signed1At)), ("Protokollunderskriver 2", Signed(protocol.CoSigner2UserId, protocol.Signed2At))],
            null);
        return LetterPdf.Render(letter);
    }

    /// <summary>
    /// The approved protocol closes (avslutter) the meeting: no more credential, presence, vote or ballot changes, and
    /// the results page of the meeting becomes public. Refused while a vote is still open.
    /// </summary>
    private async Task CloseMeetingAsync(Meeting meeting, CancellationToken ct)
    {
        var tracked = await db.Meetings.SingleAsync(m => m.Id == meeting.Id, ct);
        tracked.Close(await db.Votes.CountAsync(v => v.MeetingId == meeting.Id && v.Status == VoteStatus.Open, ct));
    }

    /// <summary>Rehearsal mode: wipes the test ballots, votes and credentials of a rehearsal meeting (never of a real one).</summary>
    public async Task<int> WipeRehearsalAsync(Meeting meeting, CancellationToken ct)
    {
        if (!meeting.Rehearsal)
        {
            throw RuleViolation.Conflict("Only a rehearsal meeting can be wiped.");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var votes = await db.Votes.Where(v => v.MeetingId == meeting.Id).ToListAsync(ct);
        var voteIds = votes.Select(v => v.Id).ToList();
        var ballots = await db.Ballots.Where(b => voteIds.Contains(b.VoteId)).ToListAsync(ct);
        db.Ballots.RemoveRange(ballots);
        db.PaperBallots.RemoveRange(await db.PaperBallots.Where(p => voteIds.Contains(p.VoteId)).ToListAsync(ct));
        db.VoteTallies.RemoveRange(await db.VoteTallies.Where(t => voteIds.Contains(t.VoteId)).ToListAsync(ct));
        db.Votes.RemoveRange(votes);
        db.Credentials.RemoveRange(await db.Credentials.Include(c => c.Presence).Where(c => c.MeetingId == meeting.Id).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ballots.Count;
    }

    private async Task<string> UserIdAsync(string? email, string field) =>
        (string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim()))?.Id
        ?? throw RuleViolation.Invalid(field, "Name two co-signers by the e-mail of their login.");

    private static string Oslo(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, PartnershipTime.Oslo).ToString("d. MMMM yyyy 'kl.' HH:mm", Nb);

    private static string OutcomeText(string? outcome) => outcome switch
    {
        Tally.Adopted => "vedtatt",
        Tally.Rejected => "ikke vedtatt",
        Tally.Tie => "stemmelikhet",
        Tally.NoQuorum => "ikke beslutningsdyktig",
        null => "",
        _ => $"valgt {outcome}",
    };
}
