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

    /// <summary>
    /// Members with what the as-of rules read (MEM-3, MEM-5): municipality numbers and notices, in ONE query. Both
    /// collections are tiny (one or two rows per member), so the join costs nothing, while a split query builds its
    /// shaper delegates again on every execution (measured: dynamic methods and their finalizers were about a fifth of
    /// the app's CPU under the national load bench).
    /// </summary>
    public static IQueryable<Member> WithStatus(this IQueryable<Member> members) => members
        .Include(m => m.MunicipalityNumbers)
        .Include(m => m.Notices)
        .AsSingleQuery();

    public static Task<Member?> FindMemberAsync(this IQueryable<Member> members, int partnershipId, string orgnr, CancellationToken ct) =>
        members.WithRecord().SingleOrDefaultAsync(m => m.PartnershipId == partnershipId && m.Orgnr == orgnr, ct);
}
