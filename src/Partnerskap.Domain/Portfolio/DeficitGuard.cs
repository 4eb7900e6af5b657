namespace Partnerskap.Domain.Portfolio;

/// <summary>What the FIN-9 guard says about one expenditure.</summary>
public enum SpendVerdict
{
    /// <summary>Within the approved financing.</summary>
    Allowed,

    /// <summary>No approved financing plan yet (FIN-7): nothing may be spent.</summary>
    NoApprovedFinancing,

    /// <summary>Would take spending beyond the approved financing (FIN-9): refused, and raised to the board.</summary>
    BeyondApprovedFinancing,
}

/// <summary>What the FIN-9 guard says about a forecast of total cost.</summary>
public enum ForecastVerdict
{
    /// <summary>Comfortably within the approved financing.</summary>
    WithinFinancing,

    /// <summary>Within the approved financing, but closer to it than the early-warning threshold (a setting).</summary>
    EarlyWarning,

    /// <summary>Above the approved financing: a deficit (underdekning) is coming, raised to the board at once (FIN-9).</summary>
    Deficit,
}

/// <summary>
/// FIN-9: a project heading for a deficit is raised immediately to the board and the participating members, before any
/// money beyond the approved financing is used. Pure functions: the handlers call them inside the transaction that
/// holds the project's lock, so the totals they pass are the committed ones.
/// </summary>
public static class DeficitGuard
{
    /// <summary>The default early-warning threshold: a forecast within 10 % of the approved financing.</summary>
    public const decimal DefaultEarlyWarningPercent = 10m;

    /// <summary>FIN-9: may <paramref name="amount"/> be spent when <paramref name="spent"/> is already spent?</summary>
    /// <param name="approved">The approved financing (the spending limit), or null when no plan is approved (FIN-7).</param>
    public static SpendVerdict CheckSpend(decimal? approved, decimal spent, decimal amount)
    {
        if (amount <= 0)
        {
            throw Common.RuleViolation.Invalid("amount", "An expenditure is a positive amount in NOK.");
        }

        if (approved is not { } limit)
        {
            return SpendVerdict.NoApprovedFinancing;
        }

        return spent + amount > limit ? SpendVerdict.BeyondApprovedFinancing : SpendVerdict.Allowed;
    }

    /// <summary>FIN-9: does the forecast of total cost exceed the approved financing, or come within the warning threshold?</summary>
    public static ForecastVerdict CheckForecast(decimal? approved, decimal forecast, decimal earlyWarningPercent = DefaultEarlyWarningPercent)
    {
        if (forecast < 0)
        {
            throw Common.RuleViolation.Invalid("expectedTotalCost", "The forecast is a total cost in NOK, not negative.");
        }

        if (earlyWarningPercent is < 0 or > 100)
        {
            throw Common.RuleViolation.Invalid("earlyWarningPercent", "The early-warning threshold is a percentage between 0 and 100.");
        }

        var limit = approved ?? 0m;
        if (forecast > limit)
        {
            return ForecastVerdict.Deficit;
        }

        return forecast >= limit * (1 - (earlyWarningPercent / 100m)) && forecast > 0 ? ForecastVerdict.EarlyWarning : ForecastVerdict.WithinFinancing;
    }
}
