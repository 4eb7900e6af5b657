namespace Partnerskap.Web.Features.Shared;

/// <summary>
/// A horizontal two-series bar chart, drawn server-side as SVG (no JavaScript). The page always shows the same numbers
/// in a table too: the chart is an image with a text alternative, the table is the accessible source.
/// </summary>
public sealed record BarChart(string Caption, string AltText, string SeriesA, string SeriesB, IReadOnlyList<BarChart.Bar> Bars)
{
    public sealed record Bar(string Label, decimal A, decimal B);

    public decimal Max => Bars.Count == 0 ? 1m : Math.Max(1m, Bars.Max(b => Math.Max(b.A, b.B)));

    public static string Width(decimal value, decimal max) =>
        ((double)(Math.Max(0m, value) / max) * 440).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
