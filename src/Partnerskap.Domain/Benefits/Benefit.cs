using Partnerskap.Domain.Common;
using Partnerskap.Domain.Portfolio;

namespace Partnerskap.Domain.Benefits;

/// <summary>One measurement of a benefit indicator, reported by the member for a period.</summary>
public sealed class BenefitMeasurement
{
    private BenefitMeasurement() => ReportedBy = "";

    internal BenefitMeasurement(DateOnly period, decimal value, string reportedBy, DateTimeOffset reportedAt, string? comment)
    {
        Period = period;
        Value = value;
        ReportedBy = reportedBy;
        ReportedAt = reportedAt;
        Comment = comment;
    }

    public int Id { get; private set; }

    public int BenefitId { get; private set; }

    /// <summary>The period's end date (e.g. 2026-06-30 for the first half-year).</summary>
    public DateOnly Period { get; private set; }

    public decimal Value { get; private set; }

    public string ReportedBy { get; private set; }

    public DateTimeOffset ReportedAt { get; private set; }

    public string? Comment { get; private set; }
}

/// <summary>
/// FIN-8: each partner bears its own costs of receiving a project and is responsible for realising the benefits.
/// A benefit is therefore planned per participating member: its own owner at that member, an indicator, a baseline,
/// a target, and measurements the member reports.
/// </summary>
public sealed class Benefit
{
    private readonly List<BenefitMeasurement> _measurements = [];

    private Benefit()
    {
        Orgnr = "";
        Indicator = "";
        OwnerName = "";
    }

    public Benefit(Project project, string orgnr, string? ownerName, string? ownerEmail, string? indicator, string? unit, decimal baseline, decimal target)
    {
        ArgumentNullException.ThrowIfNull(project);

        // FIN-8: benefits are realised by the participating members, one plan per member.
        var participant = project.Participants.FirstOrDefault(p => p.Orgnr == orgnr)
            ?? throw RuleViolation.Invalid("orgnr", $"{orgnr} does not participate in the project: benefits are planned per participating member.", "FIN-8");
        if (string.IsNullOrWhiteSpace(ownerName))
        {
            throw RuleViolation.Invalid("ownerName", "Each benefit has its own owner at the member.", "FIN-8");
        }

        if (string.IsNullOrWhiteSpace(indicator))
        {
            throw RuleViolation.Invalid("indicator", "Say how the benefit is measured (the indicator).", "FIN-8");
        }

        // FIN-8: indicators are counts, durations, amounts or shares: never below zero.
        if (baseline < 0 || target < 0)
        {
            throw RuleViolation.Invalid(baseline < 0 ? "baseline" : "target", "The baseline and the target are not negative.", "FIN-8");
        }

        ProjectId = project.Id;
        MemberId = participant.MemberId;
        Orgnr = orgnr;
        OwnerName = ownerName.Trim();
        OwnerEmail = string.IsNullOrWhiteSpace(ownerEmail) ? null : ownerEmail.Trim();
        Indicator = indicator.Trim();
        Unit = string.IsNullOrWhiteSpace(unit) ? null : unit.Trim();
        Baseline = baseline;
        Target = target;
    }

    public int Id { get; private set; }

    public int ProjectId { get; private set; }

    public int MemberId { get; private set; }

    public string Orgnr { get; private set; }

    public string OwnerName { get; private set; }

    public string? OwnerEmail { get; private set; }

    public string Indicator { get; private set; }

    public string? Unit { get; private set; }

    public decimal Baseline { get; private set; }

    public decimal Target { get; private set; }

    public IReadOnlyList<BenefitMeasurement> Measurements => _measurements;

    /// <summary>The latest reported value, or null before the first report.</summary>
    public decimal? Latest => _measurements.MaxBy(m => m.Period)?.Value;

    /// <summary>Share of the way from baseline to target reached by the latest measurement (0–1+), or null.</summary>
    public decimal? Achieved => AchievedAt(Latest);

    /// <summary>The latest measurement for a period ending on or before <paramref name="end"/> (where the member stood then), or null.</summary>
    public BenefitMeasurement? LatestOn(DateOnly end) => _measurements.Where(m => m.Period <= end).MaxBy(m => m.Period);

    /// <summary>Share of the way from baseline to target that <paramref name="value"/> reaches (0–1+), or null.</summary>
    public decimal? AchievedAt(decimal? value) => value is { } v && Target != Baseline ? (v - Baseline) / (Target - Baseline) : null;

    public bool HasReportedFor(DateOnly period) => _measurements.Any(m => m.Period == period);

    /// <summary>FIN-8: the member reports a measurement for a period; one per period (a correction replaces nothing: refused).</summary>
    public BenefitMeasurement Report(DateOnly period, decimal value, string reportedBy, DateTimeOffset at, string? comment = null)
    {
        if (value < 0)
        {
            throw RuleViolation.Invalid("value", "A measured value is not negative.", "FIN-8");
        }

        if (HasReportedFor(period))
        {
            throw RuleViolation.Conflict($"A measurement for {period:yyyy-MM-dd} is already reported.", "FIN-8");
        }

        var m = new BenefitMeasurement(period, value, reportedBy, at, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim());
        _measurements.Add(m);
        return m;
    }

    /// <summary>FIN-8: the members who have not reported for <paramref name="period"/>, by orgnr.</summary>
    public static IReadOnlyList<string> NotReported(IEnumerable<Benefit> benefits, DateOnly period) =>
        benefits.Where(b => !b.HasReportedFor(period)).Select(b => b.Orgnr).Distinct().Order(StringComparer.Ordinal).ToList();
}
