using Partnerskap.Web.Features.Statistics;

namespace Partnerskap.Web.Tests.Statistics;

/// <summary>FIN-1's population files, parsed without a database: our CSV and SSB's JSON-stat 2.0 (table 07459).</summary>
public class PopulationParsersTests
{
    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Statistics", "Fixtures", name));

    [Fact]
    public void FIN_1_csv_with_the_header_gives_one_row_per_municipality()
    {
        var (rows, problems) = PopulationParsers.ParseCsv("municipalityNumber,population\n3101,31935\r\n3103,52051\n");

        Assert.Empty(problems);
        Assert.Equal([new PopulationRow(1, "3101", 31935), new PopulationRow(2, "3103", 52051)], rows);
    }

    [Fact]
    public void FIN_1_csv_accepts_semicolons_and_a_byte_order_mark()
    {
        var (rows, problems) = PopulationParsers.ParseCsv("\uFEFFmunicipalityNumber;population\n0301;717710\n");

        Assert.Empty(problems);
        Assert.Equal(new PopulationRow(1, "0301", 717710), Assert.Single(rows));
    }

    [Fact]
    public void FIN_1_csv_negative_population_names_the_row()
    {
        var (_, problems) = PopulationParsers.ParseCsv("municipalityNumber,population\n3101,31935\n3103,-5\n");

        var problem = Assert.Single(problems);
        Assert.Equal(2, problem.Row);
        Assert.Equal(ImportProblemCodes.Negative, problem.Code);
    }

    [Fact]
    public void FIN_1_csv_non_numeric_population_names_the_row()
    {
        var (_, problems) = PopulationParsers.ParseCsv("municipalityNumber,population\n3101,31 935\n3103,many\n3105,12.5\n");

        Assert.Equal([1, 2, 3], problems.Select(p => p.Row));
        Assert.All(problems, p => Assert.Equal(ImportProblemCodes.NotANumber, p.Code));
    }

    [Fact]
    public void FIN_1_csv_bad_municipality_number_names_the_row()
    {
        var (_, problems) = PopulationParsers.ParseCsv("municipalityNumber,population\n301,100\n30A1,100\n0000,100\n");

        Assert.Equal([1, 2, 3], problems.Select(p => p.Row));
        Assert.All(problems, p => Assert.Equal(ImportProblemCodes.BadNumber, p.Code));
    }

    [Fact]
    public void FIN_1_csv_duplicate_municipality_names_both_rows()
    {
        var (rows, problems) = PopulationParsers.ParseCsv("municipalityNumber,population\n3101,1\n3103,2\n3101,3\n");

        var problem = Assert.Single(problems);
        Assert.Equal(3, problem.Row);
        Assert.Equal(ImportProblemCodes.Duplicate, problem.Code);
        Assert.Contains("row 1", problem.Message, StringComparison.Ordinal);
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public void FIN_1_csv_missing_columns_names_the_row()
    {
        var (_, problems) = PopulationParsers.ParseCsv("municipalityNumber,population\n3101\n3103,\n");

        Assert.Equal([1, 2], problems.Select(p => p.Row));
        Assert.All(problems, p => Assert.Equal(ImportProblemCodes.MissingColumns, p.Code));
    }

    [Fact]
    public void FIN_1_csv_every_bad_row_is_listed_not_just_the_first()
    {
        var (_, problems) = PopulationParsers.ParseCsv("municipalityNumber,population\n3101,-1\n3103,x\n\n3105,5\n999,1\n");

        // The blank line is skipped but counted, so row N is still line N+1.
        Assert.Equal([1, 2, 5], problems.Select(p => p.Row));
    }

    [Theory]
    [InlineData("kommunenummer,folketall\n3101,1\n")]
    [InlineData("municipalityNumber,population,year\n3101,1,2026\n")]
    [InlineData("population,municipalityNumber\n1,3101\n")]
    public void FIN_1_csv_unknown_header_is_refused(string csv)
    {
        var (rows, problems) = PopulationParsers.ParseCsv(csv);

        Assert.Empty(rows);
        var problem = Assert.Single(problems);
        Assert.Null(problem.Row);
        Assert.Equal(ImportProblemCodes.Header, problem.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF  \n")]
    public void FIN_1_csv_empty_file_is_refused(string csv) =>
        Assert.Equal(ImportProblemCodes.Empty, Assert.Single(PopulationParsers.ParseCsv(csv).Problems).Code);

    [Fact]
    public void FIN_1_csv_header_only_is_refused() =>
        Assert.Equal(ImportProblemCodes.NoRows, Assert.Single(PopulationParsers.ParseCsv("municipalityNumber,population\n").Problems).Code);

    [Fact]
    public void FIN_1_json_stat_fixture_gives_the_three_viken_municipalities_for_2023()
    {
        var (rows, problems) = PopulationParsers.ParseJsonStat(Fixture("ssb-07459-viken-2023.json"), 2023);

        Assert.Empty(problems);
        Assert.Equal([new PopulationRow(1, "3001", 31730), new PopulationRow(2, "3002", 51240), new PopulationRow(3, "3003", 59038)], rows);
    }

    [Fact]
    public void FIN_1_json_stat_sums_over_sex_and_age_and_picks_the_year()
    {
        // Region × Kjonn × Alder × ContentsCode × Tid = 2 × 2 × 2 × 1 × 2; index given once as an array, once as an object.
        const string json = """
            {
              "version": "2.0", "class": "dataset",
              "id": ["Region", "Kjonn", "Alder", "ContentsCode", "Tid"],
              "size": [2, 2, 2, 1, 2],
              "dimension": {
                "Region": {"category": {"index": ["3001", "3002"]}},
                "Kjonn": {"category": {"index": {"1": 0, "2": 1}}},
                "Alder": {"category": {"index": {"000": 0, "001": 1}}},
                "ContentsCode": {"category": {"index": {"Personer1": 0}}},
                "Tid": {"category": {"index": {"2022": 0, "2023": 1}}}
              },
              "value": [
                1, 10,   2, 20,   3, 30,   4, 40,
                5, 50,   6, 60,   7, 70,   8, 80
              ]
            }
            """;

        Assert.Equal([new PopulationRow(1, "3001", 10 + 20 + 30 + 40), new PopulationRow(2, "3002", 50 + 60 + 70 + 80)],
            PopulationParsers.ParseJsonStat(json, 2023).Rows);
        Assert.Equal([new PopulationRow(1, "3001", 1 + 2 + 3 + 4), new PopulationRow(2, "3002", 5 + 6 + 7 + 8)],
            PopulationParsers.ParseJsonStat(json, 2022).Rows);
    }

    [Fact]
    public void FIN_1_json_stat_region_codes_with_K_prefix_become_four_digits()
    {
        var json = Dataset(regions: """{"K-3024": 0, "3025": 1}""", values: "[128982, 96088]");

        var (rows, problems) = PopulationParsers.ParseJsonStat(json, 2023);

        Assert.Empty(problems);
        Assert.Equal(["3024", "3025"], rows.Select(r => r.MunicipalityNumber));
    }

    [Fact]
    public void FIN_1_json_stat_without_a_region_dimension_is_refused()
    {
        const string json = """
            {"version": "2.0", "class": "dataset", "id": ["ContentsCode", "Tid"], "size": [1, 1],
             "dimension": {"ContentsCode": {"category": {"index": {"Personer1": 0}}}, "Tid": {"category": {"index": {"2023": 0}}}},
             "value": [5]}
            """;

        var problem = Assert.Single(PopulationParsers.ParseJsonStat(json, 2023).Problems);
        Assert.Equal(ImportProblemCodes.MissingDimension, problem.Code);
        Assert.Contains("Region", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FIN_1_json_stat_without_the_year_is_refused()
    {
        var problem = Assert.Single(PopulationParsers.ParseJsonStat(Fixture("ssb-07459-viken-2023.json"), 2024).Problems);
        Assert.Equal(ImportProblemCodes.YearMissing, problem.Code);
        Assert.Null(problem.Row);
    }

    [Fact]
    public void FIN_1_json_stat_with_the_wrong_number_of_values_is_refused()
    {
        var problem = Assert.Single(PopulationParsers.ParseJsonStat(Dataset("""{"3001": 0, "3002": 1}""", "[1, 2, 3]"), 2023).Problems);
        Assert.Equal(ImportProblemCodes.ValueCount, problem.Code);
    }

    [Fact]
    public void FIN_1_json_stat_null_values_name_the_region()
    {
        var (rows, problems) = PopulationParsers.ParseJsonStat(Dataset("""{"3001": 0, "3002": 1, "3003": 2}""", "[1, null, 3]"), 2023);

        var problem = Assert.Single(problems);
        Assert.Equal(2, problem.Row);
        Assert.Equal(ImportProblemCodes.NullValue, problem.Code);
        Assert.Contains("3002", problem.Message, StringComparison.Ordinal);
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public void FIN_1_json_stat_regions_that_are_not_municipalities_are_named()
    {
        var problem = Assert.Single(PopulationParsers.ParseJsonStat(Dataset("""{"3001": 0, "F-30": 1}""", "[1, 2]"), 2023).Problems);
        Assert.Equal(2, problem.Row);
        Assert.Equal(ImportProblemCodes.BadNumber, problem.Code);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1, 2]")]
    [InlineData("""{"id": ["Region"]}""")]
    public void FIN_1_json_stat_invalid_json_or_shape_is_refused(string json)
    {
        var problem = Assert.Single(PopulationParsers.ParseJsonStat(json, 2023).Problems);
        Assert.Null(problem.Row);
        Assert.Contains(problem.Code, new[] { ImportProblemCodes.Json, ImportProblemCodes.Shape });
    }

    private static string Dataset(string regions, string values) =>
        """{"version": "2.0", "class": "dataset", "id": ["Region", "ContentsCode", "Tid"], "size": [""" +
        regions.Count(c => c == ':') +
        """, 1, 1], "dimension": {"ContentsCode": {"category": {"index": {"Personer1": 0}}}, "Tid": {"category": {"index": {"2023": 0}}}, "Region": {"category": {"index": """ +
        regions + """}}}, "value": """ + values + "}";
}
