using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Board;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Infrastructure;

namespace Partnerskap.Web.Features.Meetings;

/// <summary>The voting engine's API for annual and board meetings (api.md "Meetings and voting"): credentials, votes, ballots, receipts.</summary>
public static class MeetingsApi
{
    public sealed record CredentialBody(string? Orgnr, string? RepresentativeEmail, int? Weight, int? ProxyDocumentId);

    public sealed record PresenceBody(bool? Present);

    public sealed record VoteBody(string? Question, List<string>? Options, int? CaseId, bool? Secret);

    public sealed record IdDto(int Id);

    /// <summary>One ballot (<c>orgnr</c>, <c>choice</c>), or several at once (<c>ballots</c>) for a representative holding several members.</summary>
    public sealed record BallotBody(string? Orgnr, string? Choice, List<BallotRequest>? Ballots);

    public sealed record ReceiptDto(string Receipt, IReadOnlyList<BallotReceipt> Receipts);

    public sealed record ReceiptCheckDto(string Receipt, int VoteId, string Question, string? Orgnr, DateTimeOffset CastAt, bool Counted, string? Choice);

    /// <summary>A paper ballot's first entry (<c>voteId</c>, <c>orgnr</c>, <c>choice</c>), or the second entry (<c>orgnr</c>, <c>choice</c>).</summary>
    public sealed record PaperBallotBody(int? VoteId, string? Orgnr, string? Choice);

    public static IServiceCollection AddMeetings(this IServiceCollection services)
    {
        services.AddScoped<Voting>().AddScoped<Credentials>().AddScoped<PaperBallots>();
        services.AddSingleton<LiveResults>().AddHostedService(sp => sp.GetRequiredService<LiveResults>());
        services.AddSingleton<BallotWriter>().AddHostedService(sp => sp.GetRequiredService<BallotWriter>());
        return services; // SignalR itself (and its Redis scale-out) is registered once, in Infrastructure/Realtime.cs
    }

    public static IEndpointRouteBuilder MapMeetingsApi(this IEndpointRouteBuilder api)
    {
        var m = api.MapGroup("/meetings/{id:int}").WithTags("Meetings and voting").AddEndpointFilter<RuleViolationFilter>();
        m.MapGet("/credentials", ListCredentials).RequireAuthorization(Policies.LoggedIn).WithSummary("Who represents whom (credential list)");
        m.MapPost("/credentials", GrantCredential).RequireAuthorization(Policies.Office).WithSummary("Credential a member's representative or a proxy (MEM-5, ORG-1; office)");
        m.MapDelete("/credentials/{credentialId:int}", RevokeCredential).RequireAuthorization(Policies.Office).WithSummary("Revoke a credential (office)");
        m.MapPost("/credentials/{credentialId:int}/presence", SetPresence).RequireAuthorization(Policies.Office).WithSummary("Roll call: present, left, returned (office)");
        m.MapGet("/votes", ListVotes).RequireAuthorization(Policies.LoggedIn).WithSummary("The meeting's votes");
        m.MapGet("/paper-ballots", ListPaperBallots).RequireAuthorization(Policies.Office).WithSummary("Paper ballots: awaiting a second entry, or counted (office)");
        m.MapPost("/paper-ballots", RegisterPaperBallot).RequireAuthorization(Policies.Office)
            .WithSummary("First entry of a paper ballot: member and choice; counts only once a second office user confirms it (ORG-1; office)");
        m.MapPost("/paper-ballots/{paperBallotId:int}/confirmation", ConfirmPaperBallot).RequireAuthorization(Policies.Office)
            .WithSummary("Second entry by a different office user: the same member and choice → counted once, receipt (ORG-1; office)");
        m.MapDelete("/paper-ballots/{paperBallotId:int}", WithdrawPaperBallot).RequireAuthorization(Policies.Office).WithSummary("Withdraw a paper ballot not yet confirmed (office)");
        m.MapPost("/votes", CreateVote).RequireAuthorization(Policies.Office).WithSummary("Prepare a vote (draft; default options for/mot/avstår; office)");

        var v = api.MapGroup("/votes/{id:int}").WithTags("Meetings and voting").AddEndpointFilter<RuleViolationFilter>();
        v.MapGet("/", GetVote).RequireAuthorization(Policies.LoggedIn).WithSummary("A vote: status, eligible, cast, counts, outcome");
        v.MapPost("/open", OpenVote).RequireAuthorization(Policies.Office).WithSummary("Open a vote (quorum per the statutes, ORG-1; office)");
        v.MapPost("/close", CloseVote).RequireAuthorization(Policies.Office).WithSummary("Close a vote: the result is frozen (office)");
        v.MapPost("/ballots", CastBallot).RequireAuthorization(Policies.LoggedIn).WithSummary("Cast a ballot for a member you represent (or yourself on the board) → receipt");

        api.MapGet("/receipts/{receipt}", CheckReceipt).RequireAuthorization(Policies.LoggedIn).WithTags("Meetings and voting")
            .AddEndpointFilter<RuleViolationFilter>().WithSummary("Check that a ballot with this receipt is counted");
        return api;
    }

    private static async Task<Ok<List<CredentialDto>>> ListCredentials(int id, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, Credentials credentials, CancellationToken ct) =>
        TypedResults.Ok(await credentials.ListAsync(await GovernanceApi.LoadMeetingAsync(id, user, access, db, ct), ct));

    private static async Task<Created<CredentialDto>> GrantCredential(int id, CredentialBody body, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db,
        Credentials credentials, CancellationToken ct)
    {
        var meeting = await GovernanceApi.LoadMeetingAsync(id, user, access, db, ct);
        var credential = await credentials.GrantAsync(meeting, new GrantCredential(id, body.Orgnr, body.RepresentativeEmail, body.Weight, body.ProxyDocumentId), ct);
        var dto = (await credentials.ListAsync(meeting, ct)).Single(c => c.Id == credential.Id);
        return TypedResults.Created($"/api/meetings/{id}/credentials", dto);
    }

    private static async Task<NoContent> RevokeCredential(int id, int credentialId, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db,
        Credentials credentials, CancellationToken ct)
    {
        await credentials.RevokeAsync(await GovernanceApi.LoadMeetingAsync(id, user, access, db, ct), credentialId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> SetPresence(int id, int credentialId, PresenceBody body, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db,
        Credentials credentials, CancellationToken ct)
    {
        var present = body.Present ?? throw RuleViolation.Invalid("present", "Say whether the representative is present.");
        await credentials.SetPresentAsync(await GovernanceApi.LoadMeetingAsync(id, user, access, db, ct), credentialId, present, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<List<VoteView>>> ListVotes(int id, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, Voting voting, CancellationToken ct)
    {
        var meeting = await GovernanceApi.LoadMeetingAsync(id, user, access, db, ct);
        var votes = await db.Votes.AsNoTracking().Where(v => v.MeetingId == id).OrderBy(v => v.Id).ToListAsync(ct);
        var views = new List<VoteView>();
        foreach (var vote in votes)
        {
            views.Add(await voting.ViewAsync(vote, meeting, ct));
        }

        return TypedResults.Ok(views);
    }

    private static async Task<Ok<List<PaperBallotDto>>> ListPaperBallots(int id, int? voteId, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db,
        PaperBallots papers, CancellationToken ct) =>
        TypedResults.Ok(await papers.ListAsync(await GovernanceApi.LoadMeetingAsync(id, user, access, db, ct), voteId, ct));

    private static async Task<(Domain.Meetings.Vote Vote, Domain.Meetings.Meeting Meeting)> MeetingVoteAsync(int id, int voteId, ClaimsPrincipal user,
        PartnershipAccess access, AppDbContext db, CancellationToken ct)
    {
        var meeting = await GovernanceApi.LoadMeetingAsync(id, user, access, db, ct);
        var vote = await db.Votes.SingleOrDefaultAsync(v => v.Id == voteId && v.MeetingId == id, ct)
            ?? throw RuleViolation.Invalid("voteId", "Name a vote of this meeting.");
        return (vote, meeting);
    }

    /// <summary>The meeting (404/403 as for the meeting) and the vote a paper ballot of that meeting belongs to, in one query.</summary>
    private static async Task<(Domain.Meetings.Vote Vote, Domain.Meetings.Meeting Meeting)> PaperBallotVoteAsync(int id, int paperBallotId, ClaimsPrincipal user,
        PartnershipAccess access, AppDbContext db, CancellationToken ct)
    {
        var meeting = await GovernanceApi.LoadMeetingAsync(id, user, access, db, ct);
        var vote = await (from p in db.PaperBallots join v in db.Votes.AsNoTracking() on p.VoteId equals v.Id where p.Id == paperBallotId && v.MeetingId == id select v)
            .SingleOrDefaultAsync(ct) ?? throw new KeyNotFoundException($"No paper ballot {paperBallotId} at this meeting.");
        return (vote, meeting);
    }

    private static async Task<Created<PaperBallotDto>> RegisterPaperBallot(int id, PaperBallotBody body, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db,
        PaperBallots papers, UserManager<AppUser> users, CancellationToken ct)
    {
        var (vote, meeting) = await MeetingVoteAsync(id, body.VoteId ?? 0, user, access, db, ct);
        var paper = await papers.RegisterAsync(vote, meeting, users.GetUserId(user)!, body.Orgnr, body.Choice, ct);
        var dto = (await papers.ListAsync(meeting, vote.Id, ct)).Single(p => p.Id == paper.Id);
        return TypedResults.Created($"/api/meetings/{id}/paper-ballots?voteId={vote.Id}", dto);
    }

    private static async Task<Created<ReceiptDto>> ConfirmPaperBallot(int id, int paperBallotId, PaperBallotBody body, ClaimsPrincipal user, PartnershipAccess access,
        AppDbContext db, PaperBallots papers, UserManager<AppUser> users, CancellationToken ct)
    {
        var (vote, meeting) = await PaperBallotVoteAsync(id, paperBallotId, user, access, db, ct);
        var receipt = await papers.ConfirmAsync(vote, meeting, paperBallotId, users.GetUserId(user)!, body.Orgnr, body.Choice, ct);
        return TypedResults.Created($"/api/receipts/{receipt.Receipt}", new ReceiptDto(receipt.Receipt, [receipt]));
    }

    private static async Task<NoContent> WithdrawPaperBallot(int id, int paperBallotId, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db,
        PaperBallots papers, CancellationToken ct)
    {
        var (vote, meeting) = await PaperBallotVoteAsync(id, paperBallotId, user, access, db, ct);
        await papers.WithdrawAsync(vote, meeting, paperBallotId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Created<IdDto>> CreateVote(int id, VoteBody body, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, Voting voting, CancellationToken ct)
    {
        var meeting = await GovernanceApi.LoadMeetingAsync(id, user, access, db, ct);
        var vote = await voting.CreateAsync(meeting, body.Question, body.Options, body.CaseId, body.Secret ?? false, ct);
        return TypedResults.Created($"/api/votes/{vote.Id}", new IdDto(vote.Id));
    }

    private static async Task<Ok<VoteView>> GetVote(int id, ClaimsPrincipal user, PartnershipAccess access, Voting voting, CancellationToken ct)
    {
        var (vote, meeting) = await voting.LoadAsync(id, user, access, ct);
        return TypedResults.Ok(await voting.ViewAsync(vote, meeting, ct));
    }

    private static async Task<Ok<VoteView>> OpenVote(int id, ClaimsPrincipal user, PartnershipAccess access, Voting voting, CancellationToken ct)
    {
        var (vote, meeting) = await voting.LoadAsync(id, user, access, ct);
        return TypedResults.Ok(await voting.OpenAsync(vote, meeting, ct));
    }

    private static async Task<Ok<VoteView>> CloseVote(int id, ClaimsPrincipal user, PartnershipAccess access, Voting voting, CancellationToken ct)
    {
        var (vote, meeting) = await voting.LoadAsync(id, user, access, ct);
        return TypedResults.Ok(await voting.CloseAsync(vote.Id, meeting, ct));
    }

    private static async Task<Created<ReceiptDto>> CastBallot(int id, BallotBody body, ClaimsPrincipal user, PartnershipAccess access, Voting voting,
        UserManager<AppUser> users, CancellationToken ct)
    {
        var (vote, meeting) = await voting.LoadForBallotAsync(id, user, access, ct);
        var userId = users.GetUserId(user) ?? throw RuleViolation.Forbidden("Log in to vote.");
        IReadOnlyList<BallotRequest> ballots = body.Ballots is { Count: > 0 } many ? many : [new BallotRequest(body.Orgnr, body.Choice)];
        var receipts = await voting.CastAsync(vote, meeting, userId, ballots, ct);
        return TypedResults.Created($"/api/receipts/{receipts[0].Receipt}", new ReceiptDto(receipts[0].Receipt, receipts));
    }

    private static async Task<Ok<ReceiptCheckDto>> CheckReceipt(string receipt, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, Voting voting,
        UserManager<AppUser> users, CancellationToken ct)
    {
        var code = receipt.Trim().ToUpperInvariant();
        var ballot = await db.Ballots.AsNoTracking().SingleOrDefaultAsync(b => b.Receipt == code, ct)
            ?? throw new KeyNotFoundException("No ballot with that receipt.");
        var (vote, _) = await voting.LoadAsync(ballot.VoteId, user, access, ct);
        var own = ballot.CastByUserId == users.GetUserId(user);
        // The choice is shown only to the one who cast it, and never for a secret vote (it is not stored).
        return TypedResults.Ok(new ReceiptCheckDto(ballot.Receipt, vote.Id, vote.Question, ballot.Orgnr, ballot.CastAt, true, own ? ballot.Choice : null));
    }
}
