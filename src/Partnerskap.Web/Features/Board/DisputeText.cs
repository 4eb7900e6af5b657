using Partnerskap.Domain.Board;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Board;

public static class DisputeText
{
    public static string Status(Texts t, DisputeStatus status) => status switch
    {
        DisputeStatus.Escalated => t["Løftet til programstyret"],
        DisputeStatus.MediationProposed => t["Styret har foreslått mekling"],
        DisputeStatus.Resolved => t["Løst"],
        _ => t["Dialog mellom partene"],
    };
}
