using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Features.Statistics;

/// <summary>
/// FIN-1: asks SSB (table 07459) for the population on 1 January of a year for every municipality number a member held
/// on that date, and imports the answer through <see cref="ImportPopulation"/>. Optional: the product works offline
/// from imported files.
/// </summary>
public static class FetchPopulationFromSsb
{
    public sealed record Command(int Year);

    /// <param name="Missing">Numbers asked for that SSB's answer did not contain.</param>
    public sealed record Result(int Year, int Imported, IReadOnlyList<string> Missing);

    public sealed class Handler(AppDbContext db, IStatisticsNorway ssb, ImportPopulation.Handler import, TimeProvider clock)
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            var (first, last) = await ImportPopulation.AllowedYearsAsync(db, clock, ct);
            if (c.Year < first || c.Year > last)
            {
                throw RuleViolation.Invalid("year", $"Population can be imported for {first}–{last} (1 January of the year), not {c.Year}.", "FIN-1");
            }

            var numbers = await NumbersOnAsync(new DateOnly(c.Year, 1, 1), ct);
            if (numbers.Count == 0)
            {
                throw RuleViolation.Invalid("year", $"No member had a municipality number on 1 January {c.Year}.", "FIN-1");
            }

            var json = await ssb.GetPopulationJsonStatAsync(c.Year, numbers, ct);
            var fetchedAt = clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
            var result = await import.Handle(
                new ImportPopulation.Command(c.Year, ImportPopulation.JsonStat, json, $"SSB PxWebApi v2 table 07459, fetched {fetchedAt}"), ct);
            var returned = PopulationParsers.ParseJsonStat(json, c.Year).Rows.Select(r => r.MunicipalityNumber).ToHashSet(StringComparer.Ordinal);
            return new Result(result.Year, result.Imported, numbers.Where(n => !returned.Contains(n)).ToList());
        }

        /// <summary>The municipality numbers valid on <paramref name="date"/> of every member that had not left by then, in order.</summary>
        private async Task<List<string>> NumbersOnAsync(DateOnly date, CancellationToken ct)
        {
            var members = await db.Members.AsNoTracking().Include(m => m.MunicipalityNumbers)
                .Where(m => m.CeasedOn == null || m.CeasedOn > date)
                .ToListAsync(ct);
            return members.Select(m => m.MunicipalityNumbers.FirstOrDefault(p => p.Covers(date))?.Number).OfType<string>()
                .Select(n => n.Trim()).Distinct().Order(StringComparer.Ordinal).ToList();
        }
    }
}
