using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Partnerskap.Domain.Portfolio;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Members;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Infrastructure;

namespace Partnerskap.Web.Features.Portfolio;

/// <summary>FIN-5 base budget, FIN-4 grants, FIN-3 in-kind contributions through the API.</summary>
public static class FundingApi
{
    public sealed record LineBody(string? Kind, string? Description, decimal? Budgeted, decimal? Actual, decimal? Forecast);

    public sealed record LineDto(int Id, string Kind, bool Income, string Description, decimal Budgeted, decimal? Actual, decimal? Forecast);

    public sealed record ResultDto(decimal Income, decimal Cost, decimal Balance, decimal Positions, bool CoversPositions, decimal RoomForSmallProjects);

    public sealed record GrantDto(int Id, string Funder, string Purpose, int? ProjectId, int Year, string? Description, decimal Applied, DateOnly AppliedOn,
        decimal? Granted, decimal? Received, string? Conditions, DateOnly? ReportingDeadline, string Status);

    public sealed record BaseBudgetDto(int Year, IReadOnlyList<LineDto> Lines, IReadOnlyList<GrantDto> BaseFundingGrants, ResultDto Budget, ResultDto Actual, ResultDto Expected);

    public sealed record GrantBody(string? Funder, string? Purpose, int? ProjectId, int? Year, decimal? Applied, DateOnly? AppliedOn, string? Description);

    public sealed record AwardBody(decimal? Granted, decimal? Received, string? Conditions, DateOnly? ReportingDeadline);

    public sealed record ProjectGrantsDto(IReadOnlyList<GrantDto> Grants, decimal PlannedGrants, decimal NotYetGranted);

    public sealed record InKindBody(string? Orgnr, DateOnly? Date, string? Description, decimal? Hours, decimal? Value);

    public sealed record InKindDto(int Id, string Orgnr, DateOnly Date, string Description, decimal? Hours, decimal Value);

    public sealed record InKindTotalDto(string Orgnr, decimal Hours, decimal Value, int Count);

    public sealed record InKindListDto(IReadOnlyList<InKindDto> Contributions, IReadOnlyList<InKindTotalDto> PerMember, decimal Invoiceable);

    public static IEndpointRouteBuilder MapFundingApi(this IEndpointRouteBuilder api)
    {
        var s = api.MapGroup("/partnerships/{slug}").WithTags("Portfolio").AddEndpointFilter<RuleViolationFilter>();
        s.MapGet("/base-budget/{year:int}", GetBudget).RequireAuthorization(Policies.LoggedIn)
            .WithSummary("The year's base budget: lines, granted base-funding grants, and whether the base funding covers the two positions (FIN-5, FIN-4)");
        s.MapPost("/base-budget/{year:int}/lines", AddLine).RequireAuthorization(Policies.Office).WithSummary("Add a base budget line (FIN-5, office)");
        s.MapGet("/grants", ListGrants).RequireAuthorization(Policies.LoggedIn).WithSummary("Grant applications and awards (FIN-4)");
        s.MapPost("/grants", AddGrant).RequireAuthorization(Policies.Office).WithSummary("Record a grant application (FIN-4, office)");
        api.MapPut("/grants/{id:int}", Award).WithTags("Portfolio").AddEndpointFilter<RuleViolationFilter>().RequireAuthorization(Policies.Office)
            .WithSummary("Record the award (granted, conditions, reporting deadline) and money received (FIN-4, office)");
        var p = api.MapGroup("/projects/{id:int}").WithTags("Portfolio").AddEndpointFilter<RuleViolationFilter>();
        p.MapGet("/grants", ProjectGrants).RequireAuthorization(Policies.LoggedIn).WithSummary("The project's grants and how much of the plan's grant sources is not yet granted (FIN-4, FIN-7)");
        p.MapGet("/in-kind", InKind).RequireAuthorization(Policies.LoggedIn).WithSummary("In-kind contributions per member; never invoiced (FIN-3)");
        p.MapPost("/in-kind", AddInKind).RequireAuthorization(Policies.Office).WithSummary("Record a participating member's in-kind contribution (FIN-3, office)");
        return api;
    }

    internal static ResultDto ToDto(BaseBudgetResult r) => new(r.Income, r.Cost, r.Balance, r.Positions, r.CoversPositions, r.RoomForSmallProjects);

    internal static GrantDto ToDto(Grant g) => new(g.Id, g.Funder, g.Purpose.ToApi(), g.ProjectId, g.Year, g.Description, g.Applied, g.AppliedOn, g.Granted, g.Received,
        g.Conditions, g.ReportingDeadline, g.Status.ToApi());

    internal static LineDto ToDto(BaseBudgetLine l) => new(l.Id, l.Kind.ToApi(), l.IsIncome, l.Description, l.Budgeted, l.Actual, l.Forecast);

    private static async Task<Results<Ok<BaseBudgetDto>, ProblemHttpResult>> GetBudget(string slug, int year, ClaimsPrincipal user, PartnershipAccess access, Funding.Handler h, CancellationToken ct)
    {
        var (outcome, p) = await access.ReadAsync(slug, user, ct);
        if (outcome != PartnershipAccess.Outcome.Allowed)
        {
            return MembersApi.Denied(outcome, slug);
        }

        var v = await h.BaseBudgetAsync(p!.Id, year, ct);
        return TypedResults.Ok(new BaseBudgetDto(v.Year, v.Lines.Select(ToDto).ToList(), v.BaseFundingGrants.Select(ToDto).ToList(), ToDto(v.Budget), ToDto(v.Actual), ToDto(v.Expected)));
    }

    private static async Task<Results<Created<LineDto>, ProblemHttpResult>> AddLine(string slug, int year, LineBody body, ClaimsPrincipal user, PartnershipAccess access, Funding.Handler h, CancellationToken ct)
    {
        var (outcome, p) = await access.ReadAsync(slug, user, ct);
        if (outcome != PartnershipAccess.Outcome.Allowed)
        {
            return MembersApi.Denied(outcome, slug);
        }

        var line = await h.AddLineAsync(new Funding.AddLine(p!.Id, year, body.Kind, body.Description, body.Budgeted, body.Actual, body.Forecast), ct);
        return TypedResults.Created($"/api/partnerships/{slug}/base-budget/{year}", ToDto(line));
    }

    private static async Task<Results<Ok<List<GrantDto>>, ProblemHttpResult>> ListGrants(string slug, ClaimsPrincipal user, PartnershipAccess access, Funding.Handler h, CancellationToken ct)
    {
        var (outcome, p) = await access.ReadAsync(slug, user, ct);
        if (outcome != PartnershipAccess.Outcome.Allowed)
        {
            return MembersApi.Denied(outcome, slug);
        }

        return TypedResults.Ok((await h.GrantsAsync(p!.Id, ct)).Select(ToDto).ToList());
    }

    private static async Task<Results<Created<GrantDto>, ProblemHttpResult>> AddGrant(string slug, GrantBody body, ClaimsPrincipal user, PartnershipAccess access, Funding.Handler h, CancellationToken ct)
    {
        var (outcome, p) = await access.ReadAsync(slug, user, ct);
        if (outcome != PartnershipAccess.Outcome.Allowed)
        {
            return MembersApi.Denied(outcome, slug);
        }

        var g = await h.AddGrantAsync(new Funding.AddGrant(p!.Id, body.Funder, body.Purpose, body.ProjectId, body.Year, body.Applied, body.AppliedOn, body.Description), ct);
        return TypedResults.Created($"/api/grants/{g.Id}", ToDto(g));
    }

    private static async Task<Ok<GrantDto>> Award(int id, AwardBody body, ClaimsPrincipal user, AppDbContext db, PartnershipAccess access, Funding.Handler h, CancellationToken ct)
    {
        await PortfolioApi.ReadableAsync(db.Grants.Where(g => g.Id == id).Select(g => (int?)g.PartnershipId), "grant", id, user, access, ct);
        return TypedResults.Ok(ToDto(await h.UpdateGrantAsync(new Funding.UpdateGrant(id, body.Granted, body.Received, body.Conditions, body.ReportingDeadline), ct)));
    }

    private static async Task<Ok<ProjectGrantsDto>> ProjectGrants(int id, ClaimsPrincipal user, AppDbContext db, PartnershipAccess access, Funding.Handler h, CancellationToken ct)
    {
        await PortfolioApi.ReadableProjectAsync(id, user, db, access, ct);
        var (grants, planned, missing) = await h.ProjectGrantsAsync(id, ct);
        return TypedResults.Ok(new ProjectGrantsDto(grants.Select(ToDto).ToList(), planned, missing));
    }

    private static async Task<Ok<InKindListDto>> InKind(int id, ClaimsPrincipal user, AppDbContext db, PartnershipAccess access, Funding.Handler h, CancellationToken ct)
    {
        await PortfolioApi.ReadableProjectAsync(id, user, db, access, ct);
        var list = await h.InKindAsync(id, ct);
        return TypedResults.Ok(new InKindListDto(
            list.Select(c => new InKindDto(c.Id, c.Orgnr, c.Date, c.Description, c.Hours, c.Value)).ToList(),
            Domain.Portfolio.InKind.PerMember(list).Select(t => new InKindTotalDto(t.Orgnr, t.Hours, t.Value, t.Count)).ToList(),
            Domain.Portfolio.InKind.Invoiceable(list)));
    }

    private static async Task<Created<InKindDto>> AddInKind(int id, InKindBody body, ClaimsPrincipal user, AppDbContext db, PartnershipAccess access, Funding.Handler h, CancellationToken ct)
    {
        await PortfolioApi.ReadableProjectAsync(id, user, db, access, ct);
        var c = await h.AddInKindAsync(new Funding.AddInKind(id, body.Orgnr, body.Date, body.Description, body.Hours, body.Value), ct);
        return TypedResults.Created($"/api/projects/{id}/in-kind", new InKindDto(c.Id, c.Orgnr, c.Date, c.Description, c.Hours, c.Value));
    }
}
