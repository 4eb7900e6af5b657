using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Partnerskap.Domain.Common;
using Partnerskap.Web.Data;
using Partnerskap.Web.Infrastructure.Mail;

namespace Partnerskap.Web.Features.Portfolio;

/// <summary>
/// FIN-4: reminds the office by mail <see cref="PortfolioOptions.GrantReminderDays"/> days (Oslo date) before each
/// grant's reporting deadline, once per deadline. The reminder is claimed with a conditional update of the grant
/// (<c>ReminderSentFor</c>) before the mail goes, so two instances or two runs never send it twice; a changed
/// deadline gets its own reminder.
/// </summary>
public sealed class GrantReminders(AppDbContext db, UserManager<AppUser> users, IMailer mailer, TimeProvider clock, IOptions<PortfolioOptions> options,
    ILogger<GrantReminders> logger)
{
    /// <summary>Sends the reminders due today; returns how many grants were reminded of.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var days = options.Value.GrantReminderDays;
        var today = PartnershipTime.Today(clock);
        var horizon = today.AddDays(days);
        var candidates = await db.Grants.AsNoTracking()
            .Where(g => g.ReportingDeadline != null && g.ReportingDeadline >= today && g.ReportingDeadline <= horizon)
            .ToListAsync(ct);
        var sent = 0;
        foreach (var grant in candidates.Where(g => g.ReminderDue(today, days)))
        {
            var deadline = grant.ReportingDeadline!.Value;
            // Claim first (FIN-4: once per deadline); only the run that changed the row sends.
            var claimed = await db.Grants
                .Where(g => g.Id == grant.Id && g.ReportingDeadline == deadline && (g.ReminderSentFor == null || g.ReminderSentFor != deadline))
                .ExecuteUpdateAsync(u => u.SetProperty(g => g.ReminderSentFor, deadline), ct);
            if (claimed != 1)
            {
                continue;
            }

            try
            {
                await MailAsync(grant, deadline, today, ct);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Could not mail the FIN-4 reminder for grant {Id}", grant.Id);
            }
        }

        return sent;
    }

    private async Task MailAsync(Domain.Portfolio.Grant grant, DateOnly deadline, DateOnly today, CancellationToken ct)
    {
        var partnership = await db.Partnerships.AsNoTracking().SingleAsync(p => p.Id == grant.PartnershipId, ct);
        var assigned = await db.PartnershipAssignments.AsNoTracking().Select(a => new { a.UserId, a.PartnershipId }).ToListAsync(ct);
        // The office of this partnership: office logins tied to it, or tied to none (the installation's office).
        var office = (await users.GetUsersInRoleAsync(Roles.Office))
            .Where(u => u.Email is not null && (assigned.All(a => a.UserId != u.Id) || assigned.Any(a => a.UserId == u.Id && a.PartnershipId == grant.PartnershipId)))
            .Select(u => new MailRecipient(u.Name, u.Email!))
            .ToList();
        if (office.Count == 0)
        {
            logger.LogWarning("No office login to remind of the reporting deadline of grant {Id}", grant.Id);
            return;
        }

        var project = grant.ProjectId is { } pid ? await db.Projects.AsNoTracking().Where(p => p.Id == pid).Select(p => p.Name).SingleOrDefaultAsync(ct) : null;
        var nb = System.Globalization.CultureInfo.GetCultureInfo("nb-NO");
        var body = $"""
            Rapporteringsfristen for tilskuddet fra {grant.Funder} ({grant.Year}{(project is null ? "" : $", {project}")}) er {deadline.ToString("d. MMMM yyyy", nb)}, om {deadline.DayNumber - today.DayNumber} dager.

            Innvilget: {grant.Granted?.ToString("N0", nb) ?? "–"} kr. Utbetalt: {grant.Received?.ToString("N0", nb) ?? "–"} kr.
            Vilkår: {grant.Conditions ?? "–"}

            Rapporten sendes til tilskuddsgiveren innen fristen (FIN-4). Se /{partnership.Slug}/portfolio/funding?year={grant.Year}.
            """;
        await mailer.SendAsync(new OutgoingMail(office, $"{partnership.Name}: rapporteringsfrist for tilskudd {deadline.ToString("d. MMMM", nb)} ({grant.Funder})", body, []), ct);
    }
}

/// <summary>FIN-4: runs <see cref="GrantReminders"/> at start and then every hour (by the app's <see cref="TimeProvider"/>).</summary>
public sealed class GrantReminderService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<GrantReminderService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<GrantReminders>().RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The FIN-4 grant reminder run failed");
            }

            await Task.Delay(Interval, clock, stoppingToken);
        }
    }
}
