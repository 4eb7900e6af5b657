using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Partnerskap.Domain.Portfolio;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Features.Portfolio;

/// <summary>Reading the portfolio: the overview (one row per project) and one project with everything on it.</summary>
public sealed class ProjectQueries(AppDbContext db, IOptions<PortfolioOptions> options)
{
    public sealed record OverviewRow(
        int Id, string Name, ProjectKind Kind, ProjectPhase Phase, ProjectStatus Status, string OwnerOrgnr, string OwnerName,
        decimal? Approved, decimal Spent, decimal? Forecast, bool OpenEscalation, ForecastVerdict? ForecastVerdict)
    {
        /// <summary>Spent as a share of the approved financing (0–1), for the bar; null without approved financing.</summary>
        public decimal? SpentShare => Approved is > 0 ? Math.Min(1m, Spent / Approved.Value) : null;
    }

    public decimal EarlyWarningPercent => options.Value.EarlyWarningPercent;

    /// <summary>Every project of the partnership, three queries whatever the count (projects, approved totals, open escalations).</summary>
    public async Task<List<OverviewRow>> OverviewAsync(int partnershipId, CancellationToken ct)
    {
        var projects = await db.Projects.AsNoTracking().Where(p => p.PartnershipId == partnershipId)
            .Select(p => new { p.Id, p.Name, p.Kind, p.Phase, p.Status, p.OwnerOrgnr, p.OwnerMemberId, p.Spent, p.Forecast })
            .ToListAsync(ct);
        var approved = await db.FinancingPlans.AsNoTracking()
            .Where(f => f.Status == FinancingPlanStatus.Approved && db.Projects.Any(p => p.Id == f.ProjectId && p.PartnershipId == partnershipId))
            .Select(f => new { f.ProjectId, f.Total })
            .ToDictionaryAsync(f => f.ProjectId, f => f.Total, ct);
        var open = (await db.Escalations.AsNoTracking()
            .Where(e => e.Status == EscalationStatus.Open && db.Projects.Any(p => p.Id == e.ProjectId && p.PartnershipId == partnershipId))
            .Select(e => e.ProjectId)
            .ToListAsync(ct)).ToHashSet();
        var owners = await db.Members.AsNoTracking().Where(m => m.PartnershipId == partnershipId)
            .Select(m => new { m.Id, m.Name }).ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        var pct = options.Value.EarlyWarningPercent;
        return projects
            .Select(p =>
            {
                decimal? limit = approved.TryGetValue(p.Id, out var t) ? t : null;
                return new OverviewRow(
                    p.Id, p.Name, p.Kind, p.Phase, p.Status, p.OwnerOrgnr, owners.GetValueOrDefault(p.OwnerMemberId, p.OwnerOrgnr),
                    limit, p.Spent, p.Forecast, open.Contains(p.Id),
                    p.Forecast is { } f ? DeficitGuard.CheckForecast(limit, f, pct) : null);
            })
            .OrderBy(r => r.Status).ThenBy(r => r.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nb-NO"), false))
            .ToList();
    }

    /// <summary>One project with participants, plans, escalations and gates; null when unknown.</summary>
    public Task<Project?> ProjectAsync(int id, CancellationToken ct) =>
        db.Projects.AsNoTracking()
            .Include(p => p.Participants).Include(p => p.Plans).Include(p => p.Escalations).Include(p => p.Gates)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == id, ct);

    public Task<List<Expenditure>> ExpendituresAsync(int projectId, CancellationToken ct) =>
        db.Expenditures.AsNoTracking().Where(e => e.ProjectId == projectId).OrderByDescending(e => e.Date).ThenByDescending(e => e.Id).ToListAsync(ct);

    public Task<List<Domain.Benefits.Benefit>> BenefitsAsync(int projectId, CancellationToken ct) =>
        db.Benefits.AsNoTracking().Include(b => b.Measurements).Where(b => b.ProjectId == projectId).OrderBy(b => b.Orgnr).ToListAsync(ct);
}
