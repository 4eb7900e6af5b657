using Microsoft.AspNetCore.Mvc;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Members;
using Partnerskap.Web.Features.Partnerships;

namespace Partnerskap.Web.Features.Members;

/// <summary>
/// Base for pages under /{slug}/members/{orgnr}/…: loads the partnership and the member as of today, answers 404 for an
/// unknown or malformed orgnr and, for pages that change the member, 403 unless the caller may edit it.
/// </summary>
public abstract class MemberPage(PartnershipAccess access, GetMember.Handler members, TimeProvider clock) : PartnershipPage(access)
{
    public GetMember.Details Member { get; private set; } = null!;

    protected DateOnly Today => PartnershipTime.Today(clock);

    protected async Task<IActionResult?> LoadMemberAsync(string slug, string orgnr, bool forEditing, CancellationToken ct)
    {
        if (await LoadAsync(slug, "members", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        if (!OrganisationNumber.TryParse(orgnr, out var number)
            || await members.Handle(new GetMember.Query(Partnership.Id, number.Value, Today), ct) is not { } member)
        {
            return NotFound();
        }

        if (forEditing && !MemberAccess.CanEdit(User, member.Orgnr))
        {
            return Forbid();
        }

        Member = member;
        return null;
    }
}
