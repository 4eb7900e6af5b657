using Partnerskap.Domain.Portfolio;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Portfolio;

/// <summary>The portfolio's words on the pages (glossary: prosjekt, anskaffelse, finansieringsplan, underdekning).</summary>
public static class PortfolioText
{
    public static string Phase(Texts t, ProjectPhase p) => p switch
    {
        ProjectPhase.Idea => t["Idé"],
        ProjectPhase.Concept => t["Konsept"],
        ProjectPhase.Planning => t["Planlegging"],
        ProjectPhase.Execution => t["Gjennomføring"],
        _ => t["Avslutning"],
    };

    public static string Status(Texts t, ProjectStatus s) => s switch
    {
        ProjectStatus.Active => t["Aktiv"],
        ProjectStatus.Stopped => t["Stanset"],
        _ => t["Avsluttet"],
    };

    public static string Kind(Texts t, ProjectKind k) => k == ProjectKind.Procurement ? t["Anskaffelse"] : t["Prosjekt"];

    public static string Source(Texts t, FundingSourceKind k) => k switch
    {
        FundingSourceKind.BaseFunding => t["Grunnfinansiering"],
        FundingSourceKind.Grant => t["Tilskudd"],
        FundingSourceKind.MemberContribution => t["Medlemsbidrag"],
        _ => t["Annet"],
    };

    public static string PlanStatus(Texts t, FinancingPlanStatus s) => s switch
    {
        FinancingPlanStatus.Proposed => t["Foreslått"],
        FinancingPlanStatus.Approved => t["Godkjent"],
        _ => t["Erstattet"],
    };

    public static string Outcome(Texts t, EscalationOutcome? o) => o switch
    {
        EscalationOutcome.IncreaseFinancing => t["Økt finansiering"],
        EscalationOutcome.ReduceScope => t["Redusert omfang"],
        EscalationOutcome.Stop => t["Stans"],
        _ => t["Venter på programstyret"],
    };

    public static string Money(decimal? amount) => amount is { } a ? a.ToString("N0", System.Globalization.CultureInfo.CurrentCulture) + " kr" : "–";

    public static string BudgetKind(Texts t, BudgetLineKind k) => k switch
    {
        BudgetLineKind.Fees => t["Kontingent"],
        BudgetLineKind.Grant => t["Tilskudd til generell aktivitet"],
        BudgetLineKind.OtherIncome => t["Andre inntekter"],
        BudgetLineKind.Positions => t["De to stillingene i programkontoret"],
        BudgetLineKind.Activities => t["Generell aktivitet (kompetanse og nettverk)"],
        BudgetLineKind.SmallProjects => t["Mindre fellesprosjekter"],
        _ => t["Andre kostnader"],
    };

    public static string GrantStatus(Texts t, Domain.Portfolio.GrantStatus s) => s switch
    {
        Domain.Portfolio.GrantStatus.Applied => t["Søkt"],
        Domain.Portfolio.GrantStatus.Granted => t["Innvilget"],
        Domain.Portfolio.GrantStatus.Rejected => t["Avslått"],
        _ => t["Utbetalt"],
    };

    public static string Overall(Texts t, OverallStatus s) => s switch
    {
        OverallStatus.Green => t["Grønn"],
        OverallStatus.Yellow => t["Gul"],
        _ => t["Rød"],
    };

    /// <summary>The Designsystemet colour for a status: the word is always shown too (colour is never the only signal).</summary>
    public static string OverallColor(OverallStatus s) => s switch
    {
        OverallStatus.Green => "success",
        OverallStatus.Yellow => "warning",
        _ => "danger",
    };

    public static string RiskStatus(Texts t, Domain.Portfolio.RiskStatus s) => s == Domain.Portfolio.RiskStatus.Open ? t["Åpen"] : t["Lukket"];

    /// <summary>An amount typed in a form: "1 234 567,50" (bokmål) or "1234567.50"; empty → null; nonsense → a field error.</summary>
    public static decimal? ParseAmount(Texts t, string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var cleaned = value.Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal).Replace("kr", "", StringComparison.OrdinalIgnoreCase);
        if (decimal.TryParse(cleaned, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.GetCultureInfo("nb-NO"), out var nb) && !cleaned.Contains('.', StringComparison.Ordinal))
        {
            return nb;
        }

        if (decimal.TryParse(cleaned, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var inv))
        {
            return inv;
        }

        throw Domain.Common.RuleViolation.Invalid(field, t["Skriv et beløp i kroner, for eksempel 250000."]);
    }
}
