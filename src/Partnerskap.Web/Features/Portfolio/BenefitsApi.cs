using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Benefits;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Infrastructure;

namespace Partnerskap.Web.Features.Portfolio;

/// <summary>
/// FIN-8: benefit realisation per participating member: each benefit has its owner at the member, indicator, baseline
/// and target; the member reports measurements; the overview lists who has not reported for a period.
/// </summary>
public static class BenefitsApi
{
    public sealed record BenefitBody(string? Orgnr, string? OwnerName, string? OwnerEmail, string? Indicator, string? Unit, decimal? Baseline, decimal? Target);

    public sealed record MeasurementBody(DateOnly? Period, decimal? Value, string? Comment);

    public sealed record MeasurementDto(DateOnly Period, decimal Value, string ReportedBy, DateTimeOffset ReportedAt, string? Comment);

    public sealed record BenefitDto(int Id, string Orgnr, string OwnerName, string? OwnerEmail, string Indicator, string? Unit, decimal Baseline, decimal Target,
        decimal? Latest, decimal? Achieved, IReadOnlyList<MeasurementDto> Measurements);

    public sealed record BenefitsDto(DateOnly? Period, IReadOnlyList<BenefitDto> Benefits, IReadOnlyList<string> NotReported);

    public static IEndpointRouteBuilder MapBenefitsApi(this IEndpointRouteBuilder api)
    {
        var i = api.MapGroup("/projects/{id:int}/benefits").WithTags("Portfolio").AddEndpointFilter<RuleViolationFilter>();
        i.MapGet("/", List).RequireAuthorization(Policies.LoggedIn).WithSummary("Benefits per participating member; ?period= lists who has not reported (FIN-8)");
        i.MapPost("/", Add).RequireAuthorization(Policies.Office).WithSummary("Plan a benefit for a participating member (FIN-8, office)");
        var b = api.MapGroup("/benefits/{id:int}").WithTags("Portfolio").AddEndpointFilter<RuleViolationFilter>();
        b.MapPost("/measurements", Report).RequireAuthorization(Policies.LoggedIn).WithSummary("Report a measurement (FIN-8: office or the member's own contact)");
        return api;
    }

    private static async Task<Ok<BenefitsDto>> List(int id, DateOnly? period, ClaimsPrincipal user, AppDbContext db, PartnershipAccess access, ProjectQueries q, CancellationToken ct)
    {
        await PortfolioApi.ReadableProjectAsync(id, user, db, access, ct);
        var benefits = await q.BenefitsAsync(id, ct);
        return TypedResults.Ok(new BenefitsDto(period, benefits.Select(ToDto).ToList(), period is { } p ? Benefit.NotReported(benefits, p) : []));
    }

    private static BenefitDto ToDto(Benefit b) => new(b.Id, b.Orgnr, b.OwnerName, b.OwnerEmail, b.Indicator, b.Unit, b.Baseline, b.Target, b.Latest, b.Achieved,
        b.Measurements.OrderBy(m => m.Period).Select(m => new MeasurementDto(m.Period, m.Value, m.ReportedBy, m.ReportedAt, m.Comment)).ToList());

    private static async Task<Created<BenefitDto>> Add(int id, BenefitBody body, ClaimsPrincipal user, AppDbContext db, PartnershipAccess access, Benefits.Handler handler,
        CancellationToken ct)
    {
        await PortfolioApi.ReadableProjectAsync(id, user, db, access, ct);
        var benefit = await handler.PlanAsync(new Benefits.Plan(id, body.Orgnr, body.OwnerName, body.OwnerEmail, body.Indicator, body.Unit, body.Baseline, body.Target), ct);
        return TypedResults.Created($"/api/projects/{id}/benefits", ToDto(benefit));
    }

    private static async Task<Created<MeasurementDto>> Report(int id, MeasurementBody body, ClaimsPrincipal user, AppDbContext db, PartnershipAccess access,
        Benefits.Handler handler, CancellationToken ct)
    {
        var benefit = await db.Benefits.Include(b => b.Measurements).SingleOrDefaultAsync(b => b.Id == id, ct)
            ?? throw new KeyNotFoundException($"There is no benefit {id}.");
        await PortfolioApi.ReadableProjectAsync(benefit.ProjectId, user, db, access, ct);
        var m = await handler.ReportAsync(benefit, new Benefits.Report(id, body.Period, body.Value, body.Comment), user, ct);
        return TypedResults.Created($"/api/projects/{benefit.ProjectId}/benefits", new MeasurementDto(m.Period, m.Value, m.ReportedBy, m.ReportedAt, m.Comment));
    }
}
