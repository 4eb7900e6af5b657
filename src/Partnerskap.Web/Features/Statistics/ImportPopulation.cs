using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Members;
using Partnerskap.Domain.Statistics;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Features.Statistics;

/// <summary>
/// FIN-1: stores the population on 1 January of a year, per municipality, from a CSV or JSON-stat file. All or nothing:
/// any bad row rejects the whole import and every bad row is named.
/// </summary>
public static class ImportPopulation
{
    public const string Csv = "csv";
    public const string JsonStat = "json-stat2";

    /// <param name="Year">Population on 1 January of this year.</param>
    /// <param name="Format"><see cref="Csv"/> or <see cref="JsonStat"/>.</param>
    /// <param name="Content">The file's text.</param>
    /// <param name="Source">Where the file came from; stored with the import and every figure.</param>
    public sealed record Command(int Year, string Format, string Content, string Source);

    public sealed record Result(int Year, int Imported);

    /// <summary>
    /// Policy: statistics from two years before the earliest agreement are allowed (DigiViken's agreement is from 2022
    /// and the seed ships 2020–2021), and nothing later than next year.
    /// </summary>
    public const int YearsBeforeAgreement = 2;

    public sealed class Handler(AppDbContext db, AuditContext audit, TimeProvider clock)
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            var (first, last) = await AllowedYearsAsync(db, clock, ct);
            if (c.Year < first || c.Year > last)
            {
                throw RuleViolation.Invalid("year", $"Population can be imported for {first}–{last} (1 January of the year), not {c.Year}.", "FIN-1");
            }

            if (c.Format is not (Csv or JsonStat))
            {
                throw RuleViolation.Invalid("format", $"The format is '{Csv}' or '{JsonStat}', not '{c.Format}'.");
            }

            var (rows, problems) = c.Format == Csv  // both say "empty" for empty content
                ? PopulationParsers.ParseCsv(c.Content)
                : PopulationParsers.ParseJsonStat(c.Content, c.Year);
            var all = problems.ToList();
            if (rows.Count > 0)
            {
                var known = await KnownNumbersAsync(ct);
                all.AddRange(rows.Where(r => !known.Contains(r.MunicipalityNumber)).Select(r =>
                    new ImportProblem(r.Row, $"Unknown municipality number {r.MunicipalityNumber}: it is neither in any member's record nor in the population statistics.")
                    {
                        Code = ImportProblemCodes.Unknown,
                        Values = [r.MunicipalityNumber],
                    }));
            }

            if (all.Count > 0)
            {
                throw new ImportRejected(all.OrderBy(p => p.Row ?? 0).ToList());
            }

            var source = string.IsNullOrWhiteSpace(c.Source) ? $"{c.Format} import" : c.Source.Trim();
            source = source.Length > 1000 ? source[..1000] : source;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var import = new StatisticsImport
            {
                Kind = "population",
                Year = c.Year,
                Format = c.Format,
                Source = source,
                ImportedAt = clock.GetUtcNow(),
                ImportedBy = audit.CurrentActor,
                Rows = rows.Count,
            };
            db.StatisticsImports.Add(import);
            await db.SaveChangesAsync(ct);

            var existing = await db.PopulationFigures.Where(p => p.Year == c.Year).ToDictionaryAsync(p => p.MunicipalityNumber, ct);
            foreach (var row in rows)
            {
                if (existing.TryGetValue(row.MunicipalityNumber, out var figure))
                {
                    figure.Replace(row.Population, source, import.Id);
                }
                else
                {
                    figure = new PopulationFigure(row.MunicipalityNumber, c.Year, row.Population, source);
                    figure.SetImport(import.Id);
                    db.PopulationFigures.Add(figure);
                }
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new Result(c.Year, rows.Count);
        }

        /// <summary>Known: in any member's record (any period) or already in the population statistics.</summary>
        private async Task<HashSet<string>> KnownNumbersAsync(CancellationToken ct)
        {
            var fromMembers = await db.Set<MunicipalityNumberPeriod>().Select(p => p.Number).Distinct().ToListAsync(ct);
            var fromStatistics = await db.PopulationFigures.Select(p => p.MunicipalityNumber).Distinct().ToListAsync(ct);
            return fromMembers.Concat(fromStatistics).Select(n => n.Trim()).ToHashSet(StringComparer.Ordinal);
        }
    }

    /// <summary>The years population may be imported for: two years before the earliest agreement, to next year (Oslo).</summary>
    public static async Task<(int First, int Last)> AllowedYearsAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var agreements = await db.Partnerships.Select(p => p.AgreementInForceFrom).ToListAsync(ct);
        var thisYear = PartnershipTime.Today(clock).Year;
        var first = agreements.Count == 0 ? thisYear - YearsBeforeAgreement : agreements.Min().Year - YearsBeforeAgreement;
        return (first, thisYear + 1);
    }
}

/// <summary>An import refused as a whole; <see cref="Problems"/> names every bad row. Nothing was stored.</summary>
public sealed class ImportRejected(IReadOnlyList<ImportProblem> problems)
    : Exception($"The import was rejected; nothing was stored. {string.Join(" ", problems.Select(p => p.Row is { } r ? $"Row {r}: {p.Message}" : p.Message))}")
{
    public IReadOnlyList<ImportProblem> Problems { get; } = problems;

    /// <summary>problem+json <c>errors</c>: "row 3" → its messages; problems with the whole file under "content".</summary>
    public IDictionary<string, string[]> Errors() =>
        Problems.GroupBy(p => p.Row is { } r ? $"row {r}" : "content")
            .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
}
