using System.Security.Claims;
using Partnerskap.Web.Data;
using Partnerskap.Web.Infrastructure;

namespace Partnerskap.Web.Features.Members;

/// <summary>Who may change a member's contacts and details: the office, or a contact acting for that very organisation.</summary>
public static class MemberAccess
{
    public static bool CanEdit(ClaimsPrincipal user, string orgnr) =>
        user.IsOffice() || (user.IsInRole(Roles.MemberContact) && user.Orgnr() == orgnr);

    /// <summary>Contacts' e-mail addresses and phone numbers: the office and the member's own contacts only (personal data).</summary>
    public static bool CanSeePersonalData(ClaimsPrincipal user, string orgnr) => CanEdit(user, orgnr);
}
