using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Benefits;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Portfolio;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Features.Portfolio;

/// <summary>
/// The portfolio report for the programme board, twice a year (June and December): per project approved financing vs
/// spent vs forecast (FIN-9), the open escalations, and benefit realisation (FIN-8): targets vs the latest measurement
/// up to the period's end, per project and per member, and who has not reported for the period. Built on
/// <see cref="ProjectQueries"/> (the overview rows, the benefits) so the report and the portfolio page never disagree.
/// </summary>
public sealed class PortfolioReport(ProjectQueries queries, AppDbContext db, TimeProvider clock)
{
    /// <summary>A report period: the half-year ending 30 June or 31 December of <see cref="Year"/>.</summary>
    public sealed record Period(int Year, int Month)
    {
        public DateOnly End => Month == 6 ? new DateOnly(Year, 6, 30) : new DateOnly(Year, 12, 31);

        public DateOnly Start => Month == 6 ? new DateOnly(Year, 1, 1) : new DateOnly(Year, 7, 1);

        /// <summary>"2026-12", as in the query string.</summary>
        public string Key => $"{Year:D4}-{Month:D2}";

        /// <summary>The current half-year's report (the latest passed or current period): June until 30 June, then December.</summary>
        public static Period Current(DateOnly today) => new(today.Year, today.Month <= 6 ? 6 : 12);

        /// <summary>"2026-06" or "2026-12"; anything else is null.</summary>
        public static Period? Parse(string? s)
        {
            if (s is not { Length: 7 } || s[4] != '-'
                || !int.TryParse(s.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                || !int.TryParse(s.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
                || month is not (6 or 12) || year is < 2000 or > 2100)
            {
                return null;
            }

            return new Period(year, month);
        }

        /// <summary>Periods from the agreement's first half-year up to the current one, newest first (the page's choice).</summary>
        public static List<Period> Since(int firstYear, DateOnly today)
        {
            var list = new List<Period>();
            for (var p = Current(today); p.Year >= firstYear; p = p.Month == 12 ? p with { Month = 6 } : new Period(p.Year - 1, 12))
            {
                list.Add(p);
            }

            return list;
        }
    }

    public sealed record Totals(decimal Approved, decimal Spent, decimal Forecast);

    public sealed record OpenEscalation(int ProjectId, string ProjectName, DateTimeOffset RaisedAt, string Trigger, string Reason, int? BoardCaseId);

    /// <summary>One benefit as of the period's end: the latest measurement on or before it.</summary>
    public sealed record BenefitRow(
        int ProjectId, string ProjectName, string Orgnr, string MemberName, string OwnerName, string Indicator, string? Unit,
        decimal Baseline, decimal Target, decimal? Latest, DateOnly? LatestPeriod, decimal? Achieved, bool Reported);

    /// <summary>Benefits of one project or one member: how many, how many reported for the period, average share of the way to the target.</summary>
    public sealed record BenefitSummary(string Key, string Name, int Benefits, int Reported, decimal? Achieved);

    public sealed record NotReported(int ProjectId, string ProjectName, string Orgnr, string MemberName);

    public sealed record Report(
        string PartnershipName, Period Period, DateOnly Today, List<ProjectQueries.OverviewRow> Projects, Totals Totals,
        List<OpenEscalation> Escalations, List<BenefitRow> Benefits, List<BenefitSummary> ByProject, List<BenefitSummary> ByMember,
        List<NotReported> NotReported);

    public async Task<Report> BuildAsync(int partnershipId, Period period, CancellationToken ct)
    {
        var name = await db.Partnerships.Where(p => p.Id == partnershipId).Select(p => p.Name).SingleAsync(ct);
        var projects = await queries.OverviewAsync(partnershipId, ct);
        var names = projects.ToDictionary(p => p.Id, p => p.Name);
        var escalations = (await queries.OpenEscalationsAsync(partnershipId, ct))
            .Select(e => new OpenEscalation(e.ProjectId, names.GetValueOrDefault(e.ProjectId, ""), e.RaisedAt, e.Trigger.ToString().ToLowerInvariant(), e.Reason, e.BoardCaseId))
            .ToList();
        var benefits = await queries.PartnershipBenefitsAsync(partnershipId, ct);
        var members = await db.Members.AsNoTracking().Where(m => m.PartnershipId == partnershipId).Select(m => new { m.Orgnr, m.Name }).ToDictionaryAsync(m => m.Orgnr, m => m.Name, ct);
        var end = period.End;
        var rows = benefits
            .Select(b =>
            {
                // FIN-8: the report shows where each member stood at the period's end, not later reports.
                var latest = b.LatestOn(end);
                var achieved = b.AchievedAt(latest?.Value) is { } share ? decimal.Round(share, 4) : (decimal?)null;
                return new BenefitRow(b.ProjectId, names.GetValueOrDefault(b.ProjectId, ""), b.Orgnr, members.GetValueOrDefault(b.Orgnr, b.Orgnr), b.OwnerName,
                    b.Indicator, b.Unit, b.Baseline, b.Target, latest?.Value, latest?.Period, achieved, b.HasReportedFor(end));
            })
            .OrderBy(r => r.ProjectName, Bokmal.Order).ThenBy(r => r.MemberName, Bokmal.Order)
            .ToList();
        var byProject = rows.GroupBy(r => r.ProjectId).Select(g => Summary(g.Key.ToString(CultureInfo.InvariantCulture), g.First().ProjectName, g.ToList())).ToList();
        var byMember = rows.GroupBy(r => r.Orgnr).Select(g => Summary(g.Key, g.First().MemberName, g.ToList()))
            .OrderBy(s => s.Name, Bokmal.Order).ToList();
        // FIN-8: who has not reported for the period, per project (Benefit.NotReported is the rule's one definition).
        var notReported = benefits.GroupBy(b => b.ProjectId)
            .SelectMany(g => Benefit.NotReported(g, end).Select(orgnr => new NotReported(g.Key, names.GetValueOrDefault(g.Key, ""), orgnr, members.GetValueOrDefault(orgnr, orgnr))))
            .OrderBy(n => n.ProjectName, Bokmal.Order).ThenBy(n => n.MemberName, Bokmal.Order)
            .ToList();
        var totals = new Totals(projects.Sum(p => p.Approved ?? 0), projects.Sum(p => p.Spent), projects.Sum(p => p.Forecast ?? 0));
        return new Report(name, period, PartnershipTime.Today(clock), projects, totals, escalations, rows, byProject, byMember, notReported);
    }

    private static BenefitSummary Summary(string key, string name, List<BenefitRow> rows)
    {
        var measured = rows.Where(r => r.Achieved is not null).Select(r => r.Achieved!.Value).ToList();
        return new BenefitSummary(key, name, rows.Count, rows.Count(r => r.Reported), measured.Count == 0 ? null : decimal.Round(measured.Average(), 4));
    }
}
