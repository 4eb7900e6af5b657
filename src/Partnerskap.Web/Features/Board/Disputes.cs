using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Board;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Decisions;
using Partnerskap.Domain.Members;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Infrastructure;

namespace Partnerskap.Web.Features.Board;

/// <summary>
/// Disputes between members (DIS-1, DIS-2): a confidential record with a dialogue log, visible only to the office and
/// the parties' contacts; escalation opens a restricted board case with the parties (their board representatives are
/// recused automatically, DIS-3); the board's decision on that case is its mediation proposal; then the outcome.
/// </summary>
public sealed class DisputeWork(AppDbContext db, Cases cases, TimeProvider clock)
{
    public const string MediationEffect = "dispute-mediation";

    /// <summary>DIS-1: the office and the parties' own contacts; nobody else (not even the board) reads the record.</summary>
    public static bool MaySee(Dispute dispute, ClaimsPrincipal user) => user.IsOffice() || dispute.IsParty(user.Orgnr());

    public async Task<Dispute> OpenAsync(int partnershipId, string? subject, IReadOnlyList<string>? partyOrgnrs, ClaimsPrincipal user, CancellationToken ct)
    {
        var parties = new List<string>();
        foreach (var orgnr in partyOrgnrs ?? [])
        {
            var number = OrganisationNumber.TryParse(orgnr, out var n) ? n.Value : throw RuleViolation.Invalid("partyOrgnrs", $"'{orgnr}' is not a valid organisation number.");
            if (!await db.Members.AnyAsync(m => m.PartnershipId == partnershipId && m.Orgnr == number, ct))
            {
                throw RuleViolation.Invalid("partyOrgnrs", $"{number} is not a member of this partnership.", "DIS-1");
            }

            parties.Add(number);
        }

        var dispute = new Dispute(partnershipId, subject ?? "", parties, clock.GetUtcNow());
        if (!MaySee(dispute, user))
        {
            throw RuleViolation.Forbidden("A dispute is registered by the office or by a contact of one of the parties.", "DIS-1");
        }

        db.Disputes.Add(dispute);
        await db.SaveChangesAsync(ct);
        return dispute;
    }

    /// <summary>The dispute, or 404; 403 unless the user may see it (DIS-1).</summary>
    public async Task<Dispute> LoadAsync(int id, ClaimsPrincipal user, CancellationToken ct)
    {
        var dispute = await db.Disputes.Include(d => d.Entries).SingleOrDefaultAsync(d => d.Id == id, ct) ?? throw new KeyNotFoundException($"No dispute {id}.");
        return MaySee(dispute, user) ? dispute : throw RuleViolation.Forbidden("Disputes are confidential: only the office and the parties' contacts see them.", "DIS-1");
    }

    public async Task<DisputeEntry> LogAsync(int id, string? text, ClaimsPrincipal user, CancellationToken ct)
    {
        var dispute = await LoadAsync(id, user, ct);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.Name).SingleOrDefaultAsync(ct);
        var org = user.IsOffice() ? "programkontoret" : user.Orgnr();
        var entry = dispute.Log($"{(string.IsNullOrWhiteSpace(name) ? userId : name)} ({org})", text ?? "", clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return entry;
    }

    /// <summary>DIS-2: escalates to the board as a restricted case with the parties; their board members are recused (DIS-3).</summary>
    public async Task<BoardCase> EscalateAsync(int id, string? presentation, ClaimsPrincipal user, CancellationToken ct)
    {
        var dispute = await LoadAsync(id, user, ct);
        dispute.EnsureMayEscalate();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var boardCase = await cases.OpenAsync(new NewCase(dispute.PartnershipId, $"Tvist: {dispute.Subject}", CaseKind.Dispute, dispute.Parties.ToList(),
            Restricted: true, Link: $"dispute:{dispute.Id}", Presentation: presentation,
            ProposedDecision: "Styret foreslår partene en tilpasset mekling (DIS-2)."), ct);
        dispute.Escalate(boardCase.Id);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return boardCase;
    }

    public async Task<Dispute> ResolveAsync(int id, string? outcome, ClaimsPrincipal user, CancellationToken ct)
    {
        var dispute = await LoadAsync(id, user, ct);
        dispute.Resolve(outcome ?? "", PartnershipTime.Today(clock));
        await db.SaveChangesAsync(ct);
        return dispute;
    }
}

/// <summary>DIS-2: the board's decision on an escalated dispute's case is its mediation proposal.</summary>
public sealed class DisputeMediationEffect(AppDbContext db) : IDecisionEffect
{
    public string Name => DisputeWork.MediationEffect;

    public async Task ApplyAsync(Decision decision, CancellationToken ct)
    {
        var id = int.TryParse(decision.EffectTarget, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n
            : throw RuleViolation.Invalid("effectTarget", "The dispute id.");
        var dispute = await db.Disputes.SingleOrDefaultAsync(d => d.Id == id && d.PartnershipId == decision.PartnershipId, ct)
            ?? throw RuleViolation.Invalid("effectTarget", $"No dispute {id}.");
        dispute.ProposeMediation(decision.Number);
    }
}

public static class DisputesApi
{
    public sealed record DisputeBody(string? Subject, List<string>? PartyOrgnrs);

    public sealed record EntryBody(string? Text);

    public sealed record EscalationBody(string? Presentation);

    public sealed record OutcomeBody(string? Outcome);

    public sealed record EntryDto(DateTimeOffset At, string Author, string Text);

    public sealed record DisputeDto(int Id, string Subject, IReadOnlyList<string> PartyOrgnrs, string Status, DateTimeOffset OpenedAt, int? CaseId,
        string? MediationDecision, string? Outcome, DateOnly? ResolvedOn, IReadOnlyList<EntryDto> Entries);

    public static IServiceCollection AddDisputes(this IServiceCollection services) => services
        .AddScoped<DisputeWork>()
        .AddScoped<IDecisionEffect, DisputeMediationEffect>();

    public static IEndpointRouteBuilder MapDisputesApi(this IEndpointRouteBuilder api)
    {
        var p = api.MapGroup("/partnerships/{slug}/disputes").WithTags("Disputes").AddEndpointFilter<RuleViolationFilter>();
        p.MapGet("/", List).RequireAuthorization(Policies.LoggedIn).WithSummary("Disputes the user may see: all for the office, own for a party's contact (DIS-1)");
        p.MapPost("/", Open).RequireAuthorization(Policies.LoggedIn).WithSummary("Register a dispute between members (office or a party's contact; DIS-1)");

        var d = api.MapGroup("/disputes/{id:int}").WithTags("Disputes").AddEndpointFilter<RuleViolationFilter>();
        d.MapGet("/", Get).RequireAuthorization(Policies.LoggedIn).WithSummary("A dispute with its dialogue log (office and the parties only; 403 DIS-1)");
        d.MapPost("/entries", Log).RequireAuthorization(Policies.LoggedIn).WithSummary("Log the dialogue (DIS-1)");
        d.MapPost("/escalation", Escalate).RequireAuthorization(Policies.LoggedIn)
            .WithSummary("Escalate to the board: a restricted case with the parties, whose board members are recused (DIS-2, DIS-3)");
        d.MapPost("/outcome", Resolve).RequireAuthorization(Policies.Office).WithSummary("Record the outcome (office)");
        return api;
    }

    public static DisputeDto ToDto(Dispute d) => new(d.Id, d.Subject, d.Parties, ToApi(d.Status), d.OpenedAt, d.CaseId, d.MediationDecisionRef, d.Outcome, d.ResolvedOn,
        d.Entries.OrderBy(e => e.At).Select(e => new EntryDto(e.At, e.Author, e.Text)).ToList());

    public static string ToApi(DisputeStatus s) => s switch
    {
        DisputeStatus.MediationProposed => "mediation-proposed",
        _ => s.ToString().ToLowerInvariant(),
    };

    private static async Task<Ok<List<DisputeDto>>> List(string slug, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, CancellationToken ct)
    {
        var partnership = await GovernanceApi.ReadAsync(access, slug, user, ct);
        var all = await db.Disputes.AsNoTracking().Include(d => d.Entries).Where(d => d.PartnershipId == partnership.Id).OrderByDescending(d => d.Id).ToListAsync(ct);
        return TypedResults.Ok(all.Where(d => DisputeWork.MaySee(d, user)).Select(ToDto).ToList());
    }

    private static async Task<Created<DisputeDto>> Open(string slug, DisputeBody body, ClaimsPrincipal user, PartnershipAccess access, DisputeWork work, CancellationToken ct)
    {
        var partnership = await GovernanceApi.ReadAsync(access, slug, user, ct);
        var dispute = await work.OpenAsync(partnership.Id, body.Subject, body.PartyOrgnrs, user, ct);
        return TypedResults.Created($"/api/disputes/{dispute.Id}", ToDto(dispute));
    }

    private static async Task<Ok<DisputeDto>> Get(int id, ClaimsPrincipal user, DisputeWork work, CancellationToken ct) =>
        TypedResults.Ok(ToDto(await work.LoadAsync(id, user, ct)));

    private static async Task<Created<EntryDto>> Log(int id, EntryBody body, ClaimsPrincipal user, DisputeWork work, CancellationToken ct)
    {
        var e = await work.LogAsync(id, body.Text, user, ct);
        return TypedResults.Created($"/api/disputes/{id}", new EntryDto(e.At, e.Author, e.Text));
    }

    private static async Task<Created<GovernanceApi.CaseDto>> Escalate(int id, EscalationBody body, ClaimsPrincipal user, DisputeWork work, CancellationToken ct)
    {
        var boardCase = await work.EscalateAsync(id, body.Presentation, user, ct);
        return TypedResults.Created($"/api/cases/{boardCase.Id}", GovernanceApi.ToDto(boardCase));
    }

    private static async Task<Ok<DisputeDto>> Resolve(int id, OutcomeBody body, ClaimsPrincipal user, DisputeWork work, CancellationToken ct) =>
        TypedResults.Ok(ToDto(await work.ResolveAsync(id, body.Outcome, user, ct)));
}
