using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Partnerskap.Domain.Portfolio;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Members;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Infrastructure;

namespace Partnerskap.Web.Features.Portfolio;

/// <summary>PUR-5 idea intake through the API.</summary>
public static class IdeasApi
{
    public sealed record IdeaBody(string? Title, string? Description, string? Orgnr);

    public sealed record AssessBody(bool? Recommend, string? Assessment);

    public sealed record ProjectBody(string? DecisionRef, string? Kind);

    public sealed record IdeaDto(int Id, string Title, string? Description, string Orgnr, DateTimeOffset SubmittedAt, string Status, string? Assessment, int? BoardCaseId,
        string? DecisionRef, int? ProjectId);

    public static IEndpointRouteBuilder MapIdeasApi(this IEndpointRouteBuilder api)
    {
        var s = api.MapGroup("/partnerships/{slug}/ideas").WithTags("Portfolio").AddEndpointFilter<RuleViolationFilter>();
        s.MapGet("/", List).RequireAuthorization(Policies.LoggedIn).WithSummary("Ideas for joint projects with the office's assessment (PUR-5)");
        s.MapPost("/", Submit).RequireAuthorization(Policies.LoggedIn).WithSummary("Submit an idea: a member contact for their own member, the office for any member (PUR-5, MEM-5)");
        var i = api.MapGroup("/ideas/{id:int}").WithTags("Portfolio").AddEndpointFilter<RuleViolationFilter>();
        i.MapPost("/assessment", Assess).RequireAuthorization(Policies.Office).WithSummary("The office recommends or not; a recommendation opens a board case (PUR-5, office)");
        i.MapPost("/project", ToProject).RequireAuthorization(Policies.Office).WithSummary("Make a recommended idea a project on a board decision in the register (PUR-5, office)");
        return api;
    }

    internal static IdeaDto ToDto(Idea i) => new(i.Id, i.Title, i.Description, i.Orgnr, i.SubmittedAt, i.Status.ToApi(), i.Assessment, i.BoardCaseId, i.DecisionRef, i.ProjectId);

    private static async Task<Results<Ok<List<IdeaDto>>, ProblemHttpResult>> List(string slug, ClaimsPrincipal user, PartnershipAccess access, Ideas.Handler h, CancellationToken ct)
    {
        var (outcome, p) = await access.ReadAsync(slug, user, ct);
        if (outcome != PartnershipAccess.Outcome.Allowed)
        {
            return MembersApi.Denied(outcome, slug);
        }

        return TypedResults.Ok((await h.ListAsync(p!.Id, ct)).Select(ToDto).ToList());
    }

    private static async Task<Results<Created<IdeaDto>, ProblemHttpResult>> Submit(string slug, IdeaBody body, ClaimsPrincipal user, PartnershipAccess access, Ideas.Handler h, CancellationToken ct)
    {
        var (outcome, p) = await access.ReadAsync(slug, user, ct);
        if (outcome != PartnershipAccess.Outcome.Allowed)
        {
            return MembersApi.Denied(outcome, slug);
        }

        var idea = await h.SubmitAsync(new Ideas.Submit(p!.Id, body.Title, body.Description, body.Orgnr), user, ct);
        return TypedResults.Created($"/api/partnerships/{slug}/ideas", ToDto(idea));
    }

    private static Task<int> ReadableAsync(int id, ClaimsPrincipal user, AppDbContext db, PartnershipAccess access, CancellationToken ct) =>
        PortfolioApi.ReadableAsync(db.Ideas.Where(x => x.Id == id).Select(x => (int?)x.PartnershipId), "idea", id, user, access, ct);

    private static async Task<Ok<IdeaDto>> Assess(int id, AssessBody body, ClaimsPrincipal user, AppDbContext db, PartnershipAccess access, Ideas.Handler h, CancellationToken ct)
    {
        await ReadableAsync(id, user, db, access, ct);
        return TypedResults.Ok(ToDto(await h.AssessAsync(new Ideas.Assess(id, body.Recommend, body.Assessment), ct)));
    }

    private static async Task<Created<IdeaDto>> ToProject(int id, ProjectBody body, ClaimsPrincipal user, AppDbContext db, PartnershipAccess access, Ideas.Handler h, CancellationToken ct)
    {
        await ReadableAsync(id, user, db, access, ct);
        var (idea, project) = await h.ToProjectAsync(new Ideas.ToProject(id, body.DecisionRef, body.Kind), ct);
        return TypedResults.Created($"/api/projects/{project.Id}", ToDto(idea));
    }
}
