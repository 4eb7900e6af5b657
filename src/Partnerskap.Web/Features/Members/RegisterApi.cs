using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Members;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Infrastructure.Brreg;
using Partnerskap.Web.Infrastructure.Documents;

namespace Partnerskap.Web.Features.Members;

/// <summary>The register around the members: successions (MEM-1), policy settings (MEM-3/MEM-5), documents, Brønnøysund look-up.</summary>
public static class RegisterApi
{
    public sealed record SuccessionBody(string? Kind, DateOnly? EffectiveOn, string? Description, string? DecisionRef, string[]? Predecessors, RecordSuccession.Successor[]? Successors);

    public sealed record SuccessionDto(int Id, string Kind, DateOnly EffectiveOn, string Description, string? DecisionRef, IReadOnlyList<string> Predecessors, IReadOnlyList<SuccessorDto> Successors);

    public sealed record SuccessorDto(string Orgnr, string Name, bool BecameMember);

    public sealed record SettingsDto(string LateNoticePolicy, bool NoticeWithdrawalAllowed, string? DecisionRef);

    public sealed record SettingsBody(string? LateNoticePolicy, bool? NoticeWithdrawalAllowed, string? DecisionRef);

    public static IEndpointRouteBuilder MapRegisterApi(this IEndpointRouteBuilder api)
    {
        var partnership = api.MapGroup("/partnerships/{slug}").WithTags("Members").AddEndpointFilter<RuleViolationFilter>();
        partnership.MapGet("/successions", ListSuccessions).RequireAuthorization(Policies.LoggedIn).WithSummary("Successions (mergers, splits) in the register");
        partnership.MapPost("/successions", Succeed).RequireAuthorization(Policies.Office).WithSummary("Record a succession (MEM-1, office)");
        partnership.MapGet("/settings", GetSettings).RequireAuthorization(Policies.LoggedIn).WithSummary("Policy settings the agreement leaves open");
        partnership.MapPut("/settings", PutSettings).RequireAuthorization(Policies.Office).WithSummary("Change policy settings, naming the decision (office)");

        api.MapGet("/documents/{id:int}", Download).RequireAuthorization(Policies.LoggedIn).WithTags("Members")
            .WithSummary("A stored document (office, board, or the member's own contact)");
        api.MapGet("/lookup/enhetsregisteret/{orgnr}", Lookup).RequireAuthorization(Policies.Office).WithTags("Members")
            .WithSummary("Name and address from Brønnøysund's Enhetsregisteret (office)");
        return api;
    }

    private static async Task<Results<Ok<List<SuccessionDto>>, ProblemHttpResult>> ListSuccessions(
        string slug, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, CancellationToken ct)
    {
        var (outcome, p) = await access.ReadAsync(slug, user, ct);
        if (outcome != PartnershipAccess.Outcome.Allowed)
        {
            return MembersApi.Denied(outcome, slug);
        }

        var list = await db.Successions.AsNoTracking().Include(s => s.Parties).Where(s => s.PartnershipId == p!.Id).OrderBy(s => s.EffectiveOn).ToListAsync(ct);
        return TypedResults.Ok(list.Select(ToDto).ToList());
    }

    private static async Task<Results<Created<SuccessionDto>, ProblemHttpResult>> Succeed(
        string slug, SuccessionBody body, ClaimsPrincipal user, PartnershipAccess access, RecordSuccession.Handler handler, CancellationToken ct)
    {
        var (outcome, p) = await access.ReadAsync(slug, user, ct);
        if (outcome != PartnershipAccess.Outcome.Allowed)
        {
            return MembersApi.Denied(outcome, slug);
        }

        var succession = await handler.Handle(new RecordSuccession.Command(
            p!.Id, body.Kind, body.EffectiveOn, body.Description, body.DecisionRef, body.Predecessors ?? [], body.Successors ?? []), ct);
        return TypedResults.Created($"/api/partnerships/{slug}/successions", ToDto(succession));
    }

    private static async Task<Results<Ok<SettingsDto>, ProblemHttpResult>> GetSettings(
        string slug, ClaimsPrincipal user, PartnershipAccess access, CancellationToken ct)
    {
        var (outcome, p) = await access.ReadAsync(slug, user, ct);
        return outcome != PartnershipAccess.Outcome.Allowed
            ? MembersApi.Denied(outcome, slug)
            : TypedResults.Ok(new SettingsDto(PolicyName(p!.LateNoticePolicy), p.NoticeWithdrawalAllowed, p.PolicyDecisionRef));
    }

    private static async Task<Results<Ok<SettingsDto>, ProblemHttpResult>> PutSettings(
        string slug, SettingsBody body, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, AuditContext audit, CancellationToken ct)
    {
        var (outcome, found) = await access.ReadAsync(slug, user, ct);
        if (outcome != PartnershipAccess.Outcome.Allowed)
        {
            return MembersApi.Denied(outcome, slug);
        }

        var p = await db.Partnerships.SingleAsync(x => x.Id == found!.Id, ct);
        var policy = body.LateNoticePolicy switch
        {
            null => p.LateNoticePolicy,
            "effective-year-after-next" => LateNoticePolicy.EffectiveYearAfterNext,
            "refused" => LateNoticePolicy.Refused,
            _ => throw RuleViolation.Invalid("lateNoticePolicy", "lateNoticePolicy is effective-year-after-next or refused.", "MEM-3"),
        };
        p.ChangePolicy(policy, body.NoticeWithdrawalAllowed ?? p.NoticeWithdrawalAllowed, body.DecisionRef ?? "");
        audit.DecisionRef = p.PolicyDecisionRef;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new SettingsDto(PolicyName(p.LateNoticePolicy), p.NoticeWithdrawalAllowed, p.PolicyDecisionRef));
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(
        int id, ClaimsPrincipal user, AppDbContext db, PartnershipAccess access, IDocumentStore store, CancellationToken ct)
    {
        var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
        if (document is null || !await access.CanReadAsync(document.PartnershipId, user, ct))
        {
            return Problems.NotFound($"No document {id}.");
        }

        if (document.Kind == Board.BoardWork.CasePaperKind && !user.IsOffice())
        {
            // DIS-3: case papers are read through /api/cases/{id}/papers/{paperId}, which checks recusal.
            return Problems.Forbidden("Case papers are read through the case (GET /api/cases/{id}/papers/{paperId}).", "DIS-3");
        }

        var orgnr = document.MemberId is { } memberId ? await db.Members.Where(m => m.Id == memberId).Select(m => m.Orgnr).SingleAsync(ct) : null;
        if (!user.IsOffice() && !user.IsInRole(Roles.Board) && (orgnr is null || user.Orgnr() != orgnr))
        {
            return Problems.Forbidden("Member documents are for the office, the board and the member itself.");
        }

        return await store.DownloadAsync(document, ct);
    }

    private static async Task<Results<Ok<Enhet>, ProblemHttpResult>> Lookup(string orgnr, IEnhetsregisteret registry, CancellationToken ct)
    {
        if (!OrganisationNumber.TryParse(orgnr, out var number))
        {
            return Problems.Invalid("orgnr", $"'{orgnr}' is not a valid organisation number (9 digits, mod-11 check).");
        }

        try
        {
            var unit = await registry.LookupAsync(number.Value, ct);
            return unit is null ? Problems.NotFound($"{number} is not in Enhetsregisteret.") : TypedResults.Ok(unit);
        }
        catch (EnhetsregisteretUnavailableException e)
        {
            return Problems.Rule(StatusCodes.Status503ServiceUnavailable, "Enhetsregisteret unavailable", $"{e.Message} Fill in name and address by hand.");
        }
    }

    public static string PolicyName(LateNoticePolicy policy) =>
        policy == LateNoticePolicy.Refused ? "refused" : "effective-year-after-next";

    private static SuccessionDto ToDto(Succession s) => new(
        s.Id,
        s.Kind.ToString().ToLowerInvariant(),
        s.EffectiveOn,
        s.Description,
        s.DecisionRef,
        s.Parties.Where(p => p.IsPredecessor).Select(p => p.Orgnr).ToList(),
        s.Parties.Where(p => !p.IsPredecessor).Select(p => new SuccessorDto(p.Orgnr, p.Name, p.BecameMember)).ToList());
}
