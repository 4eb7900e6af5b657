using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Collaboration;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Members;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Infrastructure;

namespace Partnerskap.Web.Features.Collaboration;

public static class CollaborationApi
{
    public sealed record ConsultationBody(string? Title, string? Issuer, DateOnly? Deadline);

    public sealed record ConsultationLine(int Id, string Title, string Issuer, DateOnly Deadline, string Status);

    public sealed record TextBody(string? Text);

    public sealed record ApproveBody(string? DecisionRef);

    public static IServiceCollection AddCollaboration(this IServiceCollection services) => services.AddScoped<Consultations>();

    public static IEndpointRouteBuilder MapCollaborationApi(this IEndpointRouteBuilder api)
    {
        var p = api.MapGroup("/partnerships/{slug}/consultations").WithTags("Collaboration").AddEndpointFilter<RuleViolationFilter>();
        p.MapGet("/", List).RequireAuthorization(Policies.LoggedIn).WithSummary("Consultations (høringer) the partnership answers jointly (PUR-1)");
        p.MapPost("/", Create).RequireAuthorization(Policies.Office).WithSummary("Open a consultation with a deadline for the members' input (office, PUR-1)");

        var c = api.MapGroup("/consultations/{id:int}").WithTags("Collaboration").AddEndpointFilter<RuleViolationFilter>();
        c.MapGet("/", Get).RequireAuthorization(Policies.LoggedIn).WithSummary("One consultation: inputs (office and board: all; a member: its own), who has not answered");
        c.MapPut("/inputs/{orgnr}", Input).RequireAuthorization(Policies.LoggedIn).WithSummary("A member's input (office, or the member's own contact; PUR-1)");
        c.MapPut("/draft", Draft).RequireAuthorization(Policies.Office).WithSummary("Draft the joint answer (office, PUR-1)");
        c.MapPost("/approve", Approve).RequireAuthorization(Policies.LoggedIn).WithSummary("Record the board's approval with its decision reference (board or office, PUR-1)");
        c.MapPost("/send", Send).RequireAuthorization(Policies.Office).WithSummary("Send the approved answer and file it (office, PUR-1)");
        return api;
    }

    private static async Task<Results<Ok<List<ConsultationLine>>, ProblemHttpResult>> List(string slug, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, CancellationToken ct)
    {
        var (outcome, p) = await access.ReadAsync(slug, user, ct);
        if (outcome != PartnershipAccess.Outcome.Allowed)
        {
            return MembersApi.Denied(outcome, slug);
        }

        var list = await db.Consultations.AsNoTracking().Where(c => c.PartnershipId == p!.Id).OrderByDescending(c => c.Deadline).ToListAsync(ct);
        return TypedResults.Ok(list.Select(c => new ConsultationLine(c.Id, c.Title, c.Issuer, c.Deadline, c.Status.ToString().ToLowerInvariant())).ToList());
    }

    private static async Task<Results<Created<ConsultationLine>, ProblemHttpResult>> Create(string slug, ConsultationBody body, ClaimsPrincipal user, PartnershipAccess access, Consultations consultations, CancellationToken ct)
    {
        var (outcome, p) = await access.ReadAsync(slug, user, ct);
        if (outcome != PartnershipAccess.Outcome.Allowed)
        {
            return MembersApi.Denied(outcome, slug);
        }

        var c = await consultations.CreateAsync(p!.Id, body.Title, body.Issuer, body.Deadline, ct);
        return TypedResults.Created($"/api/consultations/{c.Id}", new ConsultationLine(c.Id, c.Title, c.Issuer, c.Deadline, "open"));
    }

    /// <summary>Loads a consultation the caller may see (404 for another partnership's, as if it did not exist).</summary>
    private static async Task<(Consultation? Consultation, ProblemHttpResult? Denied)> LoadAsync(int id, ClaimsPrincipal user, PartnershipAccess access, Consultations consultations, CancellationToken ct)
    {
        var c = await consultations.FindAsync(id, ct);
        return c is null || !await access.CanReadAsync(c.PartnershipId, user, ct) ? (null, Problems.NotFound($"No consultation {id}.")) : (c, null);
    }

    private static async Task<Results<Ok<Consultations.Dto>, ProblemHttpResult>> Get(int id, ClaimsPrincipal user, PartnershipAccess access, Consultations consultations, CancellationToken ct)
    {
        var (c, denied) = await LoadAsync(id, user, access, consultations, ct);
        return denied ?? (Results<Ok<Consultations.Dto>, ProblemHttpResult>)TypedResults.Ok(await consultations.ToDtoAsync(c!, user, ct));
    }

    private static async Task<Results<Ok<Consultations.Dto>, ProblemHttpResult>> Input(int id, string orgnr, TextBody body, ClaimsPrincipal user, PartnershipAccess access, Consultations consultations, CancellationToken ct)
    {
        var (c, denied) = await LoadAsync(id, user, access, consultations, ct);
        if (denied is not null)
        {
            return denied;
        }

        if (!MemberAccess.CanEdit(user, orgnr))
        {
            return Problems.Forbidden("A member's input is given by its own contact or registered by the office.", "PUR-1");
        }

        try
        {
            await consultations.GiveInputAsync(c!, orgnr, body.Text, ct);
        }
        catch (KeyNotFoundException)
        {
            return Problems.NotFound($"{orgnr} is not a member of this partnership.");
        }

        return TypedResults.Ok(await consultations.ToDtoAsync(c!, user, ct));
    }

    private static async Task<Results<Ok<Consultations.Dto>, ProblemHttpResult>> Draft(int id, TextBody body, ClaimsPrincipal user, PartnershipAccess access, Consultations consultations, CancellationToken ct)
    {
        var (c, denied) = await LoadAsync(id, user, access, consultations, ct);
        if (denied is not null)
        {
            return denied;
        }

        await consultations.DraftAsync(c!, body.Text, ct);
        return TypedResults.Ok(await consultations.ToDtoAsync(c!, user, ct));
    }

    private static async Task<Results<Ok<Consultations.Dto>, ProblemHttpResult>> Approve(int id, ApproveBody body, ClaimsPrincipal user, PartnershipAccess access, Consultations consultations, CancellationToken ct)
    {
        var (c, denied) = await LoadAsync(id, user, access, consultations, ct);
        if (denied is not null)
        {
            return denied;
        }

        if (!user.IsOffice() && !user.IsInRole(Roles.Board))
        {
            return Problems.Forbidden("The board approves the joint answer (the office may record the board's decision).", "PUR-1");
        }

        await consultations.ApproveAsync(c!, body.DecisionRef, ct);
        return TypedResults.Ok(await consultations.ToDtoAsync(c!, user, ct));
    }

    private static async Task<Results<Ok<Consultations.Dto>, ProblemHttpResult>> Send(int id, ClaimsPrincipal user, PartnershipAccess access, Consultations consultations, CancellationToken ct)
    {
        var (c, denied) = await LoadAsync(id, user, access, consultations, ct);
        if (denied is not null)
        {
            return denied;
        }

        await consultations.SendAsync(c!, ct);
        return TypedResults.Ok(await consultations.ToDtoAsync(c!, user, ct));
    }
}
