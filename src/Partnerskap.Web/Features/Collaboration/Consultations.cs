using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Collaboration;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Records;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Members;
using Partnerskap.Web.Infrastructure;

namespace Partnerskap.Web.Features.Collaboration;

/// <summary>
/// PUR-1: joint consultation answers. One use case per method, shared by the pages and the API. Every step that
/// changes the matter is filed in the consultation's case (<c>consultation:{id}</c>): the consultation in, each
/// member's input, the approved answer out with its document.
/// </summary>
public sealed class Consultations(AppDbContext db, Records.Records records, MemberDocuments documents, AuditContext audit, TimeProvider clock)
{
    public sealed record InputDto(string Orgnr, string MemberName, string Text, DateTimeOffset GivenAt);

    /// <param name="Missing">Members (as of today) that have not given input.</param>
    public sealed record Dto(int Id, string Title, string Issuer, DateOnly Deadline, string Status, string? Draft, string? ApprovalDecisionRef,
        DateOnly? ApprovedOn, DateOnly? SentOn, IReadOnlyList<InputDto> Inputs, IReadOnlyList<string> Missing);

    public static string CaseKey(int id) => $"consultation:{id}";

    public async Task<Consultation> CreateAsync(int partnershipId, string? title, string? issuer, DateOnly? deadline, CancellationToken ct)
    {
        var today = PartnershipTime.Today(clock);
        if (deadline is null)
        {
            throw RuleViolation.Invalid("deadline", "Give the deadline for the members' input.", "PUR-1");
        }

        var consultation = new Consultation(partnershipId, title ?? "", issuer ?? "", deadline.Value, today);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Consultations.Add(consultation);
        await db.SaveChangesAsync(ct);
        await records.FileAsync(partnershipId, new Records.Records.Filing(
            CaseKey(consultation.Id), $"Høring: {consultation.Title}", EntryType.Incoming, $"Høring fra {consultation.Issuer}: {consultation.Title}", today, consultation.Issuer), ct);
        await tx.CommitAsync(ct);
        return consultation;
    }

    public async Task<Consultation?> FindAsync(int id, CancellationToken ct) =>
        await db.Consultations.Include(c => c.Inputs).SingleOrDefaultAsync(c => c.Id == id, ct);

    public async Task GiveInputAsync(Consultation consultation, string orgnr, string? text, CancellationToken ct)
    {
        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.PartnershipId == consultation.PartnershipId && m.Orgnr == orgnr, ct)
            ?? throw new KeyNotFoundException($"{orgnr} is not a member.");
        var today = PartnershipTime.Today(clock);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        consultation.GiveInput(member.Id, text ?? "", today, clock.GetUtcNow(), audit.CurrentActor); // PUR-1
        await db.SaveChangesAsync(ct);
        await records.FileAsync(consultation.PartnershipId, new Records.Records.Filing(
            CaseKey(consultation.Id), $"Høring: {consultation.Title}", EntryType.Incoming, $"Innspill fra {member.Name}", today, member.Name), ct);
        await tx.CommitAsync(ct);
    }

    public async Task DraftAsync(Consultation consultation, string? text, CancellationToken ct)
    {
        consultation.DraftAnswer(text ?? ""); // PUR-1
        await db.SaveChangesAsync(ct);
    }

    public async Task ApproveAsync(Consultation consultation, string? decisionRef, CancellationToken ct)
    {
        consultation.Approve(decisionRef ?? "", PartnershipTime.Today(clock)); // PUR-1
        audit.DecisionRef = consultation.ApprovalDecisionRef;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>PUR-1: sends the approved answer: stores it as a document and files it as outgoing to the issuer.</summary>
    public async Task SendAsync(Consultation consultation, CancellationToken ct)
    {
        var today = PartnershipTime.Today(clock);
        consultation.MarkSent(today);
        var partnership = await db.Partnerships.AsNoTracking().SingleAsync(p => p.Id == consultation.PartnershipId, ct);
        var text = $"{partnership.Name}: felles høringssvar\n\nTil: {consultation.Issuer}\nSak: {consultation.Title}\nDato: {today:dd.MM.yyyy}\n" +
                   $"Godkjent av styret: {consultation.ApprovalDecisionRef}\n\n{consultation.Draft}\n";
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var document = await documents.AddAsync(consultation.PartnershipId, null, "consultation-answer",
                $"horingssvar-{consultation.Id}.txt", "text/plain", Encoding.UTF8.GetBytes(text), ct);
            await db.SaveChangesAsync(ct);
            await records.FileAsync(consultation.PartnershipId, new Records.Records.Filing(
                CaseKey(consultation.Id), $"Høring: {consultation.Title}", EntryType.Outgoing, $"Felles høringssvar: {consultation.Title}", today, consultation.Issuer,
                Documents: [new Records.Records.FiledDocument(document.Id, "Felles høringssvar")]), ct);
            await tx.CommitAsync(ct);
        }
        catch
        {
            await tx.RollbackAsync(CancellationToken.None);
            await documents.DiscardAsync();
            throw;
        }
    }

    /// <summary>The consultation as the caller may see it: office and board see every input; a member contact its own.</summary>
    public async Task<Dto> ToDtoAsync(Consultation c, ClaimsPrincipal user, CancellationToken ct)
    {
        var today = PartnershipTime.Today(clock);
        var members = await db.Members.AsNoTracking().Include(m => m.Notices).Where(m => m.PartnershipId == c.PartnershipId).ToListAsync(ct);
        var byId = members.ToDictionary(m => m.Id);
        var all = user.IsOffice() || user.IsInRole(Roles.Board);
        var inputs = c.Inputs.Where(i => all || byId[i.MemberId].Orgnr == user.Orgnr())
            .Select(i => new InputDto(byId[i.MemberId].Orgnr, byId[i.MemberId].Name, i.Text, i.GivenAt)).OrderBy(i => i.MemberName, Bokmal.Order).ToList();
        var given = c.Inputs.Select(i => i.MemberId).ToHashSet();
        var missing = all
            ? members.Where(m => m.StatusOn(today) is Domain.Members.MembershipStatus.Member or Domain.Members.MembershipStatus.NoticeGiven && !given.Contains(m.Id))
                .Select(m => m.Name).Order(Bokmal.Order).ToList()
            : [];
        var showDraft = all || c.Status == ConsultationStatus.Sent;
        return new Dto(c.Id, c.Title, c.Issuer, c.Deadline, c.Status.ToString().ToLowerInvariant(), showDraft ? c.Draft : null, c.ApprovalDecisionRef,
            c.ApprovedOn, c.SentOn, inputs, missing);
    }
}
