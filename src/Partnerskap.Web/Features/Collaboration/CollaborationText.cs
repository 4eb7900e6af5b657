using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Collaboration;

/// <summary>How the kinds of networks, events and library documents read on the pages (one wording for list and detail page).</summary>
public static class CollaborationText
{
    public static string NetworkKind(Texts t, string kind) => kind == "working-group" ? t["Arbeidsgruppe"] : t["Nettverk"];

    public static string EventKind(Texts t, string kind) => kind == "course" ? t["Kurs"] : t["Arrangement"];

    public static string LibraryKind(Texts t, string kind) => kind switch
    {
        "agreement" => t["Partneravtale"],
        "statutes" => t["Vedtekter"],
        "template" => t["Mal"],
        _ => t["Dokument"],
    };
}
