namespace Partnerskap.Web.Features.Portfolio;

/// <summary>The "Partnerskap:Portfolio" settings.</summary>
public sealed class PortfolioOptions
{
    public const string Section = "Partnerskap:Portfolio";

    /// <summary>FIN-9 early warning: a forecast within this many percent of the approved financing is flagged (default 10).</summary>
    public decimal EarlyWarningPercent { get; set; } = Domain.Portfolio.DeficitGuard.DefaultEarlyWarningPercent;
}
