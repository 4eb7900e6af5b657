using Microsoft.EntityFrameworkCore;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Features.Board;

/// <summary>
/// Gap-free number series (case numbers, decision numbers, ...) per partnership, series and year. Call
/// <see cref="NextAsync"/> inside a transaction: the counter row stays locked until the caller commits (a row lock on
/// PostgreSQL, the write lock on SQLite), so concurrent callers get consecutive numbers and a rollback leaves no gap.
/// </summary>
public static class NumberSeries
{
    public const string Cases = "cases";
    public const string Decisions = "decisions";

    public static async Task<int> NextAsync(AppDbContext db, int partnershipId, string series, int year, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Take numbers inside a transaction, so that a rollback leaves no gap.");
        }

        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO \"NumberCounters\" (\"PartnershipId\", \"Series\", \"Year\", \"Next\") VALUES ({partnershipId}, {series}, {year}, 1) ON CONFLICT DO NOTHING", ct);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE \"NumberCounters\" SET \"Next\" = \"Next\" + 1 WHERE \"PartnershipId\" = {partnershipId} AND \"Series\" = {series} AND \"Year\" = {year}", ct);
        var next = await db.NumberCounters.AsNoTracking()
            .Where(c => c.PartnershipId == partnershipId && c.Series == series && c.Year == year)
            .Select(c => c.Next).SingleAsync(ct);
        return next - 1;
    }
}
