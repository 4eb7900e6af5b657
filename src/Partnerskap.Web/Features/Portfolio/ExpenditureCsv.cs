using System.Globalization;
using nietras.SeparatedValues;
using Partnerskap.Domain.Common;

namespace Partnerskap.Web.Features.Portfolio;

/// <summary>
/// Expenditures exported from the host organisation's ledger: CSV with header <c>date,amount,description</c>
/// (',' or ';'; dates YYYY-MM-DD; amounts with '.' or, with ';' files, ',' as decimal mark). Read with Sep (ADR-005).
/// </summary>
public static class ExpenditureCsv
{
    public const string Header = "date,amount,description";

    public sealed record Row(int Line, DateOnly Date, decimal Amount, string Description);

    /// <summary>What is wrong with one line: <see cref="Field"/> is header, columns, date, amount, description or file; <see cref="Value"/> the text found.</summary>
    public sealed record Problem(int Line, string Field, string Value, string Message);

    /// <summary>Every row, or the list of problems (line numbers from 1 = the header); never both.</summary>
    public static (List<Row> Rows, List<string> Problems) Parse(string text)
    {
        var (rows, problems) = ParseDetailed(text);
        return (rows, problems.Select(p => p.Message).ToList());
    }

    /// <summary>As <see cref="Parse"/>, with each problem's line and field, so a page can show it in the user's language.</summary>
    public static (List<Row> Rows, List<Problem> Problems) ParseDetailed(string text)
    {
        var rows = new List<Row>();
        var problems = new List<Problem>();
        text = text.TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(text))
        {
            return (rows, [new Problem(0, "file", "", "The file is empty.")]);
        }

        var newline = text.IndexOfAny(['\r', '\n']);
        var first = (newline >= 0 ? text[..newline] : text).Trim();
        var separator = first.Contains(';', StringComparison.Ordinal) ? ';' : ',';
        var decimalComma = separator == ';';
        using var reader = Sep.Reader(o => o with
        {
            Sep = new Sep(separator),
            HasHeader = false,
            DisableColCountCheck = true,
            Unescape = true,
            Trim = SepTrim.All,
        }).FromText(text);
        var headerSeen = false;
        foreach (var r in reader)
        {
            var cols = new string[r.ColCount];
            for (var i = 0; i < cols.Length; i++)
            {
                cols[i] = r[i].ToString();
            }

            var line = r.RowIndex + 1;
            if (!headerSeen)
            {
                headerSeen = true;
                if (!string.Join(",", cols).Equals(Header, StringComparison.OrdinalIgnoreCase))
                {
                    return (rows, [new Problem(1, "header", first, $"Line 1 must be the header '{Header}' (or with ';'), not '{first}'.")]);
                }

                continue;
            }

            if (cols.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (cols.Length != 3)
            {
                problems.Add(new Problem(line, "columns", cols.Length.ToString(CultureInfo.InvariantCulture), $"Line {line}: expected 3 columns ({Header}), found {cols.Length}."));
                continue;
            }

            var ok = DateOnly.TryParseExact(cols[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
            if (!ok)
            {
                problems.Add(new Problem(line, "date", cols[0], $"Line {line}: '{cols[0]}' is not a date (YYYY-MM-DD)."));
            }

            var amountText = cols[1].Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal);
            if (decimalComma)
            {
                amountText = amountText.Replace(',', '.');
            }

            if (!decimal.TryParse(amountText, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
            {
                problems.Add(new Problem(line, "amount", cols[1], $"Line {line}: '{cols[1]}' is not a positive amount in NOK (no negatives)."));
                ok = false;
            }

            if (string.IsNullOrWhiteSpace(cols[2]))
            {
                problems.Add(new Problem(line, "description", "", $"Line {line}: the description is empty."));
                ok = false;
            }

            if (ok)
            {
                rows.Add(new Row(line, date, amount, cols[2]));
            }
        }

        if (problems.Count == 0 && rows.Count == 0)
        {
            problems.Add(new Problem(0, "file", "", "The file has a header but no expenditures."));
        }

        return problems.Count > 0 ? ([], problems) : (rows, problems);
    }
}
