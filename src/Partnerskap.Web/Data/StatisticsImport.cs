namespace Partnerskap.Web.Data;

/// <summary>A population or deflator import: what came in, from where, when and by whom.</summary>
public sealed class StatisticsImport
{
    public int Id { get; set; }

    /// <summary>"population" or "kommunal-deflator".</summary>
    public string Kind { get; set; } = "";

    public int? Year { get; set; }

    /// <summary>"csv", "json-stat2", "seed", "api" or "form" (entered on the statistics page).</summary>
    public string Format { get; set; } = "";

    public string Source { get; set; } = "";

    public DateTimeOffset ImportedAt { get; set; }

    public string ImportedBy { get; set; } = "";

    public int Rows { get; set; }
}
