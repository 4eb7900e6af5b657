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
}
