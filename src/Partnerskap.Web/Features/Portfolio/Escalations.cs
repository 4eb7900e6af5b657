using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Portfolio;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Members;
using Partnerskap.Web.Infrastructure.Mail;

namespace Partnerskap.Web.Features.Portfolio;

/// <summary>
/// FIN-9: raising a coming deficit. The escalation is saved with a board case in the caller's transaction; after the
/// commit a notice goes to the board seat holders and to every participating member's role holders.
/// </summary>
public sealed class EscalationRaiser(AppDbContext db, IPortfolioBoard board, IMailer mailer, TimeProvider clock, ILogger<EscalationRaiser> logger)
{
    /// <summary>Raises an escalation unless one is open (raised once). Call inside the project's lock; save after.</summary>
    public async Task<Escalation?> RaiseAsync(Project project, EscalationTrigger trigger, string reason, CancellationToken ct)
    {
        var escalation = project.RaiseEscalation(trigger, reason, clock.GetUtcNow());
        if (escalation is null)
        {
            return null;
        }

        await db.SaveChangesAsync(ct); // the escalation's id for the case link
        var caseId = await board.OpenCaseAsync(
            project.PartnershipId,
            $"Underdekning i {project.Name} (FIN-9)",
            Domain.Board.CaseKind.Escalation,
            project.Participants.Select(p => p.Orgnr).ToList(),
            $"escalation:{escalation.Id}",
            ct);
        if (caseId is { } id)
        {
            escalation.LinkBoardCase(id);
        }

        return escalation;
    }

    /// <summary>FIN-9: tells the board and every participating member at once. Call after the commit; a failed mail is logged.</summary>
    public async Task<IReadOnlyList<string>> NotifyAsync(Project project, Escalation escalation, CancellationToken ct)
    {
        var today = PartnershipTime.Today(clock);
        var partnership = await db.Partnerships.AsNoTracking().SingleAsync(p => p.Id == project.PartnershipId, ct);
        var ids = project.Participants.Select(p => p.MemberId).ToList();
        var members = await db.Members.AsNoTracking().Include(m => m.Contacts).Include(m => m.Roles)
            .Where(m => ids.Contains(m.Id)).ToListAsync(ct);
        var to = (await board.SeatHoldersAsync(project.PartnershipId, today, ct))
            .Concat(members.SelectMany(m => RegisterResignation.CurrentRecipients(m, today)))
            .DistinctBy(r => r.Email.ToUpperInvariant())
            .ToList();
        if (to.Count == 0)
        {
            logger.LogWarning("Escalation {Id} for project {Project}: nobody to notify (no board seats, no role holders)", escalation.Id, project.Id);
            return [];
        }

        var body =
            $"Prosjektet «{project.Name}» i {partnership.Name} er på vei mot underdekning (partneravtalen, FIN-9).\n\n" +
            $"{escalation.Reason}\n\n" +
            $"Godkjent finansiering: {project.ApprovedFinancing ?? 0:N2} kr\nForbrukt: {project.Spent:N2} kr\n" +
            (project.Forecast is { } f ? $"Prognose for total kostnad: {f:N2} kr\n" : "") +
            "\nIngen utgifter ut over godkjent finansiering blir registrert før programstyret har bestemt seg: " +
            "økt finansiering, redusert omfang eller stans.\n\n" +
            $"Deltakende medlemmer: {string.Join(", ", project.Participants.Select(p => p.Name))}\n\nProgramkontoret, {partnership.Name}";
        try
        {
            await mailer.SendAsync(new OutgoingMail(to, $"{partnership.Name}: varsel om underdekning i {project.Name}", body, []), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not mail the FIN-9 notice for escalation {Id}", escalation.Id);
        }

        return to.Select(r => r.Email).ToList();
    }
}
