using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Members;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Features.Members;

/// <summary>The member register of a partnership as it stood on a date (MEM-2, MEM-5).</summary>
public static class ListMembers
{
    /// <param name="PartnershipId">The partnership.</param>
    /// <param name="AsOf">Register as of this Oslo date: organisations that had joined by then, with their status then.</param>
    /// <param name="Search">Part of the name, or the start of the orgnr or municipality number.</param>
    public sealed record Query(int PartnershipId, DateOnly AsOf, string? Search = null, MemberKind? Kind = null, MembershipStatus? Status = null);

    public sealed record Row(
        string Orgnr,
        string Name,
        MemberKind Kind,
        string? MunicipalityNumber,
        DateOnly JoinedOn,
        MembershipStatus Status,
        DateOnly? ExitEffectiveOn);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<List<Row>> Handle(Query query, CancellationToken ct)
        {
            var members = await db.Members.AsNoTracking()
                .Include(m => m.MunicipalityNumbers)
                .Include(m => m.Notices)
                .AsSplitQuery()
                .Where(m => m.PartnershipId == query.PartnershipId && m.JoinedOn <= query.AsOf)
                .ToListAsync(ct);

            var compare = CultureInfo.GetCultureInfo("nb-NO").CompareInfo;
            var search = query.Search?.Trim();
            return members
                .Select(m => new Row(
                    m.Orgnr,
                    m.Name,
                    m.Kind,
                    m.MunicipalityNumberOn(query.AsOf),
                    m.JoinedOn,
                    m.StatusOn(query.AsOf) ?? MembershipStatus.Member,
                    m.ExitOn(query.AsOf)))
                .Where(r => query.Kind is null || r.Kind == query.Kind)
                .Where(r => query.Status is null || r.Status == query.Status)
                .Where(r => string.IsNullOrEmpty(search)
                    || compare.IndexOf(r.Name, search, CompareOptions.IgnoreCase) >= 0
                    || r.Orgnr.StartsWith(search.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal)
                    || (r.MunicipalityNumber?.StartsWith(search, StringComparison.Ordinal) ?? false))
                // The county first, then municipalities in Norwegian alphabetical order (Æ, Ø, Å last).
                .OrderBy(r => r.Kind)
                .ThenBy(r => r.Name, StringComparer.Create(CultureInfo.GetCultureInfo("nb-NO"), ignoreCase: true))
                .ToList();
        }
    }
}
