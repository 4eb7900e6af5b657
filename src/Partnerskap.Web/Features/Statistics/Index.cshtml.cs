using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Members;
using Partnerskap.Domain.Statistics;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Members;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Statistics;

/// <summary>
/// Population per municipality for a year (FIN-1), the kommunal deflator (FIN-2) and the import log. The office imports
/// population files, fetches from SSB and sets deflator estimates here; a rejected file saves nothing and lists every bad row.
/// </summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class IndexModel(
    PartnershipAccess access,
    AppDbContext db,
    ImportPopulation.Handler importer,
    FetchPopulationFromSsb.Handler fetcher,
    SetDeflatorEstimate.Handler deflator,
    TimeProvider clock,
    Texts t) : PartnershipPage(access)
{
    public sealed record PopulationLine(string MunicipalityNumber, string? MemberName, int Population, string Source);

    public sealed record DeflatorLine(int Year, DeflatorEstimateKind Estimate, decimal Percent, string? Document, string Source);

    public sealed record ImportLine(DateTime ImportedAt, string Kind, int? Year, string Format, int Rows, string Source, string ImportedBy);

    public int Year { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public List<PopulationLine> Population { get; private set; } = [];

    public long Total => Population.Sum(p => (long)p.Population);

    public List<DeflatorLine> Deflator { get; private set; } = [];

    public List<ImportLine> Imports { get; private set; } = [];

    public (int First, int Last) ImportYears { get; private set; }

    public int DeflatorLastYear { get; private set; }

    /// <summary>Why the last file was rejected, row by row, in the page's language.</summary>
    public List<string> FileProblems { get; private set; } = [];

    public string? ImportYear { get; private set; }

    public string Format { get; private set; } = ImportPopulation.Csv;

    public string? Source { get; private set; }

    public string? DeflatorYear { get; private set; }

    public string Estimate { get; private set; } = "budget";

    public string? Percent { get; private set; }

    public string? DeflatorSource { get; private set; }

    public string? Document { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, int? year, CancellationToken ct)
    {
        if (await LoadAsync(slug, "statistics", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        await ReadAsync(year, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(string slug, string? importYear, string? format, IFormFile? file, string? source, CancellationToken ct)
    {
        if (await LoadOfficeAsync(slug, ct) is { } denied)
        {
            return denied;
        }

        (ImportYear, Format, Source) = (importYear, format ?? ImportPopulation.Csv, source);
        if (!int.TryParse(importYear, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            ModelState.AddModelError("importYear", t["Skriv året med fire sifre."]);
        }

        if (file is not { Length: > 0 })
        {
            ModelState.AddModelError("file", t["Velg filen du vil importere."]);
        }
        else if (file.Length > StatisticsApi.MaxImportBytes)
        {
            ModelState.AddModelError("file", t["Filen er for stor (høyst 5 MB)."]);
        }

        if (!ModelState.IsValid)
        {
            await ReadAsync(null, ct);
            return Page();
        }

        string content;
        using (var reader = new StreamReader(file!.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            content = await reader.ReadToEndAsync(ct);
        }

        var label = string.IsNullOrWhiteSpace(source) ? t.F("Fil {0} lastet opp på statistikksiden", Path.GetFileName(file.FileName)) : source;
        try
        {
            var result = await importer.Handle(new ImportPopulation.Command(year, Format, content, label), ct);
            TempData["Message"] = t.F("Importerte folketall for {0} kommuner per 1. januar {1}.", result.Imported, result.Year);
            return Redirect($"/{Partnership.Slug}/statistics?year={result.Year}");
        }
        catch (ImportRejected e)
        {
            FileProblems = e.Problems.Select(Describe).ToList();
            ModelState.AddModelError("file", t.F("Filen ble avvist, og ingenting er lagret: {0} feil.", FileProblems.Count));
        }
        catch (RuleViolation v)
        {
            AddImportError(v, year);
        }

        await ReadAsync(null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostFetchAsync(string slug, string? importYear, CancellationToken ct)
    {
        if (await LoadOfficeAsync(slug, ct) is { } denied)
        {
            return denied;
        }

        ImportYear = importYear;
        if (!int.TryParse(importYear, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            ModelState.AddModelError("importYear", t["Skriv året med fire sifre."]);
            await ReadAsync(null, ct);
            return Page();
        }

        try
        {
            var result = await fetcher.Handle(new FetchPopulationFromSsb.Command(year), ct);
            TempData["Message"] = result.Missing.Count == 0
                ? t.F("Hentet folketall for {0} kommuner per 1. januar {1} fra SSB.", result.Imported, result.Year)
                : t.F("Hentet folketall for {0} kommuner per 1. januar {1} fra SSB. SSB hadde ikke tall for {2}.", result.Imported, result.Year, string.Join(", ", result.Missing));
            return Redirect($"/{Partnership.Slug}/statistics?year={result.Year}");
        }
        catch (StatisticsNorwayUnavailableException)
        {
            ModelState.AddModelError("importYear", t["SSB kunne ikke svare nå. Prøv igjen senere, eller importer en fil."]);
        }
        catch (ImportRejected e)
        {
            FileProblems = e.Problems.Select(Describe).ToList();
            ModelState.AddModelError("importYear", t.F("Svaret fra SSB ble avvist, og ingenting er lagret: {0} feil.", FileProblems.Count));
        }
        catch (RuleViolation v)
        {
            AddImportError(v, year);
        }

        await ReadAsync(null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeflatorAsync(
        string slug, string? deflatorYear, string? estimate, string? percent, string? deflatorSource, string? document, CancellationToken ct)
    {
        if (await LoadOfficeAsync(slug, ct) is { } denied)
        {
            return denied;
        }

        (DeflatorYear, Estimate, Percent, DeflatorSource, Document) = (deflatorYear, estimate ?? "budget", percent, deflatorSource, document);
        var yearOk = int.TryParse(deflatorYear, NumberStyles.None, CultureInfo.InvariantCulture, out var year);
        if (!yearOk)
        {
            ModelState.AddModelError("deflatorYear", t["Skriv året med fire sifre."]);
        }

        decimal? value = null;
        if (!string.IsNullOrWhiteSpace(percent))
        {
            if (decimal.TryParse(percent.Trim().Replace(',', '.').Replace('\u2212', '-'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                    CultureInfo.InvariantCulture, out var parsed))
            {
                value = parsed;
            }
            else
            {
                ModelState.AddModelError("percent", t["Skriv deflatoren i prosent, for eksempel 2,5."]);
            }
        }

        if (ModelState.IsValid)
        {
            try
            {
                var result = await deflator.Handle(new SetDeflatorEstimate.Command(year, Estimate, value, deflatorSource, document, "form"), ct);
                TempData["Message"] = t.F("Kommunal deflator for {0} ({1}) er lagret: {2} %.", result.Year, EstimateName(t, Kind(result.Estimate)), FormatPercent(result.Percent));
                return Redirect($"/{Partnership.Slug}/statistics#deflator");
            }
            catch (ValidationFailed f)
            {
                foreach (var field in f.Errors.Keys)
                {
                    var (key, message) = field switch
                    {
                        "year" => ("deflatorYear", t.F("Året må være mellom {0} og {1}.", SetDeflatorEstimate.FirstYear, PartnershipTime.Today(clock).Year + 1)),
                        "estimate" => ("estimate", t["Velg hvilket anslag tallet er."]),
                        "percent" => ("percent", t["Skriv deflatoren i prosent, for eksempel 2,5."]),
                        "source" => ("deflatorSource", t["Oppgi kilden: budsjettdokumentet eller en lenke til det."]),
                        _ => ("document", t["Budsjettdokumentet kan ha høyst 300 tegn."]),
                    };
                    ModelState.AddModelError(key, message);
                }
            }
        }

        await ReadAsync(null, ct);
        return Page();
    }

    public static string EstimateName(Texts t, DeflatorEstimateKind kind) => kind switch
    {
        DeflatorEstimateKind.Budget => t["Statsbudsjettet (Prop. 1 S)"],
        DeflatorEstimateKind.Revised => t["Revidert nasjonalbudsjett"],
        DeflatorEstimateKind.Reestimate => t["Nytt anslag i neste års budsjett"],
        _ => t["Fasit"],
    };

    public static string FormatPercent(decimal percent) =>
        SetDeflatorEstimate.Normalise(percent).ToString("0.0##", CultureInfo.CurrentCulture);

    private static DeflatorEstimateKind Kind(string api) =>
        SetDeflatorEstimate.TryParseKind(api, out var kind) ? kind : DeflatorEstimateKind.Budget;

    private async Task<IActionResult?> LoadOfficeAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, "statistics", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        if (!User.IsOffice())
        {
            return Forbid();
        }

        ImportYears = await ImportPopulation.AllowedYearsAsync(db, clock, ct);
        return null;
    }

    private void AddImportError(RuleViolation v, int year)
    {
        if (v.Field == "format")
        {
            ModelState.AddModelError("format", t["Velg CSV eller JSON-stat."]);
        }
        else if (v.Field == "year" && v.Message.StartsWith("No member", StringComparison.Ordinal))
        {
            ModelState.AddModelError("importYear", t.F("Ingen medlemmer hadde kommunenummer 1. januar {0}.", year));
        }
        else
        {
            ModelState.AddModelError("importYear", t.F("Folketall kan importeres for årene {0}–{1} (FIN-1).", ImportYears.First, ImportYears.Last));
        }
    }

    /// <summary>One rejected row in bokmål (the API gives the English <see cref="ImportProblem.Message"/>).</summary>
    private string Describe(ImportProblem p)
    {
        var v = p.Values;
        string V(int i) => i < v.Count ? v[i] : "";
        var row = p.Row ?? 0;
        return p.Code switch
        {
            ImportProblemCodes.Empty => t["Filen er tom."],
            ImportProblemCodes.Header => t.F("Første linje må være overskriften municipalityNumber,population (med komma eller semikolon), ikke «{0}».", V(0)),
            ImportProblemCodes.NoRows => t["Filen har ingen rader med tall."],
            ImportProblemCodes.MissingColumns => t.F("Rad {0}: feil antall kolonner. Hver rad skal ha kommunenummer og folketall.", row),
            ImportProblemCodes.BadNumber => t.F("Rad {0}: «{1}» er ikke et kommunenummer (fire sifre, for eksempel 3201).", row, V(0)),
            ImportProblemCodes.NotANumber => t.F("Rad {0}: folketallet «{1}» er ikke et helt tall.", row, V(0)),
            ImportProblemCodes.Negative => t.F("Rad {0}: folketallet {1} er negativt eller for stort.", row, V(0)),
            ImportProblemCodes.Duplicate => t.F("Rad {0}: kommunenummer {1} står også i rad {2}.", row, V(0), V(1)),
            ImportProblemCodes.Json => t["Filen er ikke gyldig JSON."],
            ImportProblemCodes.Shape => t["Filen er ikke et JSON-stat 2.0-datasett slik SSB leverer det."],
            ImportProblemCodes.MissingDimension => t.F("Datasettet mangler dimensjonen {0}.", V(0)),
            ImportProblemCodes.YearMissing => t.F("Datasettet har ikke tall for {0} (årene i filen: {1}).", V(0), V(1)),
            ImportProblemCodes.ValueCount => t.F("Datasettet har {0} verdier, men dimensjonene gir {1}.", V(0), V(1)),
            ImportProblemCodes.NullValue => t.F("Rad {0}: region {1} mangler tall.", row, V(0)),
            ImportProblemCodes.Unknown => t.F("Rad {0}: kommunenummer {1} er ukjent. Det finnes verken hos noe medlem eller i befolkningstallene.", row, V(0)),
            _ => p.Row is null ? p.Message : t.F("Rad {0}: {1}", row, p.Message),
        };
    }

    private async Task ReadAsync(int? year, CancellationToken ct)
    {
        var today = PartnershipTime.Today(clock);
        ImportYears = await ImportPopulation.AllowedYearsAsync(db, clock, ct);
        DeflatorLastYear = today.Year + 1;
        Years = (await db.PopulationFigures.Select(p => p.Year).Distinct().ToListAsync(ct)).OrderDescending().ToList();
        Year = year ?? Years.Where(y => y <= today.Year).DefaultIfEmpty(Years.DefaultIfEmpty(today.Year).First()).First();
        ImportYear ??= today.Year.ToString(CultureInfo.InvariantCulture);
        DeflatorYear ??= (today.Year + 1).ToString(CultureInfo.InvariantCulture);

        var onFirstJanuary = new DateOnly(Year, 1, 1);
        var members = await db.Members.AsNoTracking().Include(m => m.MunicipalityNumbers)
            .Where(m => m.PartnershipId == Partnership.Id).ToListAsync(ct);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (member, period) in members.SelectMany(m => m.MunicipalityNumbers.Select(p => (m, p)))
                     .OrderByDescending(x => x.p.Covers(onFirstJanuary)))
        {
            names.TryAdd(period.Number.Trim(), member.Name);
        }

        var figures = await db.PopulationFigures.AsNoTracking().Where(p => p.Year == Year).ToListAsync(ct);
        var importIds = figures.Select(f => f.ImportId).OfType<int>().Distinct().ToList();
        var importSources = await db.StatisticsImports.AsNoTracking().Where(i => importIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Source, ct);

        // The import's source: the same for every row of a file and short (the seed's per-row provenance is long; it stays in the data).
        Population = figures
            .Select(f => new PopulationLine(
                f.MunicipalityNumber.Trim(),
                names.GetValueOrDefault(f.MunicipalityNumber.Trim()),
                f.Population,
                f.ImportId is { } id && importSources.TryGetValue(id, out var source) ? source : f.Source))
            .OrderBy(f => f.MunicipalityNumber, StringComparer.Ordinal)
            .ToList();

        Deflator = (await db.DeflatorEstimates.AsNoTracking().ToListAsync(ct))
            .OrderBy(d => d.Year).ThenBy(d => d.Estimate)
            .Select(d => new DeflatorLine(d.Year, d.Estimate, d.Percent, d.Document, d.Source))
            .ToList();

        Imports = (await db.StatisticsImports.AsNoTracking().ToListAsync(ct))
            .OrderByDescending(i => i.ImportedAt).ThenByDescending(i => i.Id)
            .Select(i => new ImportLine(TimeZoneInfo.ConvertTime(i.ImportedAt, PartnershipTime.Oslo).DateTime, i.Kind, i.Year, i.Format, i.Rows, i.Source, i.ImportedBy))
            .ToList();
    }
}
