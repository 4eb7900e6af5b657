using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Benefits;
using Partnerskap.Domain.Common;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Members;
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

    private static async Task<Created<BenefitDto>> Add(int id, BenefitBody body, ClaimsPrincipal user, AppDbContext db, PartnershipAccess access, CancellationToken ct)
    {
        await PortfolioApi.ReadableProjectAsync(id, user, db, access, ct);
        if (body.Baseline is not { } baseline || body.Target is not { } target)
        {
            throw RuleViolation.Invalid(body.Baseline is null ? "baseline" : "target", "Give the baseline and the target of the indicator.", "FIN-8");
        }

        var project = await db.Projects.Include(p => p.Participants).SingleAsync(p => p.Id == id, ct);
        var benefit = new Benefit(project, body.Orgnr?.Trim() ?? "", body.OwnerName, body.OwnerEmail, body.Indicator, body.Unit, baseline, target);
        db.Benefits.Add(benefit);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/projects/{id}/benefits", ToDto(benefit));
    }

    private static async Task<Created<MeasurementDto>> Report(int id, MeasurementBody body, ClaimsPrincipal user, AppDbContext db, PartnershipAccess access,
        TimeProvider clock, AuditContext audit, CancellationToken ct)
    {
        var benefit = await db.Benefits.Include(b => b.Measurements).SingleOrDefaultAsync(b => b.Id == id, ct)
            ?? throw new KeyNotFoundException($"There is no benefit {id}.");
        await PortfolioApi.ReadableProjectAsync(benefit.ProjectId, user, db, access, ct);

        // FIN-8: the member realises its own benefits and reports them (or the office on its behalf).
        if (!MemberAccess.CanEdit(user, benefit.Orgnr))
        {
            throw RuleViolation.Forbidden("Only the member's own contact (or the office) reports this member's benefits.", "FIN-8");
        }

        if (body.Period is not { } period || body.Value is not { } value)
        {
            throw RuleViolation.Invalid(body.Period is null ? "period" : "value", "Give the period (its last day) and the measured value.", "FIN-8");
        }

        var m = benefit.Report(period, value, audit.CurrentActor, clock.GetUtcNow(), body.Comment);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/projects/{benefit.ProjectId}/benefits", new MeasurementDto(m.Period, m.Value, m.ReportedBy, m.ReportedAt, m.Comment));
    }
}
