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

    private static readonly System.Globalization.CompareInfo NorwegianOrder = System.Globalization.CultureInfo.GetCultureInfo("nb-NO").CompareInfo;

    private static readonly Comparer<System.Globalization.SortKey> SortKeyComparer = Comparer<System.Globalization.SortKey>.Create(System.Globalization.SortKey.Compare);

    public decimal EarlyWarningPercent => options.Value.EarlyWarningPercent;

    /// <summary>Which projects the overview shows: free text in the name, phase, status, a flag, and the page.</summary>
    public sealed record OverviewFilter(string? Q = null, ProjectPhase? Phase = null, ProjectStatus? Status = null, OverviewFlag? Flag = null, int Page = 1, int? PageSize = null)
    {
        public const int DefaultPageSize = 50;
        public const int MaxPageSize = 500;

        public bool IsFiltered => !string.IsNullOrWhiteSpace(Q) || Phase is not null || Status is not null || Flag is not null;
    }

    /// <summary>One page of the overview; the counts and the chart cover every project the filter matches, not only this page.</summary>
    public sealed record OverviewPage(List<OverviewRow> Rows, int Total, int Page, int PageSize, int Escalated, int EarlyWarnings, List<OverviewRow> Largest)
    {
        public int Pages => PageCount(Total, PageSize);

        public static int PageCount(int total, int pageSize) => pageSize <= 0 ? 1 : Math.Max(1, (total + pageSize - 1) / pageSize);
    }

    /// <summary>Every project of the partnership, four queries whatever the count (projects, approved totals, open escalations, owners).</summary>
    public Task<List<OverviewRow>> OverviewAsync(int partnershipId, CancellationToken ct) => OverviewAsync(partnershipId, new OverviewFilter(), ct);

    /// <summary>
    /// One page of the overview. The filter on phase, status and name runs in the database; the flags (escalated,
    /// deficit, early warning) need the approved total and are applied to the light rows in memory; only the page's
    /// rows are rendered (2,000 projects stay fast: the cost was rendering every row).
    /// </summary>
    public async Task<OverviewPage> OverviewPageAsync(int partnershipId, OverviewFilter filter, CancellationToken ct)
    {
        var all = await OverviewAsync(partnershipId, filter, ct);
        var size = Math.Clamp(filter.PageSize ?? OverviewFilter.DefaultPageSize, 1, OverviewFilter.MaxPageSize);
        var page = Math.Clamp(filter.Page, 1, OverviewPage.PageCount(all.Count, size));
        var largest = all.Where(r => r.Approved is not null).OrderByDescending(r => r.Approved).Take(20).ToList();
        return new OverviewPage(
            all.Skip((page - 1) * size).Take(size).ToList(), all.Count, page, size,
            all.Count(r => r.OpenEscalation), all.Count(r => r.ForecastVerdict == ForecastVerdict.EarlyWarning), largest);
    }

    /// <summary>Every project the filter matches, unpaged (the API without page parameters, the CSV report).</summary>
    public async Task<List<OverviewRow>> OverviewAsync(int partnershipId, OverviewFilter filter, CancellationToken ct)
    {
        var query = db.Projects.AsNoTracking().Where(p => p.PartnershipId == partnershipId);
        if (filter.Phase is { } phase)
        {
            query = query.Where(p => p.Phase == phase);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(p => p.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // EF translates ToLower().Contains to lower(name) LIKE on both providers; a StringComparison overload does not translate
            query = query.Where(p => p.Name.ToLower().Contains(q));
#pragma warning restore CA1862
        }

        var projects = await query
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
        var rows = projects
            .Select(p =>
            {
                decimal? limit = approved.TryGetValue(p.Id, out var t) ? t : null;
                return new OverviewRow(
                    p.Id, p.Name, p.Kind, p.Phase, p.Status, p.OwnerOrgnr, owners.GetValueOrDefault(p.OwnerMemberId, p.OwnerOrgnr),
                    limit, p.Spent, p.Forecast, open.Contains(p.Id),
                    p.Forecast is { } f ? DeficitGuard.CheckForecast(limit, f, pct) : null);
            });
        rows = filter.Flag switch
        {
            OverviewFlag.Escalated => rows.Where(r => r.OpenEscalation),
            OverviewFlag.Deficit => rows.Where(r => r.ForecastVerdict == ForecastVerdict.Deficit),
            OverviewFlag.EarlyWarning => rows.Where(r => r.ForecastVerdict == ForecastVerdict.EarlyWarning),
            OverviewFlag.Any => rows.Where(r => r.OpenEscalation || r.ForecastVerdict is ForecastVerdict.Deficit or ForecastVerdict.EarlyWarning),
            _ => rows,
        };
        // Bokmål order (æ, ø, å last). One ICU sort key per row, then byte comparisons: comparing the names themselves
        // with a culture comparer costs about n log n ICU calls, which was the overview's largest cost at 2,000 projects.
        return rows
            .Select(r => (Row: r, Key: NorwegianOrder.GetSortKey(r.Name)))
            .OrderBy(x => x.Row.Status).ThenBy(x => x.Key, SortKeyComparer)
            .Select(x => x.Row)
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

    /// <summary>The partnership's open FIN-9 escalations, oldest first (the board's portfolio report).</summary>
    public async Task<List<Escalation>> OpenEscalationsAsync(int partnershipId, CancellationToken ct) =>
        (await db.Escalations.AsNoTracking()
            .Where(e => e.Status == EscalationStatus.Open && db.Projects.Any(p => p.Id == e.ProjectId && p.PartnershipId == partnershipId))
            .ToListAsync(ct))
        .OrderBy(e => e.RaisedAt).ToList();

    /// <summary>FIN-8: every benefit of the partnership's projects with its measurements (the board's portfolio report).</summary>
    public Task<List<Domain.Benefits.Benefit>> PartnershipBenefitsAsync(int partnershipId, CancellationToken ct) =>
        db.Benefits.AsNoTracking().Include(b => b.Measurements)
            .Where(b => db.Projects.Any(p => p.Id == b.ProjectId && p.PartnershipId == partnershipId))
            .OrderBy(b => b.ProjectId).ThenBy(b => b.Orgnr).ToListAsync(ct);

    public Task<List<Domain.Benefits.Benefit>> BenefitsAsync(int projectId, CancellationToken ct) =>
        db.Benefits.AsNoTracking().Include(b => b.Measurements).Where(b => b.ProjectId == projectId).OrderBy(b => b.Orgnr).ToListAsync(ct);
}

/// <summary>The overview's flag filter (query string <c>flag=</c>).</summary>
public enum OverviewFlag
{
    /// <summary>Any flag: escalated, deficit or early warning.</summary>
    Any,
    Escalated,
    Deficit,
    EarlyWarning,
}

public static class OverviewNames
{
    public static string ToApi(this OverviewFlag f) => f switch
    {
        OverviewFlag.Any => "any",
        OverviewFlag.Escalated => "escalated",
        OverviewFlag.Deficit => "deficit",
        _ => "early-warning",
    };

    public static OverviewFlag? ParseFlag(string? s) => s switch
    {
        "any" => OverviewFlag.Any,
        "escalated" => OverviewFlag.Escalated,
        "deficit" => OverviewFlag.Deficit,
        "early-warning" => OverviewFlag.EarlyWarning,
        _ => null,
    };

    public static ProjectPhase? ParsePhase(string? s) =>
        Enum.GetValues<ProjectPhase>().Cast<ProjectPhase?>().FirstOrDefault(p => p!.Value.ToApi() == s);

    public static ProjectStatus? ParseStatus(string? s) =>
        Enum.GetValues<ProjectStatus>().Cast<ProjectStatus?>().FirstOrDefault(p => p!.Value.ToApi() == s);
}
