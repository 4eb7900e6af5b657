using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Members;

namespace Partnerskap.Web.Features.Members;

/// <summary>Small query helpers: one place that knows what a member record consists of.</summary>
public static class MemberQueries
{
    /// <summary>Members with everything the as-of rules read: numbers, notices (MEM-3/MEM-5), contacts and roles.</summary>
    public static IQueryable<Member> WithRecord(this IQueryable<Member> members) => members
        .Include(m => m.MunicipalityNumbers)
        .Include(m => m.Notices)
        .Include(m => m.Contacts)
        .Include(m => m.Roles)
        .AsSplitQuery();

    public static Task<Member?> FindMemberAsync(this IQueryable<Member> members, int partnershipId, string orgnr, CancellationToken ct) =>
        members.WithRecord().SingleOrDefaultAsync(m => m.PartnershipId == partnershipId && m.Orgnr == orgnr, ct);
}
