using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Benefits;
using Partnerskap.Domain.Common;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Members;

namespace Partnerskap.Web.Features.Portfolio;

/// <summary>
/// FIN-8: benefit realisation per participating member. The office plans a benefit for a participant (owner at that
/// member, indicator, baseline, target); the member's own contact (or the office) reports measurements per period.
/// Shared by the benefits page and the API.
/// </summary>
public static class Benefits
{
    public sealed record Plan(int ProjectId, string? Orgnr, string? OwnerName, string? OwnerEmail, string? Indicator, string? Unit, decimal? Baseline, decimal? Target);

    public sealed record Report(int BenefitId, DateOnly? Period, decimal? Value, string? Comment);

    /// <summary>One participating member's line in the "who has not reported" overview.</summary>
    public sealed record MemberStatus(string Orgnr, string Name, int Benefits, int Reported)
    {
        public bool Missing => Reported < Benefits;
    }

    /// <summary>The reporting periods are half-years (30 June, 31 December): the last one ended on or before <paramref name="today"/>.</summary>
    public static DateOnly LatestPeriod(DateOnly today) =>
        today >= new DateOnly(today.Year, 6, 30) ? new DateOnly(today.Year, 6, 30) : new DateOnly(today.Year - 1, 12, 31);

    /// <summary>FIN-8: per participating member, how many of its benefits have a measurement for <paramref name="period"/>.</summary>
    public static List<MemberStatus> ReportingStatus(IEnumerable<Domain.Portfolio.ProjectParticipant> participants, IReadOnlyList<Benefit> benefits, DateOnly period) =>
        participants.OrderBy(p => p.Name, Bokmal.Order)
            .Select(p =>
            {
                var mine = benefits.Where(b => b.Orgnr == p.Orgnr).ToList();
                return new MemberStatus(p.Orgnr, p.Name, mine.Count, mine.Count(b => b.HasReportedFor(period)));
            }).ToList();

    public sealed class Handler(AppDbContext db, TimeProvider clock, AuditContext audit)
    {
        /// <summary>FIN-8: plans a benefit for a participating member (office). A member that does not take part is refused.</summary>
        public async Task<Benefit> PlanAsync(Plan c, CancellationToken ct)
        {
            if (string.IsNullOrWhiteSpace(c.Orgnr))
            {
                throw RuleViolation.Invalid("orgnr", "Choose the participating member the benefit belongs to.", "FIN-8");
            }

            if (c.Baseline is not { } baseline || c.Target is not { } target)
            {
                throw RuleViolation.Invalid(c.Baseline is null ? "baseline" : "target", "Give the baseline and the target of the indicator.", "FIN-8");
            }

            var project = await db.Projects.Include(p => p.Participants).SingleOrDefaultAsync(p => p.Id == c.ProjectId, ct)
                ?? throw new KeyNotFoundException($"There is no project {c.ProjectId}.");
            var benefit = new Benefit(project, c.Orgnr.Trim(), c.OwnerName, c.OwnerEmail, c.Indicator, c.Unit, baseline, target);
            db.Benefits.Add(benefit);
            await db.SaveChangesAsync(ct);
            return benefit;
        }

        /// <summary>FIN-8: the member's own contact (or the office) reports a measurement for a period.</summary>
        public async Task<(Benefit Benefit, BenefitMeasurement Measurement)> ReportAsync(Report c, ClaimsPrincipal user, CancellationToken ct)
        {
            var benefit = await db.Benefits.Include(b => b.Measurements).SingleOrDefaultAsync(b => b.Id == c.BenefitId, ct)
                ?? throw new KeyNotFoundException($"There is no benefit {c.BenefitId}.");
            return (benefit, await ReportAsync(benefit, c, user, ct));
        }

        public async Task<BenefitMeasurement> ReportAsync(Benefit benefit, Report c, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(benefit);

            // FIN-8: the member realises its own benefits and reports them (or the office on its behalf).
            if (!MemberAccess.CanEdit(user, benefit.Orgnr))
            {
                throw RuleViolation.Forbidden("Only the member's own contact (or the office) reports this member's benefits.", "FIN-8");
            }

            if (c.Period is not { } period || c.Value is not { } value)
            {
                throw RuleViolation.Invalid(c.Period is null ? "period" : "value", "Give the period (its last day) and the measured value.", "FIN-8");
            }

            var m = benefit.Report(period, value, audit.CurrentActor, clock.GetUtcNow(), c.Comment);
            await db.SaveChangesAsync(ct);
            return m;
        }
    }
}
