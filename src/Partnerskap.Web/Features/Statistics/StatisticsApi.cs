using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Partnerskap.Domain.Statistics;
using Partnerskap.Web.Data;
using Partnerskap.Web.Infrastructure;

namespace Partnerskap.Web.Features.Statistics;

/// <summary>Population (FIN-1) and kommunal deflator (FIN-2) statistics: api.md "Partnerships and statistics".</summary>
public static class StatisticsApi
{
    /// <summary>Largest population file accepted (a whole country's municipalities is far below this).</summary>
    public const long MaxImportBytes = 5 * 1024 * 1024;

    public sealed record PopulationDto(string MunicipalityNumber, int Population);

    public sealed record ImportResultDto(int Year, int Imported);

    public sealed record FetchResultDto(int Year, int Imported, IReadOnlyList<string> Missing);

    public sealed record DeflatorBody(decimal? Percent, string? Source, string? Estimate, string? Document);

    public sealed record DeflatorDto(int Year, string Estimate, decimal Percent, string Source);

    public sealed record ImportDto(int Id, string Kind, int? Year, string Format, string Source, DateTimeOffset ImportedAt, string ImportedBy, int Rows);

    public static IServiceCollection AddStatistics(this IServiceCollection services)
    {
        services.AddOptions<SsbOptions>().BindConfiguration(SsbOptions.Section);
        services.AddHttpClient<SsbPxWebClient>(http =>
        {
            http.BaseAddress = SsbPxWebClient.DefaultBaseAddress;
            http.Timeout = SsbPxWebClient.DefaultTimeout;
            http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        });
        services.AddTransient<IStatisticsNorway>(sp =>
            sp.GetRequiredService<IOptions<SsbOptions>>().Value.IsOffline
                ? new OfflineStatisticsNorway()
                : sp.GetRequiredService<SsbPxWebClient>());
        return services
            .AddScoped<ImportPopulation.Handler>()
            .AddScoped<FetchPopulationFromSsb.Handler>()
            .AddScoped<SetDeflatorEstimate.Handler>();
    }

    public static IEndpointRouteBuilder MapStatisticsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/statistics").WithTags("Statistics")
            .RequireAuthorization(Policies.LoggedIn).AddEndpointFilter<RuleViolationFilter>();
        group.MapGet("/population/{year:int}", GetPopulation)
            .WithSummary("Population on 1 January of the year, per municipality (SSB table 07459, FIN-1)");
        group.MapPut("/population/{year:int}", PutPopulation).RequireAuthorization(Policies.Office)
            .Accepts<string>("text/csv", "application/json")
            .WithSummary("Import the population on 1 January of the year (FIN-1, office)")
            .WithDescription("Body: text/csv with header municipalityNumber,population (',' or ';'), or application/json as SSB's " +
                             "PxWebApi returns JSON-stat 2.0 for table 07459. Optional ?source= names where the file came from. " +
                             "Any bad row → 400 naming every bad row under errors (\"row 3\"); nothing is stored.");
        group.MapPost("/population/{year:int}/fetch-from-ssb", FetchFromSsb).RequireAuthorization(Policies.Office)
            .WithSummary("Fetch the population from SSB's PxWebApi for every member's municipality number and import it (FIN-1, office)");
        group.MapGet("/kommunal-deflator", GetDeflator)
            .WithSummary("Every published estimate of the kommunal deflator (FIN-2)");
        group.MapPut("/kommunal-deflator/{year:int}", PutDeflator).RequireAuthorization(Policies.Office)
            .WithSummary("Set one estimate of the kommunal deflator for a year, replacing that kind's figure (FIN-2, office)");
        group.MapGet("/imports", ListImports).RequireAuthorization(Policies.Office)
            .WithSummary("Statistics imports: what came in, from where, when and by whom (office)");
        return api;
    }

    private static async Task<Ok<List<PopulationDto>>> GetPopulation(int year, AppDbContext db, CancellationToken ct)
    {
        var figures = await db.PopulationFigures.AsNoTracking().Where(p => p.Year == year)
            .Select(p => new { p.MunicipalityNumber, p.Population }).ToListAsync(ct);
        return TypedResults.Ok(figures
            .Select(f => new PopulationDto(f.MunicipalityNumber.Trim(), f.Population))
            .OrderBy(f => f.MunicipalityNumber, StringComparer.Ordinal)
            .ToList());
    }

    private static async Task<Results<Ok<ImportResultDto>, ProblemHttpResult>> PutPopulation(
        int year, string? source, HttpRequest request, ImportPopulation.Handler handler, CancellationToken ct)
    {
        var format = FormatOf(request.ContentType);
        if (format is null)
        {
            return Problems.Rule(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"Send text/csv (header {PopulationParsers.CsvHeader}) or application/json (JSON-stat 2.0), not '{request.ContentType}'.");
        }

        if (request.ContentLength > MaxImportBytes)
        {
            return Problems.Rule(StatusCodes.Status413PayloadTooLarge, "Too large", $"A population file is at most {MaxImportBytes / 1024 / 1024} MB.");
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var content = await reader.ReadToEndAsync(ct);
        try
        {
            var result = await handler.Handle(new ImportPopulation.Command(
                year, format, content, string.IsNullOrWhiteSpace(source) ? $"PUT /api/statistics/population/{year} ({request.ContentType})" : source), ct);
            return TypedResults.Ok(new ImportResultDto(result.Year, result.Imported));
        }
        catch (ImportRejected e)
        {
            return Rejected(e, StatusCodes.Status400BadRequest);
        }
    }

    private static async Task<Results<Ok<FetchResultDto>, ProblemHttpResult>> FetchFromSsb(
        int year, FetchPopulationFromSsb.Handler handler, CancellationToken ct)
    {
        try
        {
            var result = await handler.Handle(new FetchPopulationFromSsb.Command(year), ct);
            return TypedResults.Ok(new FetchResultDto(result.Year, result.Imported, result.Missing));
        }
        catch (StatisticsNorwayUnavailableException e) when (e.RefusedStatus is not null)
        {
            return Problems.Rule(StatusCodes.Status502BadGateway, "SSB refused the query", $"{e.Message} Import a file instead.");
        }
        catch (StatisticsNorwayUnavailableException e)
        {
            return Problems.Rule(StatusCodes.Status503ServiceUnavailable, "SSB unavailable", $"{e.Message} Try again later, or import a file instead.");
        }
        catch (ImportRejected e)
        {
            // SSB answered, but not with figures we can store: the request was fine, the upstream answer was not.
            return Rejected(e, StatusCodes.Status502BadGateway);
        }
    }

    private static async Task<Ok<List<DeflatorDto>>> GetDeflator(AppDbContext db, CancellationToken ct)
    {
        var estimates = await db.DeflatorEstimates.AsNoTracking().ToListAsync(ct);
        return TypedResults.Ok(estimates
            .OrderBy(d => d.Year).ThenBy(d => d.Estimate)
            .Select(d => new DeflatorDto(d.Year, DeflatorEstimate.ToApi(d.Estimate), SetDeflatorEstimate.Normalise(d.Percent), d.Source))
            .ToList());
    }

    private static async Task<Ok<DeflatorDto>> PutDeflator(int year, DeflatorBody body, SetDeflatorEstimate.Handler handler, CancellationToken ct)
    {
        var result = await handler.Handle(new SetDeflatorEstimate.Command(year, body.Estimate, body.Percent, body.Source, body.Document), ct);
        return TypedResults.Ok(new DeflatorDto(result.Year, result.Estimate, result.Percent, result.Source));
    }

    private static async Task<Ok<List<ImportDto>>> ListImports(AppDbContext db, CancellationToken ct)
    {
        var imports = await db.StatisticsImports.AsNoTracking().ToListAsync(ct);
        return TypedResults.Ok(imports
            .OrderByDescending(i => i.ImportedAt).ThenByDescending(i => i.Id)
            .Select(i => new ImportDto(i.Id, i.Kind, i.Year, i.Format, i.Source, i.ImportedAt, i.ImportedBy, i.Rows))
            .ToList());
    }

    /// <summary>text/csv → csv; application/json (or any +json) → json-stat2; anything else → null.</summary>
    public static string? FormatOf(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || media.MediaType is not { } type)
        {
            return null;
        }

        if (type.Equals("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return ImportPopulation.Csv;
        }

        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            ? ImportPopulation.JsonStat
            : null;
    }

    private static ProblemHttpResult Rejected(ImportRejected e, int status)
    {
        var rows = e.Problems.Where(p => p.Row is not null).Select(p => p.Row!.Value).Distinct().ToList();
        var detail = rows.Count == 0
            ? $"The import was rejected and nothing was stored: {string.Join(" ", e.Problems.Select(p => p.Message))}"
            : $"The import was rejected and nothing was stored: {e.Problems.Count} problem(s), in row(s) {string.Join(", ", rows)}.";
        return TypedResults.Problem(
            statusCode: status,
            title: status == StatusCodes.Status400BadRequest ? "One or more rows are invalid" : "SSB's answer could not be imported",
            detail: detail,
            extensions: new Dictionary<string, object?> { ["errors"] = e.Errors() });
    }
}
