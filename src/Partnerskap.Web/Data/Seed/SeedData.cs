using System.Globalization;
using nietras.SeparatedValues;
using Partnerskap.Domain.Members;
using Partnerskap.Domain.Partnerships;
using Partnerskap.Domain.Statistics;

namespace Partnerskap.Web.Data.Seed;

/// <summary>
/// DigiViken as shipped: the county and its 51 municipalities, the population and deflator statistics.
/// Read from the CSV files beside this class (copied from shared/data; sources in README.md here).
/// </summary>
public static class SeedData
{
    public const string DigiVikenSlug = "digiviken";

    /// <summary>PUR-6: the agreement took effect 1 January 2022. No per-member signing dates were published,
    /// so every founding member is seeded as joined on that date (MEM-2: the office can correct each one).</summary>
    public static readonly DateOnly AgreementInForce = new(2022, 1, 1);

    /// <summary>The 2020 municipality reform gave Viken its 30xx numbers; the 2024 split gave new ones.</summary>
    private static readonly DateOnly VikenNumbersFrom = new(2020, 1, 1);
    private static readonly DateOnly SplitOn = new(2024, 1, 1);

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Data", "Seed");

    public static Partnership DigiViken()
    {
        var partnership = new Partnership(DigiVikenSlug, "DigiViken", AgreementInForce);
        partnership.SetAgreementText(File.ReadAllText(Path.Combine(Folder, "partneravtale-digiviken.md")));
        partnership.SetHost("Viken fylkeskommune"); // ORG-5 default host
        return partnership;
    }

    public static List<Member> Members(int partnershipId)
    {
        var members = new List<Member>();
        foreach (var row in Rows("viken-municipalities.csv"))
        {
            var orgnr = OrganisationNumber.Parse(row["organisasjonsnummer"]);
            var number = row["kommunenummer"];
            if (number.Length == 2)
            {
                members.Add(new Member(partnershipId, orgnr, row["name"], MemberKind.County, AgreementInForce));
                continue;
            }

            var member = new Member(partnershipId, orgnr, row["name"], MemberKind.Municipality, AgreementInForce);
            member.AddMunicipalityNumber(MunicipalityNumber.Parse(number), VikenNumbersFrom, SplitOn.AddDays(-1));
            if (row["kommunenummer_from_2024"] is { Length: > 0 } newNumber)
            {
                member.AddMunicipalityNumber(MunicipalityNumber.Parse(newNumber), SplitOn);
            }

            members.Add(member);
        }

        return members;
    }

    /// <summary>
    /// Population on 1 January: 2020–2023 by the 30xx numbers (viken-population.csv), 2024–2025 by the new numbers
    /// (akershus-buskerud-ostfold-population.csv). The 2024 rows of the first file repeat the second under old numbers and are skipped.
    /// </summary>
    public static IEnumerable<(string File, List<PopulationFigure> Figures)> Population()
    {
        yield return ("viken-population.csv", Rows("viken-population.csv")
            .Where(r => Int(r, "year") < SplitOn.Year)
            .Select(r => new PopulationFigure(r["kommunenummer"], Int(r, "year"), Int(r, "population"), r["source"]))
            .ToList());
        yield return ("akershus-buskerud-ostfold-population.csv", Rows("akershus-buskerud-ostfold-population.csv")
            .Select(r => new PopulationFigure(r["kommunenummer"], Int(r, "year"), Int(r, "population"), r["source"]))
            .ToList());
    }

    public static List<DeflatorEstimate> Deflator() =>
        Rows("kommunal-deflator.csv")
            .Select(r => new DeflatorEstimate(
                Int(r, "budget_year"),
                ParseEstimate(r["estimate_type"]),
                Dec(r, "deflator_percent"),
                r["source"],
                r["which_budget"],
                string.IsNullOrWhiteSpace(r["note"]) ? null : r["note"]))
            .ToList();

    public static DeflatorEstimateKind ParseEstimate(string text) => text.Trim() switch
    {
        var t when t.StartsWith("budget", StringComparison.OrdinalIgnoreCase) => DeflatorEstimateKind.Budget,
        var t when t.StartsWith("revised", StringComparison.OrdinalIgnoreCase) => DeflatorEstimateKind.Revised,
        var t when t.StartsWith("re-estimate", StringComparison.OrdinalIgnoreCase) => DeflatorEstimateKind.Reestimate,
        var t when t.StartsWith("outcome", StringComparison.OrdinalIgnoreCase) => DeflatorEstimateKind.Outcome,
        _ => throw new FormatException($"Unknown deflator estimate type '{text}'."),
    };

    /// <summary>Reads a seed CSV (comma, header row, quoted fields) into rows of column name → text.</summary>
    private static IEnumerable<Dictionary<string, string>> Rows(string file)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(Path.Combine(Folder, file));
        var names = reader.Header.ColNames;
        foreach (var row in reader)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in names)
            {
                values[name] = row[name].ToString();
            }

            yield return values;
        }
    }

    private static int Int(Dictionary<string, string> row, string column) => int.Parse(row[column], CultureInfo.InvariantCulture);

    private static decimal Dec(Dictionary<string, string> row, string column) => decimal.Parse(row[column], CultureInfo.InvariantCulture);
}
