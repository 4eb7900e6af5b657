namespace Partnerskap.Domain.Statistics;

/// <summary>
/// Registered inhabitants (folkeregistrerte innbyggere) of one municipality on 1 January of <see cref="Year"/>,
/// from Statistics Norway table 07459 (FIN-1). Keyed by the municipality number as it was in that year.
/// </summary>
public sealed class PopulationFigure
{
    private PopulationFigure()
    {
        MunicipalityNumber = "";
        Source = "";
    }

    public PopulationFigure(string municipalityNumber, int year, int population, string source)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(population);
        MunicipalityNumber = municipalityNumber;
        Year = year;
        Population = population;
        Source = source;
    }

    public int Id { get; private set; }

    public string MunicipalityNumber { get; private set; }

    /// <summary>The reference date is 1 January of this year.</summary>
    public int Year { get; private set; }

    public int Population { get; private set; }

    /// <summary>Where the figure came from (table, file, commit or API call).</summary>
    public string Source { get; private set; }

    /// <summary>The import that stored it.</summary>
    public int? ImportId { get; private set; }

    public void SetImport(int importId) => ImportId = importId;

    /// <summary>A later import of the same year and municipality replaces the figure and says where the new one came from.</summary>
    public void Replace(int population, string source, int importId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(population);
        Population = population;
        Source = source;
        ImportId = importId;
    }
}

/// <summary>Which published estimate of the kommunal deflator a figure is (FIN-2 keeps them all).</summary>
public enum DeflatorEstimateKind
{
    /// <summary>The original state budget (Prop. 1 S); the default for indexing (FIN-2 policy).</summary>
    Budget,

    /// <summary>The revised national budget in the same year.</summary>
    Revised,

    /// <summary>A re-estimate in the following year's budget.</summary>
    Reestimate,

    /// <summary>The outcome (fasit).</summary>
    Outcome,
}

/// <summary>The kommunal deflator for one year, one estimate, with the document and source it was read from (FIN-2).</summary>
public sealed class DeflatorEstimate
{
    private DeflatorEstimate() => Source = "";

    public DeflatorEstimate(int year, DeflatorEstimateKind estimate, decimal percent, string source, string? document = null, string? note = null)
    {
        Year = year;
        Estimate = estimate;
        Percent = percent;
        Source = source;
        Document = document;
        Note = note;
    }

    public int Id { get; private set; }

    public int Year { get; private set; }

    public DeflatorEstimateKind Estimate { get; private set; }

    /// <summary>Growth in percent, e.g. 2.5 for 2.5 %.</summary>
    public decimal Percent { get; private set; }

    /// <summary>The budget document that published it (e.g. "Prop. 1 S (2021–2022)").</summary>
    public string? Document { get; private set; }

    public string Source { get; private set; }

    public string? Note { get; private set; }

    public void Replace(decimal percent, string source, string? document, string? note)
    {
        Percent = percent;
        Source = source;
        Document = document;
        Note = note;
    }

    public static string ToApi(DeflatorEstimateKind kind) => kind switch
    {
        DeflatorEstimateKind.Budget => "budget",
        DeflatorEstimateKind.Revised => "revised",
        DeflatorEstimateKind.Reestimate => "re-estimate",
        _ => "outcome",
    };
}
