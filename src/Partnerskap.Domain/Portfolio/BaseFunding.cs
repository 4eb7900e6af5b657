using Partnerskap.Domain.Common;

namespace Partnerskap.Domain.Portfolio;

/// <summary>FIN-5: the lines of the yearly base budget (grunnfinansiering): income (fees, grants for general activity) and costs.</summary>
public enum BudgetLineKind
{
    /// <summary>Income: the members' annual fees (FIN-1, FIN-2).</summary>
    Fees,

    /// <summary>Income: grants for general activity entered by hand (granted base-funding grants are added from the grant register, FIN-4).</summary>
    Grant,

    OtherIncome,

    /// <summary>Cost: the two positions in the programme office (FIN-5).</summary>
    Positions,

    /// <summary>Cost: general activity such as competence and network building.</summary>
    Activities,

    /// <summary>Cost: smaller joint projects, if the funds allow.</summary>
    SmallProjects,

    OtherCost,
}

/// <summary>One line of the base budget for a year: budgeted, and actuals and forecast when known (FIN-5).</summary>
public sealed class BaseBudgetLine
{
    private BaseBudgetLine() => Description = "";

    public BaseBudgetLine(int partnershipId, int year, BudgetLineKind kind, string? description, decimal budgeted, decimal? actual, decimal? forecast)
    {
        if (year is < 2000 or > 2100)
        {
            throw RuleViolation.Invalid("year", "The year must be between 2000 and 2100.", "FIN-5");
        }

        PartnershipId = partnershipId;
        Year = year;
        Kind = kind;
        Description = string.IsNullOrWhiteSpace(description) ? throw RuleViolation.Invalid("description", "Describe the line.", "FIN-5") : description.Trim();
        Update(budgeted, actual, forecast);
    }

    public int Id { get; private set; }

    public int PartnershipId { get; private set; }

    public int Year { get; private set; }

    public BudgetLineKind Kind { get; private set; }

    public string Description { get; private set; }

    public decimal Budgeted { get; private set; }

    public decimal? Actual { get; private set; }

    public decimal? Forecast { get; private set; }

    public bool IsIncome => BaseBudget.IsIncome(Kind);

    public void Update(decimal budgeted, decimal? actual, decimal? forecast)
    {
        if (budgeted < 0)
        {
            throw RuleViolation.Invalid("budgeted", "Amounts are not negative: a cost is a cost line, not a negative income.", "FIN-5");
        }

        if (actual < 0)
        {
            throw RuleViolation.Invalid("actual", "Amounts are not negative.", "FIN-5");
        }

        if (forecast < 0)
        {
            throw RuleViolation.Invalid("forecast", "Amounts are not negative.", "FIN-5");
        }

        Budgeted = budgeted;
        Actual = actual;
        Forecast = forecast;
    }
}

/// <summary>A line as the summary sees it (budget lines, and granted base-funding grants as income).</summary>
public sealed record BudgetAmount(BudgetLineKind Kind, decimal Budgeted, decimal? Actual, decimal? Forecast)
{
    /// <summary>The expected outcome for the year: the forecast, else the budget (actuals so far are not a year-end figure).</summary>
    public decimal Expected => Forecast ?? Budgeted;
}

/// <summary>The base budget's result for one column (budget, actual or expected).</summary>
public sealed record BaseBudgetResult(decimal Income, decimal Cost, decimal Positions, decimal Activities)
{
    public decimal Balance => Income - Cost;

    /// <summary>FIN-5: the base funding covers the two positions in the programme office.</summary>
    public bool CoversPositions => Income >= Positions;

    /// <summary>FIN-5: what is left for smaller joint projects after the positions and general activity ("if funds allow"); never below zero.</summary>
    public decimal RoomForSmallProjects => Math.Max(0m, Income - Positions - Activities);
}

/// <summary>FIN-5: the yearly base budget (grunnfinansiering): fees and grants for general activity against the two positions, general activity and small projects.</summary>
public static class BaseBudget
{
    public static bool IsIncome(BudgetLineKind k) => k is BudgetLineKind.Fees or BudgetLineKind.Grant or BudgetLineKind.OtherIncome;

    /// <summary>FIN-5: budget, actual (lines without an actual count as 0) and expected outcome.</summary>
    public static (BaseBudgetResult Budget, BaseBudgetResult Actual, BaseBudgetResult Expected) Summarise(IEnumerable<BudgetAmount> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var list = lines.ToList();
        return (Result(list, l => l.Budgeted), Result(list, l => l.Actual ?? 0m), Result(list, l => l.Expected));
    }

    private static BaseBudgetResult Result(List<BudgetAmount> lines, Func<BudgetAmount, decimal> amount) => new(
        lines.Where(l => IsIncome(l.Kind)).Sum(amount),
        lines.Where(l => !IsIncome(l.Kind)).Sum(amount),
        lines.Where(l => l.Kind == BudgetLineKind.Positions).Sum(amount),
        lines.Where(l => l.Kind == BudgetLineKind.Activities).Sum(amount));
}

/// <summary>FIN-4: what a grant is for: the base funding (general activity) or one project.</summary>
public enum GrantPurpose
{
    BaseFunding,
    Project,
}

public enum GrantStatus
{
    Applied,
    Granted,
    Rejected,
    Received,
}

/// <summary>
/// FIN-4: a grant application to Statsforvalteren or another funder: amount applied for, granted, received, conditions
/// and reporting deadline. A granted base-funding grant is income in that year's base budget (FIN-5); a project's grants
/// back the grant sources of its financing plan (FIN-7).
/// </summary>
public sealed class Grant
{
    private Grant() => Funder = "";

    public Grant(int partnershipId, string? funder, GrantPurpose purpose, int? projectId, int year, decimal applied, DateOnly appliedOn, string? description)
    {
        if (string.IsNullOrWhiteSpace(funder))
        {
            throw RuleViolation.Invalid("funder", "Name the funder, for example Statsforvalteren i Oslo og Viken.", "FIN-4");
        }

        if (purpose == GrantPurpose.Project && projectId is null)
        {
            throw RuleViolation.Invalid("projectId", "A project grant names its project.", "FIN-4");
        }

        if (applied <= 0)
        {
            throw RuleViolation.Invalid("applied", "The amount applied for must be above zero.", "FIN-4");
        }

        PartnershipId = partnershipId;
        Funder = funder.Trim();
        Purpose = purpose;
        ProjectId = purpose == GrantPurpose.Project ? projectId : null;
        Year = year;
        Applied = applied;
        AppliedOn = appliedOn;
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
    }

    public int Id { get; private set; }

    public int PartnershipId { get; private set; }

    public string Funder { get; private set; }

    public GrantPurpose Purpose { get; private set; }

    public int? ProjectId { get; private set; }

    public int Year { get; private set; }

    public string? Description { get; private set; }

    public decimal Applied { get; private set; }

    public DateOnly AppliedOn { get; private set; }

    public decimal? Granted { get; private set; }

    public decimal? Received { get; private set; }

    public string? Conditions { get; private set; }

    public DateOnly? ReportingDeadline { get; private set; }

    /// <summary>FIN-4: the reporting deadline the office was last reminded of (a reminder goes once per deadline).</summary>
    public DateOnly? ReminderSentFor { get; private set; }

    /// <summary>FIN-4: whether a reminder is due on <paramref name="today"/>: the deadline is within <paramref name="days"/> days and not yet reminded of.</summary>
    public bool ReminderDue(DateOnly today, int days) =>
        days > 0 && ReportingDeadline is { } d && d >= today && d.DayNumber - today.DayNumber <= days && ReminderSentFor != d;

    public GrantStatus Status => Received is > 0 ? GrantStatus.Received : Granted switch { null => GrantStatus.Applied, 0m => GrantStatus.Rejected, _ => GrantStatus.Granted };

    /// <summary>FIN-4: the funder's answer. Policy: never more than applied for; 0 is a rejection.</summary>
    public void RecordAward(decimal granted, string? conditions, DateOnly? reportingDeadline)
    {
        if (granted < 0 || granted > Applied)
        {
            throw RuleViolation.Invalid("granted", $"The amount granted is between 0 and the amount applied for ({Applied:0.00}).", "FIN-4");
        }

        if (Received is { } r && granted < r)
        {
            throw RuleViolation.Conflict("More has already been received than this award.", "FIN-4", "granted");
        }

        Granted = granted;
        Conditions = string.IsNullOrWhiteSpace(conditions) ? null : conditions.Trim();
        ReportingDeadline = reportingDeadline;
    }

    /// <summary>FIN-4: money received so far (paid out by the funder); never more than granted.</summary>
    public void RecordReceived(decimal received)
    {
        if (Granted is not { } g)
        {
            throw RuleViolation.Conflict("Record the award before money received.", "FIN-4", "received");
        }

        if (received < 0 || received > g)
        {
            throw RuleViolation.Invalid("received", $"The amount received is between 0 and the amount granted ({g:0.00}).", "FIN-4");
        }

        Received = received;
    }
}

/// <summary>FIN-4: grants against plans and the base budget.</summary>
public static class Grants
{
    /// <summary>FIN-4 → FIN-5: granted base-funding grants of the year, as income lines of the base budget (received counts as actual).</summary>
    public static IEnumerable<BudgetAmount> AsBaseBudgetIncome(IEnumerable<Grant> grants, int year) =>
        grants.Where(g => g.Purpose == GrantPurpose.BaseFunding && g.Year == year && g.Granted is > 0)
            .Select(g => new BudgetAmount(BudgetLineKind.Grant, g.Granted!.Value, g.Received, null));

    /// <summary>
    /// FIN-4 with FIN-7: how much of a financing plan's grant sources is not (yet) granted by a funder. A plan may count
    /// on grants applied for; this shows the board what is still uncertain. Never below zero.
    /// </summary>
    public static decimal NotYetGranted(FinancingPlan? plan, IEnumerable<Grant> projectGrants)
    {
        var granted = projectGrants.Sum(g => g.Granted ?? 0m);
        return Math.Max(0m, Planned(plan) - granted);
    }

    /// <summary>FIN-4 with FIN-7: the grant sources of a financing plan (0 without a plan).</summary>
    public static decimal Planned(FinancingPlan? plan) => plan?.Sources.Where(s => s.Kind == FundingSourceKind.Grant).Sum(s => s.Amount) ?? 0m;

    /// <summary>FIN-7: the plan a project's grants are measured against: the approved version, else the latest proposal.</summary>
    public static FinancingPlan? PlanFor(IReadOnlyCollection<FinancingPlan> plans) =>
        plans.Where(f => f.Status == FinancingPlanStatus.Approved).MaxBy(f => f.Version) ?? plans.MaxBy(f => f.Version);
}

/// <summary>
/// FIN-3: a member carries its own internal and operating costs of taking part; they are never invoiced, but may be
/// recorded as an in-kind contribution (egeninnsats) to a project: hours and/or an estimated value.
/// </summary>
public sealed class InKindContribution
{
    private InKindContribution()
    {
        Orgnr = "";
        Description = "";
    }

    public InKindContribution(int projectId, int memberId, string orgnr, DateOnly date, string? description, decimal? hours, decimal value)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            throw RuleViolation.Invalid("description", "Describe the contribution (for example: two case workers in the pilot).", "FIN-3");
        }

        if (hours is < 0)
        {
            throw RuleViolation.Invalid("hours", "Hours are not negative.", "FIN-3");
        }

        if (value < 0)
        {
            throw RuleViolation.Invalid("value", "The value is not negative.", "FIN-3");
        }

        ProjectId = projectId;
        MemberId = memberId;
        Orgnr = orgnr;
        Date = date;
        Description = description.Trim();
        Hours = hours;
        Value = value;
    }

    public int Id { get; private set; }

    public int ProjectId { get; private set; }

    public int MemberId { get; private set; }

    public string Orgnr { get; private set; }

    public DateOnly Date { get; private set; }

    public string Description { get; private set; }

    public decimal? Hours { get; private set; }

    /// <summary>Estimated value in NOK; informative only.</summary>
    public decimal Value { get; private set; }
}

/// <summary>FIN-3: in-kind contributions per member. They are not money in the project: not a financing source, not spending, not invoiced.</summary>
public static class InKind
{
    public sealed record MemberTotal(string Orgnr, decimal Hours, decimal Value, int Count);

    /// <summary>FIN-3: totals per member, largest value first.</summary>
    public static List<MemberTotal> PerMember(IEnumerable<InKindContribution> contributions) =>
        contributions.GroupBy(c => c.Orgnr)
            .Select(g => new MemberTotal(g.Key, g.Sum(c => c.Hours ?? 0m), g.Sum(c => c.Value), g.Count()))
            .OrderByDescending(t => t.Value).ThenBy(t => t.Orgnr, StringComparer.Ordinal)
            .ToList();

    /// <summary>FIN-3: what a member is invoiced for its in-kind contributions: nothing, whatever they are worth.</summary>
    public static decimal Invoiceable(IEnumerable<InKindContribution> contributions)
    {
        ArgumentNullException.ThrowIfNull(contributions);
        return 0m;
    }
}
