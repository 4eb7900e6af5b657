using System.Net;
using Partnerskap.Domain.Members;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Members;

/// <summary>How members' kinds and statuses read on the pages (glossary: one word per concept).</summary>
public static class MemberText
{
    public static string Kind(Texts t, MemberKind kind) => WebUtility.HtmlEncode(kind switch
    {
        MemberKind.County => t["Fylkeskommune"],
        MemberKind.Municipality => t["Kommune"],
        _ => t["Annen"],
    });

    public static string StatusText(Texts t, MembershipStatus? status) => status switch
    {
        MembershipStatus.Member => t["Medlem"],
        MembershipStatus.NoticeGiven => t["Har sagt opp"],
        MembershipStatus.Exited => t["Uttrådt"],
        _ => t["Ikke medlem ennå"],
    };

    /// <summary>A Designsystemet tag; colour is never the only signal (the text says the status).</summary>
    public static string StatusTag(Texts t, MembershipStatus? status)
    {
        var color = status switch
        {
            MembershipStatus.Member => "success",
            MembershipStatus.NoticeGiven => "warning",
            _ => "neutral",
        };
        return $"<span class=\"ds-tag\" data-color=\"{color}\">{WebUtility.HtmlEncode(StatusText(t, status))}</span>";
    }

    public static string Role(Texts t, string? apiName) => apiName switch
    {
        "chief-executive" => t["Kommunedirektør"],
        "head-of-digitalisation" => t["Digitaliseringsleder"],
        "invoice-contact" => t["Fakturakontakt"],
        "annual-meeting-representative" => t["Årsmøterepresentant"],
        _ => apiName ?? "",
    };

    /// <summary>"921693230" → "921 693 230", the way Brønnøysund writes it.</summary>
    public static string FormatOrgnr(string orgnr) =>
        orgnr.Length == 9 ? $"{orgnr[..3]} {orgnr[3..6]} {orgnr[6..]}" : orgnr;
}
