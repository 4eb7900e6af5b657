using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
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
        public async Task<List<Row>> Handle(Query query, CancellationToken ct) =>
            Filter(await AllAsync(query.PartnershipId, query.AsOf, ct), query);

        /// <summary>The whole register as of the date, in register order (no filter).</summary>
        public async Task<List<Row>> AllAsync(int partnershipId, DateOnly asOf, CancellationToken ct)
        {
            var members = await db.Members.AsNoTracking()
                .WithStatus()
                .Where(m => m.PartnershipId == partnershipId && m.JoinedOn <= asOf)
                .ToListAsync(ct);

            return members
                .Select(m => new Row(
                    m.Orgnr,
                    m.Name,
                    m.Kind,
                    m.MunicipalityNumberOn(asOf),
                    m.JoinedOn,
                    m.StatusOn(asOf) ?? MembershipStatus.Member,
                    m.ExitOn(asOf)))
                // The county first, then municipalities in Norwegian alphabetical order (Æ, Ø, Å last).
                .OrderBy(r => r.Kind)
                .ThenBy(r => r.Name, Bokmal.Order)
                .ToList();
        }
    }

    private static readonly CompareInfo NorwegianCompare = CultureInfo.GetCultureInfo("nb-NO").CompareInfo;

    /// <summary>The query's search, kind and status filters on rows in register order (the order is kept).</summary>
    public static List<Row> Filter(List<Row> rows, Query query)
    {
        var search = query.Search?.Trim();
        if (string.IsNullOrEmpty(search) && query.Kind is null && query.Status is null)
        {
            return rows;
        }

        return rows
            .Where(r => query.Kind is null || r.Kind == query.Kind)
            .Where(r => query.Status is null || r.Status == query.Status)
            .Where(r => string.IsNullOrEmpty(search)
                || NorwegianCompare.IndexOf(r.Name, search, CompareOptions.IgnoreCase) >= 0
                || r.Orgnr.StartsWith(search.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal)
                || (r.MunicipalityNumber?.StartsWith(search, StringComparison.Ordinal) ?? false))
            .ToList();
    }
}
