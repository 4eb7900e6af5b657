using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Board;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Meetings;
using Partnerskap.Domain.Members;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Infrastructure;

namespace Partnerskap.Web.Features.Board;

/// <summary>
/// The governance core shared by the annual meeting, the board and the portfolio: board seats, meetings, cases with
/// parties and recusals (DIS-3), and the decision register (ORG-2). api.md "Programme board" and "Meetings and voting".
/// </summary>
public static class GovernanceApi
{
    public sealed record SeatBody(string? UserEmail, string? Role, DateOnly? From, DateOnly? To);

    public sealed record SeatDto(int Id, string UserEmail, string Name, string Role, DateOnly From, DateOnly? To, string? OrganisationOrgnr);

    public sealed record MeetingBody(string? Kind, string? Title, DateTimeOffset? StartsAt, string? Location);

    public sealed record MeetingDto(int Id, string Kind, string Title, DateTimeOffset StartsAt, DateOnly Date, string? Location, string Status);

    public sealed record CaseBody(string? Title, List<string>? PartyOrgnrs, bool? Restricted, string? Presentation, string? ProposedDecision);

    public sealed record CaseDto(int Id, string Number, string Title, string Kind, string Status, int? MeetingId, bool Restricted,
        IReadOnlyList<string> PartyOrgnrs, string? Link);

    public sealed record RecusalBody(string? UserEmail, string? Reason);

    public sealed record RecusalDto(int Id, int CaseId, string UserEmail, string Reason, string Status);

    public sealed record DecisionDto(int Id, string Number, string Body, DateOnly DecidedOn, string Title, string Text, int? CaseId, int? MeetingId,
        string? VoteResult, string Status, string? Owner, DateOnly? DueOn, DateOnly? ClosedOn, int? FollowsDecisionId);

    public static IServiceCollection AddGovernance(this IServiceCollection services) => services
        .AddScoped<BoardSeats>()
        .AddScoped<Cases>()
        .AddScoped<DecisionRegister>()
        .AddScoped<IDecisionEffect, DissolutionEffect>();

    public static IEndpointRouteBuilder MapGovernanceApi(this IEndpointRouteBuilder api)
    {
        var p = api.MapGroup("/partnerships/{slug}").WithTags("Governance").AddEndpointFilter<RuleViolationFilter>();
        p.MapGet("/board", ListSeats).RequireAuthorization(Policies.LoggedIn).WithSummary("Programme-board seats with terms (ORG-2)");
        p.MapPost("/board", AddSeat).RequireAuthorization(Policies.Office).WithSummary("Give a person a seat on the programme board (office)");
        p.MapGet("/meetings", ListMeetings).RequireAuthorization(Policies.LoggedIn).WithSummary("Annual and board meetings");
        p.MapPost("/meetings", AddMeeting).RequireAuthorization(Policies.Office).WithSummary("Plan a meeting: annual or board (office)");
        p.MapGet("/decisions", ListDecisions).RequireAuthorization(Policies.LoggedIn).WithSummary("The decision register (ORG-2)");

        var m = api.MapGroup("/meetings/{id:int}").WithTags("Governance").AddEndpointFilter<RuleViolationFilter>();
        m.MapGet("/", GetMeeting).RequireAuthorization(Policies.LoggedIn).WithSummary("A meeting");
        m.MapPost("/cases", AddCase).RequireAuthorization(Policies.Office).WithSummary("Put a case on the meeting's agenda, with its parties (DIS-3, office)");

        var c = api.MapGroup("/cases/{id:int}").WithTags("Governance").AddEndpointFilter<RuleViolationFilter>();
        c.MapPost("/recusals", AddRecusal).RequireAuthorization(Policies.Office).WithSummary("Record a declared conflict of interest (DIS-3, office)");
        return api;
    }

    private static async Task<Ok<List<SeatDto>>> ListSeats(string slug, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, CancellationToken ct)
    {
        var partnership = await ReadAsync(access, slug, user, ct);
        var seats = await (from s in db.BoardSeats.AsNoTracking()
                           join u in db.Users on s.UserId equals u.Id
                           where s.PartnershipId == partnership.Id
                           orderby s.From
                           select new { s, u.Email, u.Name }).ToListAsync(ct);
        return TypedResults.Ok(seats.Select(x => new SeatDto(x.s.Id, x.Email ?? "", x.Name, ToApi(x.s.Role), x.s.From, x.s.To, x.s.OrganisationOrgnr)).ToList());
    }

    private static async Task<Created<SeatDto>> AddSeat(string slug, SeatBody body, ClaimsPrincipal user, PartnershipAccess access, BoardWork work, CancellationToken ct)
    {
        var partnership = await ReadAsync(access, slug, user, ct);
        var (seat, person) = await work.AddSeatAsync(partnership.Id, body.UserEmail, body.Role, body.From, body.To, ct);
        return TypedResults.Created($"/api/partnerships/{slug}/board", new SeatDto(seat.Id, person.Email ?? "", person.Name, ToApi(seat.Role), seat.From, seat.To, person.Orgnr));
    }

    private static async Task<Ok<List<MeetingDto>>> ListMeetings(string slug, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, CancellationToken ct)
    {
        var partnership = await ReadAsync(access, slug, user, ct);
        var meetings = await db.Meetings.AsNoTracking().Where(x => x.PartnershipId == partnership.Id).ToListAsync(ct);
        return TypedResults.Ok(meetings.OrderByDescending(x => x.StartsAt).Select(ToDto).ToList());
    }

    private static async Task<Created<MeetingDto>> AddMeeting(string slug, MeetingBody body, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, CancellationToken ct)
    {
        var partnership = await ReadAsync(access, slug, user, ct);
        var kind = body.Kind?.Trim().ToLowerInvariant() switch
        {
            "annual" => MeetingKind.Annual,
            "board" => MeetingKind.Board,
            _ => throw RuleViolation.Invalid("kind", "Kind is annual or board."),
        };
        var startsAt = body.StartsAt ?? throw RuleViolation.Invalid("startsAt", "Give the start time.");
        var meeting = new Meeting(partnership.Id, kind, body.Title ?? "", startsAt.ToUniversalTime(), body.Location);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/meetings/{meeting.Id}", ToDto(meeting));
    }

    private static async Task<Ok<MeetingDto>> GetMeeting(int id, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(ToDto(await LoadMeetingAsync(id, user, access, db, ct)));

    private static async Task<Created<CaseDto>> AddCase(int id, CaseBody body, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, Cases cases, CancellationToken ct)
    {
        var meeting = await LoadMeetingAsync(id, user, access, db, ct);
        var parties = new List<string>();
        foreach (var orgnr in body.PartyOrgnrs ?? [])
        {
            parties.Add(OrganisationNumber.TryParse(orgnr, out var n) ? n.Value
                : throw RuleViolation.Invalid("partyOrgnrs", $"'{orgnr}' is not a valid organisation number."));
        }

        var kind = meeting.Kind == MeetingKind.Annual ? CaseKind.AnnualMeeting : CaseKind.Ordinary;
        var boardCase = await cases.OpenAsync(new NewCase(meeting.PartnershipId, body.Title ?? "", kind, parties, body.Restricted ?? false, null, meeting.Id,
            body.Presentation, body.ProposedDecision), ct);
        return TypedResults.Created($"/api/cases/{boardCase.Id}", ToDto(boardCase));
    }

    private static async Task<Created<RecusalDto>> AddRecusal(int id, RecusalBody body, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db,
        UserManager<AppUser> users, TimeProvider clock, CancellationToken ct)
    {
        var boardCase = await db.Cases.Include(c => c.Recusals).SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new KeyNotFoundException($"No case {id}.");
        if (!await access.CanReadAsync(boardCase.PartnershipId, user, ct))
        {
            throw RuleViolation.Forbidden("You do not have access to this case.");
        }

        var person = string.IsNullOrWhiteSpace(body.UserEmail) ? null : await users.FindByEmailAsync(body.UserEmail.Trim());
        if (person is null)
        {
            throw RuleViolation.Invalid("userEmail", "No user with that e-mail.");
        }

        var recusal = boardCase.DeclareConflict(person.Id, body.Reason ?? "", clock.GetUtcNow()); // DIS-3
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/cases/{id}", new RecusalDto(recusal.Id, id, person.Email ?? "", recusal.Reason, recusal.Status.ToString().ToLowerInvariant()));
    }

    private static async Task<Ok<List<DecisionDto>>> ListDecisions(string slug, int? year, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db,
        BoardWork work, CancellationToken ct)
    {
        var partnership = await ReadAsync(access, slug, user, ct);
        var query = db.Decisions.AsNoTracking().Where(d => d.PartnershipId == partnership.Id);
        if (year is { } y)
        {
            query = query.Where(d => d.Year == y);
        }

        var decisions = await query.OrderBy(d => d.Year).ThenBy(d => d.Sequence).ToListAsync(ct);
        var withheld = await work.WithheldDecisionCasesAsync(decisions.Where(d => d.CaseId != null).Select(d => d.CaseId!.Value), user, ct); // DIS-3
        return TypedResults.Ok(decisions.Select(d => new DecisionDto(d.Id, d.Number, d.Body == Domain.Decisions.DecisionBody.Board ? "board" : "annual-meeting",
            d.DecidedOn, d.Title, d.CaseId is { } c && withheld.Contains(c) ? WithheldText : d.Text, d.CaseId, d.MeetingId, d.VoteResult, d.Status.ToString().ToLowerInvariant(), d.Owner, d.DueOn, d.ClosedOn,
            d.FollowsDecisionId)).ToList());
    }

    /// <summary>Shown instead of the text of a restricted case's decision to those who may not read the case (DIS-3).</summary>
    public const string WithheldText = "Unntatt offentlighet (begrenset sak).";

    /// <summary>The partnership by slug, or throws 404 / 403 (RuleViolationFilter maps them).</summary>
    public static async Task<Domain.Partnerships.Partnership> ReadAsync(PartnershipAccess access, string slug, ClaimsPrincipal user, CancellationToken ct)
    {
        var (outcome, partnership) = await access.ReadAsync(slug, user, ct);
        return outcome switch
        {
            PartnershipAccess.Outcome.Allowed => partnership!,
            PartnershipAccess.Outcome.NotFound => throw new KeyNotFoundException($"No partnership '{slug}'."),
            _ => throw RuleViolation.Forbidden($"You do not have access to partnership '{slug}'."),
        };
    }

    /// <summary>A meeting by id the user may read, or throws 404 / 403.</summary>
    public static async Task<Meeting> LoadMeetingAsync(int id, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, CancellationToken ct)
    {
        var meeting = await db.Meetings.SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new KeyNotFoundException($"No meeting {id}.");
        return await access.CanReadAsync(meeting.PartnershipId, user, ct) ? meeting : throw RuleViolation.Forbidden("You do not have access to this meeting.");
    }

    public static string ToApi(BoardRole role) => role.ToString().ToLowerInvariant();

    public static BoardRole? ParseRole(string? role) => role?.Trim().ToLowerInvariant() switch
    {
        "leader" => BoardRole.Leader,
        "deputy" => BoardRole.Deputy,
        "member" => BoardRole.Member,
        "observer" => BoardRole.Observer,
        _ => null,
    };

    public static MeetingDto ToDto(Meeting m) => new(m.Id, m.Kind == MeetingKind.Annual ? "annual" : "board", m.Title, m.StartsAt, m.Date, m.Location,
        m.Status switch { MeetingStatus.NoticeSent => "notice-sent", MeetingStatus.InSession => "in-session", MeetingStatus.Closed => "closed", _ => "planned" });

    public static CaseDto ToDto(BoardCase c) => new(c.Id, c.Number, c.Title, c.Kind.ToString(), c.Status.ToString().ToLowerInvariant(), c.MeetingId, c.Restricted,
        c.Parties.Select(p => p.Orgnr).ToList(), c.Link);
}
