namespace Partnerskap.Domain.Members;

/// <summary>What kind of organisation a member is (MEM-1). The county pays FIN-2, municipalities FIN-1.</summary>
public enum MemberKind
{
    County,
    Municipality,
    Other,
}

/// <summary>A member's standing on a given date (MEM-3, MEM-5).</summary>
public enum MembershipStatus
{
    /// <summary>Joined, no notice of resignation in force: full rights and duties.</summary>
    Member,

    /// <summary>Written notice received; still a member with rights and duties until the exit date.</summary>
    NoticeGiven,

    /// <summary>On or after the exit date: free of the agreement's rights and duties (MEM-5).</summary>
    Exited,
}

/// <summary>The names the API and the pages use for the enums (one name per concept, see glossary).</summary>
public static class MemberNames
{
    public static string ToApi(this MemberKind kind) => kind switch
    {
        MemberKind.County => "county",
        MemberKind.Municipality => "municipality",
        _ => "other",
    };

    public static bool TryParseKind(string? value, out MemberKind kind)
    {
        kind = value switch
        {
            "county" => MemberKind.County,
            "municipality" => MemberKind.Municipality,
            "other" => MemberKind.Other,
            _ => (MemberKind)(-1),
        };
        return Enum.IsDefined(kind);
    }

    public static string ToApi(this MembershipStatus status) => status switch
    {
        MembershipStatus.Member => "member",
        MembershipStatus.NoticeGiven => "notice-given",
        _ => "exited",
    };
}
