using Partnerskap.Domain.Board;
using Partnerskap.Domain.Decisions;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Board;

/// <summary>Board words in the user's language.</summary>
public static class BoardText
{
    public static string Role(Texts t, BoardRole role) => role switch
    {
        BoardRole.Leader => t["Leder"],
        BoardRole.Deputy => t["Nestleder"],
        BoardRole.Observer => t["Observatør"],
        _ => t["Medlem"],
    };

    public static string Role(Texts t, string role) => GovernanceApi.ParseRole(role) is { } r ? Role(t, r) : role;

    /// <summary>The body that decided: "Årsmøtet" or "Programstyret".</summary>
    public static string Body(Texts t, DecisionBody body) => body == DecisionBody.AnnualMeeting ? t["Årsmøtet"] : t["Programstyret"];

    public static string Status(Texts t, DecisionStatus status) => status switch
    {
        DecisionStatus.InProgress => t["Under arbeid"],
        DecisionStatus.Closed => t["Lukket"],
        _ => t["Åpen"],
    };

    public static string CaseStatus(Texts t, string status) => status switch
    {
        "decided" => t["Avgjort"],
        "withdrawn" => t["Trukket"],
        _ => t["Åpen"],
    };

    public static string Kind(Texts t, string kind) => kind switch
    {
        "written-procedure" => t["Skriftlig behandling"],
        "financing-plan" => t["Finansieringsplan"],
        "escalation" => t["Underdekning"],
        "dispute" => t["Tvist"],
        _ => t["Ordinær sak"],
    };

    public static string Recusal(Texts t, string kind) => kind switch
    {
        "automatic" => t["Automatisk: organisasjonen er part"],
        "declared" => t["Erklært, ikke avgjort"],
        "upheld" => t["Erklært, styret fant inhabilitet"],
        "rejected" => t["Erklært, styret fant ikke inhabilitet"],
        "suggested" => t["Forslag fra interesseregisteret"],
        _ => kind,
    };
}
