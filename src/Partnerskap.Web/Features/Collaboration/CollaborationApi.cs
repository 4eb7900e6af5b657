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

    public sealed record AnchoringBody(string? Title, string? Matter, DateOnly? Deadline);

    public sealed record AnchoringLineSummary(int Id, string Title, DateOnly StartedOn, DateOnly Deadline, int Members, int Answered);

    public sealed record AnswerBody(string? Answer, DateOnly? AnsweredOn);

    public sealed record RemindedDto(int Reminded);

    public static IServiceCollection AddCollaboration(this IServiceCollection services) => services
        .AddScoped<Consultations>()
        .AddScoped<AnchoringRounds>();

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

        var a = api.MapGroup("/partnerships/{slug}/anchoring-rounds").WithTags("Collaboration").AddEndpointFilter<RuleViolationFilter>();
        a.MapGet("/", ListRounds).RequireAuthorization(Policies.LoggedIn).WithSummary("Anchoring rounds (MEM-7)");
        a.MapPost("/", StartRound).RequireAuthorization(Policies.Office).WithSummary("Start an anchoring round: mail the matter to each member's kommunedirektør and digitaliseringsleder (office, MEM-7)");
        var r = api.MapGroup("/anchoring-rounds/{id:int}").WithTags("Collaboration").AddEndpointFilter<RuleViolationFilter>();
        r.MapGet("/", GetRound).RequireAuthorization(Policies.LoggedIn).WithSummary("One round: each member's answer and date, who has not answered (a member: its own line)");
        r.MapPut("/answers/{orgnr}", Answer).RequireAuthorization(Policies.LoggedIn).WithSummary("Record a member's answer and its date (office, or the member's own contact; MEM-7)");
        r.MapPost("/reminders", Remind).RequireAuthorization(Policies.Office).WithSummary("Remind the members that have not answered (office, MEM-7)");
        return api;
    }

    private static async Task<Results<Ok<List<AnchoringLineSummary>>, ProblemHttpResult>> ListRounds(string slug, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, CancellationToken ct)
    {
        var (outcome, p) = await access.ReadAsync(slug, user, ct);
        if (outcome != PartnershipAccess.Outcome.Allowed)
        {
            return MembersApi.Denied(outcome, slug);
        }

        var rounds = await db.AnchoringRounds.AsNoTracking().Include(x => x.Lines).Where(x => x.PartnershipId == p!.Id).OrderByDescending(x => x.StartedOn).ToListAsync(ct);
        return TypedResults.Ok(rounds.Select(x => new AnchoringLineSummary(x.Id, x.Title, x.StartedOn, x.Deadline, x.Lines.Count, x.Lines.Count(l => l.AnsweredOn is not null))).ToList());
    }

    private static async Task<Results<Created<AnchoringRounds.Dto>, ProblemHttpResult>> StartRound(string slug, AnchoringBody body, ClaimsPrincipal user, PartnershipAccess access, AnchoringRounds rounds, CancellationToken ct)
    {
        var (outcome, p) = await access.ReadAsync(slug, user, ct);
        if (outcome != PartnershipAccess.Outcome.Allowed)
        {
            return MembersApi.Denied(outcome, slug);
        }

        var round = await rounds.StartAsync(p!.Id, body.Title, body.Matter, body.Deadline, ct);
        return TypedResults.Created($"/api/anchoring-rounds/{round.Id}", await rounds.ToDtoAsync(round, user, ct));
    }

    private static async Task<(AnchoringRound? Round, ProblemHttpResult? Denied)> LoadRoundAsync(int id, ClaimsPrincipal user, PartnershipAccess access, AnchoringRounds rounds, CancellationToken ct)
    {
        var round = await rounds.FindAsync(id, ct);
        return round is null || !await access.CanReadAsync(round.PartnershipId, user, ct) ? (null, Problems.NotFound($"No anchoring round {id}.")) : (round, null);
    }

    private static async Task<Results<Ok<AnchoringRounds.Dto>, ProblemHttpResult>> GetRound(int id, ClaimsPrincipal user, PartnershipAccess access, AnchoringRounds rounds, CancellationToken ct)
    {
        var (round, denied) = await LoadRoundAsync(id, user, access, rounds, ct);
        return denied ?? (Results<Ok<AnchoringRounds.Dto>, ProblemHttpResult>)TypedResults.Ok(await rounds.ToDtoAsync(round!, user, ct));
    }

    private static async Task<Results<Ok<AnchoringRounds.Dto>, ProblemHttpResult>> Answer(int id, string orgnr, AnswerBody body, ClaimsPrincipal user, PartnershipAccess access, AnchoringRounds rounds, CancellationToken ct)
    {
        var (round, denied) = await LoadRoundAsync(id, user, access, rounds, ct);
        if (denied is not null)
        {
            return denied;
        }

        if (!MemberAccess.CanEdit(user, orgnr))
        {
            return Problems.Forbidden("A member's answer is given by its own contact or recorded by the office.", "MEM-7");
        }

        try
        {
            await rounds.RecordAnswerAsync(round!, orgnr, body.Answer, body.AnsweredOn, ct);
        }
        catch (KeyNotFoundException)
        {
            return Problems.NotFound($"{orgnr} is not a member of this partnership.");
        }

        return TypedResults.Ok(await rounds.ToDtoAsync(round!, user, ct));
    }

    private static async Task<Results<Ok<RemindedDto>, ProblemHttpResult>> Remind(int id, ClaimsPrincipal user, PartnershipAccess access, AnchoringRounds rounds, CancellationToken ct)
    {
        var (round, denied) = await LoadRoundAsync(id, user, access, rounds, ct);
        return denied ?? (Results<Ok<RemindedDto>, ProblemHttpResult>)TypedResults.Ok(new RemindedDto(await rounds.RemindAsync(round!, ct)));
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
