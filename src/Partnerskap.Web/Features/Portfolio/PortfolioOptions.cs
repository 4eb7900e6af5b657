namespace Partnerskap.Web.Features.Portfolio;

/// <summary>The "Partnerskap:Portfolio" settings.</summary>
public sealed class PortfolioOptions
{
    public const string Section = "Partnerskap:Portfolio";

    /// <summary>FIN-9 early warning: a forecast within this many percent of the approved financing is flagged (default 10).</summary>
    public decimal EarlyWarningPercent { get; set; } = Domain.Portfolio.DeficitGuard.DefaultEarlyWarningPercent;

    /// <summary>FIN-4: the office is reminded this many days before a grant's reporting deadline (default 14; 0 turns the reminders off).</summary>
    public int GrantReminderDays { get; set; } = 14;
}
