using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using nietras.SeparatedValues;
using Partnerskap.Domain.Members;

namespace Partnerskap.Web.Features.Statistics;

/// <summary>One municipality's population on 1 January, read from row <see cref="Row"/> of an import (1-based data row).</summary>
public sealed record PopulationRow(int Row, string MunicipalityNumber, int Population);

/// <summary>
/// Something wrong with an import: the row it is in (null when it concerns the whole file) and an English message for
/// the API. <see cref="Code"/> and <see cref="Values"/> let a page say the same in bokmål.
/// </summary>
public sealed record ImportProblem(int? Row, string Message)
{
    /// <summary>The kind of problem, e.g. "negative" or "duplicate" (see <see cref="ImportProblemCodes"/>).</summary>
    public string Code { get; init; } = "";

    /// <summary>The values the message names (the offending text, the other row, ...), in message order.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];
}

/// <summary>The codes <see cref="ImportProblem.Code"/> takes.</summary>
public static class ImportProblemCodes
{
    public const string Empty = "empty";
    public const string Header = "header";
    public const string NoRows = "no-rows";
    public const string MissingColumns = "missing-columns";
    public const string BadNumber = "bad-number";
    public const string NotANumber = "not-a-number";
    public const string Negative = "negative";
    public const string Duplicate = "duplicate";
    public const string Json = "json";
    public const string Shape = "shape";
    public const string MissingDimension = "missing-dimension";
    public const string YearMissing = "year-missing";
    public const string ValueCount = "value-count";
    public const string NullValue = "null-value";
    public const string Unknown = "unknown-municipality";
}

/// <summary>
/// FIN-1's population figures from a file, without touching the database: our CSV (<c>municipalityNumber,population</c>)
/// or Statistics Norway's JSON-stat 2.0 for table 07459 (external-apis.md §c). Every problem is collected, not just the
/// first, so the office can fix the whole file at once.
/// </summary>
public static partial class PopulationParsers
{
    public const string CsvHeader = "municipalityNumber,population";

    /// <summary>
    /// Header exactly <c>municipalityNumber,population</c> (or with <c>;</c>, as Norwegian spreadsheets save it); a leading
    /// BOM is ignored. Row N is the N-th line after the header (blank lines are skipped but counted, so N+1 is the line
    /// number in an editor).
    /// </summary>
    public static (IReadOnlyList<PopulationRow> Rows, IReadOnlyList<ImportProblem> Problems) ParseCsv(string text)
    {
        var rows = new List<PopulationRow>();
        var problems = new List<ImportProblem>();
        text = text.TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new ImportProblem(null, "The file is empty.") { Code = ImportProblemCodes.Empty });
            return (rows, problems);
        }

        var newline = text.IndexOfAny(['\r', '\n']);
        var firstLine = (newline >= 0 ? text[..newline] : text).Trim();
        var separator = firstLine.Contains(';', StringComparison.Ordinal) ? ';' : ',';
        using var reader = Sep.Reader(o => o with
        {
            Sep = new Sep(separator),
            HasHeader = false,
            DisableColCountCheck = true,
            Unescape = true,
            Trim = SepTrim.All,
        }).FromText(text);

        var firstRowSeen = false;
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in reader)
        {
            var cols = new string[r.ColCount];
            for (var i = 0; i < cols.Length; i++)
            {
                cols[i] = r[i].ToString();
            }

            if (!firstRowSeen)
            {
                firstRowSeen = true;
                if (cols.Length != 2 || cols[0] != "municipalityNumber" || cols[1] != "population")
                {
                    problems.Add(new ImportProblem(null, $"The first line must be the header '{CsvHeader}' (or with ';'), not '{firstLine}'.")
                    {
                        Code = ImportProblemCodes.Header,
                        Values = [firstLine],
                    });
                    return (rows, problems);
                }

                continue;
            }

            if (cols.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var row = r.RowIndex; // the header is row 0
            if (cols.Length < 2 || string.IsNullOrWhiteSpace(cols[1]))
            {
                problems.Add(new ImportProblem(row, "Missing columns: each row needs a municipality number and a population.") { Code = ImportProblemCodes.MissingColumns });
                continue;
            }

            if (cols.Length > 2 && cols.Skip(2).Any(c => c.Length > 0))
            {
                problems.Add(new ImportProblem(row, string.Create(CultureInfo.InvariantCulture, $"Too many columns: expected 2 ({CsvHeader}), found {cols.Length}.")) { Code = ImportProblemCodes.MissingColumns });
                continue;
            }

            var ok = true;
            if (!MunicipalityNumber.TryParse(cols[0], out var number))
            {
                problems.Add(BadNumber(row, cols[0]));
                ok = false;
            }

            if (!TryPopulation(row, cols[1], out var population, out var problem))
            {
                problems.Add(problem!);
                ok = false;
            }

            if (!ok)
            {
                continue;
            }

            if (firstRowOf.TryGetValue(number.Value, out var earlier))
            {
                problems.Add(Duplicate(row, number.Value, earlier));
                continue;
            }

            firstRowOf[number.Value] = row;
            rows.Add(new PopulationRow(row, number.Value, population));
        }

        if (rows.Count == 0 && problems.Count == 0)
        {
            problems.Add(new ImportProblem(null, "The file has a header but no data rows.") { Code = ImportProblemCodes.NoRows });
        }

        return (rows, problems);
    }

    /// <summary>
    /// A JSON-stat 2.0 dataset as SSB's PxWebApi returns for table 07459. Takes the <c>Tid</c> category equal to
    /// <paramref name="year"/> and, per <c>Region</c>, sums every other dimension (Kjonn, Alder, ContentsCode, ...).
    /// Region codes "3024" and "K-3024" both become "3024". Row N is the N-th region in the dataset's order.
    /// </summary>
    public static (IReadOnlyList<PopulationRow> Rows, IReadOnlyList<ImportProblem> Problems) ParseJsonStat(string json, int year)
    {
        var rows = new List<PopulationRow>();
        var problems = new List<ImportProblem>();
        if (string.IsNullOrWhiteSpace(json))
        {
            problems.Add(new ImportProblem(null, "The file is empty.") { Code = ImportProblemCodes.Empty });
            return (rows, problems);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.TrimStart('\uFEFF'));
        }
        catch (JsonException e)
        {
            problems.Add(new ImportProblem(null, $"Not valid JSON: {e.Message}") { Code = ImportProblemCodes.Json, Values = [e.Message] });
            return (rows, problems);
        }

        using (document)
        {
            if (!TryReadDataset(document.RootElement, problems, out var dataset))
            {
                return (rows, problems);
            }

            var region = dataset.Ids.FindIndex(id => id.Equals("Region", StringComparison.OrdinalIgnoreCase));
            var time = dataset.Ids.FindIndex(id => id.Equals("Tid", StringComparison.OrdinalIgnoreCase));
            foreach (var (index, name) in new[] { (region, "Region"), (time, "Tid") })
            {
                if (index < 0)
                {
                    problems.Add(new ImportProblem(null, $"The dataset has no '{name}' dimension (dimensions: {string.Join(", ", dataset.Ids)}).")
                    {
                        Code = ImportProblemCodes.MissingDimension,
                        Values = [name],
                    });
                }
            }

            if (problems.Count > 0)
            {
                return (rows, problems);
            }

            var yearCode = year.ToString(CultureInfo.InvariantCulture);
            var yearPosition = dataset.Categories[time].IndexOf(yearCode);
            if (yearPosition < 0)
            {
                problems.Add(new ImportProblem(null, $"The dataset has no figures for {yearCode} (Tid: {string.Join(", ", dataset.Categories[time])}).")
                {
                    Code = ImportProblemCodes.YearMissing,
                    Values = [yearCode, string.Join(", ", dataset.Categories[time])],
                });
                return (rows, problems);
            }

            // Row-major: the last dimension varies fastest; stride of dimension i = product of the sizes after it.
            var strides = new long[dataset.Sizes.Length];
            long stride = 1;
            for (var i = dataset.Sizes.Length - 1; i >= 0; i--)
            {
                strides[i] = stride;
                stride *= dataset.Sizes[i];
            }

            var others = Enumerable.Range(0, dataset.Sizes.Length).Where(i => i != region && i != time).ToArray();
            var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var r = 0; r < dataset.Sizes[region]; r++)
            {
                var row = r + 1;
                var code = dataset.Categories[region][r];
                var (sum, nulls, bad) = SumCells(dataset, strides, others, r * strides[region] + yearPosition * strides[time]);
                var number = NormaliseRegion(code);
                if (number is null)
                {
                    problems.Add(BadNumber(row, code));
                    continue;
                }

                if (nulls > 0)
                {
                    problems.Add(new ImportProblem(row, string.Create(CultureInfo.InvariantCulture, $"Region {code}: {nulls} value(s) for {year} are missing (null)."))
                    {
                        Code = ImportProblemCodes.NullValue,
                        Values = [code],
                    });
                    continue;
                }

                if (bad is not null)
                {
                    problems.Add(new ImportProblem(row, $"Region {code}: '{bad}' is not a whole number of inhabitants.")
                    {
                        Code = ImportProblemCodes.NotANumber,
                        Values = [bad],
                    });
                    continue;
                }

                if (sum < 0 || sum > int.MaxValue)
                {
                    problems.Add(new ImportProblem(row, $"Region {code}: the population {sum.ToString(CultureInfo.InvariantCulture)} is negative or too large.")
                    {
                        Code = ImportProblemCodes.Negative,
                        Values = [sum.ToString(CultureInfo.InvariantCulture)],
                    });
                    continue;
                }

                if (firstRowOf.TryGetValue(number, out var earlier))
                {
                    problems.Add(Duplicate(row, number, earlier));
                    continue;
                }

                firstRowOf[number] = row;
                rows.Add(new PopulationRow(row, number, (int)sum));
            }

            if (rows.Count == 0 && problems.Count == 0)
            {
                problems.Add(new ImportProblem(null, "The dataset has no regions.") { Code = ImportProblemCodes.NoRows });
            }
        }

        return (rows, problems);
    }

    /// <summary>"3024" or "K-3024" (SSB's code lists for municipalities) → "3024"; anything else → null.</summary>
    public static string? NormaliseRegion(string code)
    {
        var match = RegionCode().Match(code.Trim());
        return match.Success && MunicipalityNumber.TryParse(match.Groups[1].Value, out var number) ? number.Value : null;
    }

    private static (long Sum, int Nulls, string? Bad) SumCells(Dataset dataset, long[] strides, int[] others, long baseIndex)
    {
        long sum = 0;
        var nulls = 0;
        string? bad = null;
        var counters = new int[others.Length];
        while (true)
        {
            var index = baseIndex;
            for (var k = 0; k < others.Length; k++)
            {
                index += counters[k] * strides[others[k]];
            }

            switch (dataset.Value(index))
            {
                case null:
                    nulls++;
                    break;
                case { } v when v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n):
                    sum = checked(sum + n);
                    break;
                case { } v:
                    bad ??= v.GetRawText();
                    break;
            }

            // Odometer over the summed dimensions.
            var d = others.Length - 1;
            while (d >= 0 && ++counters[d] == dataset.Sizes[others[d]])
            {
                counters[d] = 0;
                d--;
            }

            if (d < 0)
            {
                return (sum, nulls, bad);
            }
        }
    }

    private static bool TryReadDataset(JsonElement root, List<ImportProblem> problems, out Dataset dataset)
    {
        dataset = null!;
        ImportProblem Shape(string message) => new(null, $"Not a JSON-stat 2.0 dataset: {message}") { Code = ImportProblemCodes.Shape, Values = [message] };

        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add(Shape("the top level must be an object."));
            return false;
        }

        if (!root.TryGetProperty("id", out var idElement) || idElement.ValueKind != JsonValueKind.Array
            || idElement.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            problems.Add(Shape("'id' must be an array of dimension names."));
            return false;
        }

        var ids = idElement.EnumerateArray().Select(e => e.GetString()!).ToList();
        if (!root.TryGetProperty("size", out var sizeElement) || sizeElement.ValueKind != JsonValueKind.Array
            || sizeElement.GetArrayLength() != ids.Count
            || sizeElement.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out var n) || n < 0))
        {
            problems.Add(Shape("'size' must be an array of counts, one per dimension in 'id'."));
            return false;
        }

        var sizes = sizeElement.EnumerateArray().Select(e => e.GetInt32()).ToArray();
        if (!root.TryGetProperty("dimension", out var dimensions) || dimensions.ValueKind != JsonValueKind.Object)
        {
            problems.Add(Shape("'dimension' is missing."));
            return false;
        }

        var categories = new List<List<string>>();
        for (var i = 0; i < ids.Count; i++)
        {
            if (!dimensions.TryGetProperty(ids[i], out var dimension) || !TryCategories(dimension, out var codes))
            {
                // Only Region and Tid need their codes; other dimensions are summed whatever they are called.
                codes = [];
            }

            if (codes.Count != sizes[i] && (ids[i].Equals("Region", StringComparison.OrdinalIgnoreCase) || ids[i].Equals("Tid", StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add(Shape($"dimension '{ids[i]}' lists {codes.Count} categories but 'size' says {sizes[i]}."));
                return false;
            }

            categories.Add(codes);
        }

        long expected = 1;
        foreach (var size in sizes)
        {
            expected *= size;
        }

        if (!root.TryGetProperty("value", out var values) || values.ValueKind is not (JsonValueKind.Array or JsonValueKind.Object))
        {
            problems.Add(Shape("'value' is missing."));
            return false;
        }

        if (values.ValueKind == JsonValueKind.Array && values.GetArrayLength() != expected)
        {
            problems.Add(new ImportProblem(null, string.Create(CultureInfo.InvariantCulture, $"'value' has {values.GetArrayLength()} entries, but the sizes ({string.Join(" × ", sizes)}) make {expected}."))
            {
                Code = ImportProblemCodes.ValueCount,
                Values = [values.GetArrayLength().ToString(CultureInfo.InvariantCulture), expected.ToString(CultureInfo.InvariantCulture)],
            });
            return false;
        }

        dataset = new Dataset(ids, sizes, categories, values.Clone());
        return true;
    }

    /// <summary><c>category.index</c> as an object (code → position) or an array of codes; a lone label when a dimension has one category.</summary>
    private static bool TryCategories(JsonElement dimension, out List<string> codes)
    {
        codes = [];
        if (!dimension.TryGetProperty("category", out var category) || category.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (category.TryGetProperty("index", out var index))
        {
            if (index.ValueKind == JsonValueKind.Array)
            {
                codes = index.EnumerateArray().Select(e => e.ToString()).ToList();
                return true;
            }

            if (index.ValueKind == JsonValueKind.Object)
            {
                var pairs = index.EnumerateObject()
                    .Select(p => (Code: p.Name, Position: p.Value.TryGetInt32(out var n) ? n : -1))
                    .ToList();
                if (pairs.Any(p => p.Position < 0 || p.Position >= pairs.Count) || pairs.Select(p => p.Position).Distinct().Count() != pairs.Count)
                {
                    return false;
                }

                codes = pairs.OrderBy(p => p.Position).Select(p => p.Code).ToList();
                return true;
            }

            return false;
        }

        // JSON-stat allows leaving out the index for a dimension with a single category.
        if (category.TryGetProperty("label", out var label) && label.ValueKind == JsonValueKind.Object)
        {
            codes = label.EnumerateObject().Select(p => p.Name).ToList();
            return codes.Count == 1;
        }

        return false;
    }

    private static bool TryPopulation(int row, string text, out int population, out ImportProblem? problem)
    {
        problem = null;
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            population = 0;
            problem = new ImportProblem(row, $"The population '{text}' is not a whole number.") { Code = ImportProblemCodes.NotANumber, Values = [text] };
            return false;
        }

        if (value < 0 || value > int.MaxValue)
        {
            population = 0;
            problem = new ImportProblem(row, $"The population {text} is negative or too large.") { Code = ImportProblemCodes.Negative, Values = [text] };
            return false;
        }

        population = (int)value;
        return true;
    }

    private static ImportProblem BadNumber(int row, string text) =>
        new(row, $"'{text}' is not a municipality number (four digits, e.g. 3024; SSB's 'K-3024' is accepted).")
        {
            Code = ImportProblemCodes.BadNumber,
            Values = [text],
        };

    private static ImportProblem Duplicate(int row, string number, int earlier) =>
        new(row, string.Create(CultureInfo.InvariantCulture, $"Municipality {number} is also in row {earlier}."))
        {
            Code = ImportProblemCodes.Duplicate,
            Values = [number, earlier.ToString(CultureInfo.InvariantCulture)],
        };

    [GeneratedRegex("^(?:K-)?([0-9]{4})$")]
    private static partial Regex RegionCode();

    private sealed record Dataset(List<string> Ids, int[] Sizes, List<List<string>> Categories, JsonElement Values)
    {
        /// <summary>The cell at a flat index: a number, another JSON value, or null (JSON null or absent from a sparse object).</summary>
        public JsonElement? Value(long index)
        {
            if (Values.ValueKind == JsonValueKind.Array)
            {
                var v = Values[(int)index];
                return v.ValueKind == JsonValueKind.Null ? null : v;
            }

            return Values.TryGetProperty(index.ToString(CultureInfo.InvariantCulture), out var cell) && cell.ValueKind != JsonValueKind.Null ? cell : null;
        }
    }
}
