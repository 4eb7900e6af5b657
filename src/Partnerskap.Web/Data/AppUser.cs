using Microsoft.AspNetCore.Identity;

namespace Partnerskap.Web.Data;

/// <summary>A person who logs in. Office staff, board members and member contacts (acting for one orgnr).</summary>
public sealed class AppUser : IdentityUser
{
    /// <summary>Full name shown in the UI and in the audit log.</summary>
    public string Name { get; set; } = "";

    /// <summary>For role <c>member-contact</c>: the organisation the person acts for.</summary>
    public string? Orgnr { get; set; }
}

/// <summary>The three roles (api.md "Authentication").</summary>
public static class Roles
{
    public const string Office = "office";
    public const string Board = "board";
    public const string MemberContact = "member-contact";

    public static readonly IReadOnlyList<string> All = [Office, Board, MemberContact];
}
