using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Meetings;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Board;
using Partnerskap.Web.Features.Members;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Infrastructure.Documents;

namespace Partnerskap.Web.Features.AnnualMeeting;

/// <summary>The annual meeting beyond voting: statutes' settings (ORG-4), agenda, notice, proposals, decisions (FIN-6), protocol, rehearsal.</summary>
public static class AnnualMeetingApi
{
    public sealed record SettingsBody(int? NoticeDays, int? ProposalDays, int? ReminderDays, string? Majority, int? QuorumPercent, string? QuorumPolicy, string? Source);

    public sealed record SettingsDto(int NoticeDays, int ProposalDays, int ReminderDays, string Majority, int? QuorumPercent, string QuorumPolicy, string Source);

    public sealed record AgendaBody(string? Title, string? Description);

    public sealed record AgendaItemDto(int Id, int Number, string Title, string? Description, IReadOnlyList<AgendaDocumentDto> Documents);

    /// <summary>A paper on an agenda item: download it from <c>url</c> (logged-in users of the partnership).</summary>
    public sealed record AgendaDocumentDto(int DocumentId, string FileName, string Url);

    public sealed record AgendaDocumentBody(string? FileName, string? ContentType, string? ContentBase64);

    public sealed record ProposalBody(string? Orgnr, string? Title, string? Text);

    public sealed record ProposalDto(int Id, string Orgnr, string Title, string Text, DateTimeOffset SubmittedAt, string? BoardRecommendation);

    public sealed record RecommendationBody(string? Recommendation);

    public sealed record AgendaDto(DateOnly? ProposalDeadline, DateTimeOffset? NoticeSentAt, IReadOnlyList<AgendaItemDto> Items, IReadOnlyList<ProposalDto> Proposals);

    public sealed record DecisionBody(string? Title, string? Text, string? Effect, string? EffectTarget);

    public sealed record DecisionDto(int Id, string Number, string Title, string? VoteResult, string? Effect);

    public sealed record ProtocolBody(string? Text, List<string>? CoSigners);

    public sealed record ProtocolDto(int MeetingId, string Status, string Text, string? CoSigner1, string? CoSigner2, DateTimeOffset? Signed1At, DateTimeOffset? Signed2At, int? PdfDocumentId);

    public static IServiceCollection AddAnnualMeeting(this IServiceCollection services) => services
        .AddScoped<AnnualMeetings>()
        .AddScoped<IDecisionEffect, FeeModelEffect>();

    public static IEndpointRouteBuilder MapAnnualMeetingApi(this IEndpointRouteBuilder api)
    {
        var p = api.MapGroup("/partnerships/{slug}").WithTags("Annual meeting").AddEndpointFilter<RuleViolationFilter>();
        p.MapGet("/meeting-settings", GetSettings).RequireAuthorization(Policies.LoggedIn).WithSummary("Notice period, proposal deadline and voting rules from the statutes (ORG-4)");
        p.MapPut("/meeting-settings", PutSettings).RequireAuthorization(Policies.Office).WithSummary("Set them, naming the source document (ORG-4, office)");

        var m = api.MapGroup("/meetings/{id:int}").WithTags("Annual meeting").AddEndpointFilter<RuleViolationFilter>();
        m.MapGet("/agenda", GetAgenda).RequireAuthorization(Policies.LoggedIn).WithSummary("Agenda, proposals with the board's recommendation");
        m.MapPost("/agenda", AddAgendaItem).RequireAuthorization(Policies.Office).WithSummary("Add an agenda item (office)");
        m.MapPost("/agenda/{itemId:int}/documents", AttachAgendaDocument).RequireAuthorization(Policies.Office)
            .WithSummary("Attach a document (base64) to an agenda item; listed in the notice and on the meeting page (office)");
        m.MapGet("/agenda/{itemId:int}/documents/{documentId:int}", AgendaDocument).RequireAuthorization(Policies.LoggedIn)
            .WithSummary("An agenda item's document (logged-in users of the partnership)");
        m.MapPost("/notice", SendNotice).RequireAuthorization(Policies.Office).WithSummary("Send the notice with the agenda: annual meeting to every member's contacts (ORG-4), board meeting to the seat holders (office)");
        m.MapPost("/reminders", SendReminder).RequireAuthorization(Policies.Office).WithSummary("Remind members not yet represented (office)");
        m.MapPost("/proposals", Propose).RequireAuthorization(Policies.LoggedIn).WithSummary("A member's proposal before the deadline (ORG-4)");
        m.MapPost("/rehearsal", MarkRehearsal).RequireAuthorization(Policies.Office).WithSummary("Make this a rehearsal meeting (test ballots, wiped afterwards; office)");
        m.MapDelete("/rehearsal", WipeRehearsal).RequireAuthorization(Policies.Office).WithSummary("Wipe a rehearsal's credentials, votes and ballots (office)");
        m.MapGet("/protocol", GetProtocol).RequireAuthorization(Policies.LoggedIn).WithSummary("The protocol");
        m.MapPost("/protocol", GenerateProtocol).RequireAuthorization(Policies.Office).WithSummary("Generate the protocol draft (office)");
        m.MapPut("/protocol", EditProtocol).RequireAuthorization(Policies.Office).WithSummary("Edit the protocol and name the two co-signers (office)");
        m.MapPost("/protocol/approvals", ApproveProtocol).RequireAuthorization(Policies.LoggedIn).WithSummary("A co-signer approves the protocol");
        m.MapPost("/protocol/publish", PublishProtocol).RequireAuthorization(Policies.Office).WithSummary("Publish the approved protocol as PDF (office)");
        m.MapGet("/protocol/pdf", ProtocolPdf).RequireAuthorization(Policies.LoggedIn).WithSummary("The protocol as PDF");

        api.MapPost("/proposals/{id:int}/recommendation", Recommend).RequireAuthorization(Policies.Office).WithTags("Annual meeting")
            .AddEndpointFilter<RuleViolationFilter>().WithSummary("The board's recommendation on a proposal (office)");
        api.MapPost("/votes/{id:int}/decision", Decide).RequireAuthorization(Policies.Office).WithTags("Annual meeting")
            .AddEndpointFilter<RuleViolationFilter>().WithSummary("Record the annual meeting's decision on an adopted vote, with its effect (FIN-6: fee-model; office)");
        return api;
    }

    private static SettingsDto ToDto(MeetingSettings s) =>
        new(s.NoticeDays, s.ProposalDays, s.ReminderDays, s.Majority.ToString(), s.QuorumPercent, s.QuorumPolicy.ToString(), s.Source);

    private static async Task<Ok<SettingsDto>> GetSettings(string slug, ClaimsPrincipal user, PartnershipAccess access, AnnualMeetings meetings, CancellationToken ct) =>
        TypedResults.Ok(ToDto(await meetings.SettingsAsync((await GovernanceApi.ReadAsync(access, slug, user, ct)).Id, ct)));

    private static async Task<Ok<SettingsDto>> PutSettings(string slug, SettingsBody body, ClaimsPrincipal user, PartnershipAccess access, AnnualMeetings meetings, CancellationToken ct)
    {
        var partnership = await GovernanceApi.ReadAsync(access, slug, user, ct);
        var majority = body.Majority is null ? MajorityRule.SimpleOfCast
            : Enum.TryParse<MajorityRule>(body.Majority, true, out var mr) ? mr : throw RuleViolation.Invalid("majority", "SimpleOfCast, AbsoluteOfCast or TwoThirdsOfCast.", "ORG-1");
        var policy = body.QuorumPolicy is null ? QuorumPolicy.Refuse
            : Enum.TryParse<QuorumPolicy>(body.QuorumPolicy, true, out var qp) ? qp : throw RuleViolation.Invalid("quorumPolicy", "Refuse or Mark.", "ORG-1");
        var settings = await meetings.ChangeSettingsAsync(partnership.Id, body.NoticeDays ?? 21, body.ProposalDays ?? 14, body.ReminderDays ?? 7,
            new VotingRules(majority, body.QuorumPercent, policy, body.Source), body.Source, ct);
        return TypedResults.Ok(ToDto(settings));
    }

    private static async Task<Ok<AgendaDto>> GetAgenda(int id, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, AnnualMeetings meetings, CancellationToken ct)
    {
        var meeting = await GovernanceApi.LoadMeetingAsync(id, user, access, db, ct);
        var items = await db.AgendaItems.AsNoTracking().Where(a => a.MeetingId == id).OrderBy(a => a.Number).ToListAsync(ct);
        var proposals = await db.Proposals.AsNoTracking().Where(p => p.MeetingId == id).OrderBy(p => p.Id).ToListAsync(ct);
        var papers = await meetings.AgendaPapersAsync(id, ct);
        return TypedResults.Ok(new AgendaDto(meeting.ProposalDeadline, meeting.NoticeSentAt, items.Select(i => new AgendaItemDto(i.Id, i.Number, i.Title, i.Description,
            papers.Where(p => p.AgendaItemId == i.Id).Select(p => ToDto(id, p)).ToList())).ToList(), proposals.Select(ToDto).ToList()));
    }

    private static AgendaDocumentDto ToDto(int meetingId, AnnualMeetings.AgendaPaper p) =>
        new(p.DocumentId, p.FileName, $"/api/meetings/{meetingId}/agenda/{p.AgendaItemId}/documents/{p.DocumentId}");

    private static async Task<Created<AgendaDocumentDto>> AttachAgendaDocument(int id, int itemId, AgendaDocumentBody body, ClaimsPrincipal user, PartnershipAccess access,
        AppDbContext db, AnnualMeetings meetings, CancellationToken ct)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(body.ContentBase64 ?? "");
        }
        catch (FormatException)
        {
            throw RuleViolation.Invalid("contentBase64", "The content is not valid base64.");
        }

        var meeting = await GovernanceApi.LoadMeetingAsync(id, user, access, db, ct);
        var paper = await meetings.AttachAgendaDocumentAsync(meeting, itemId,
            new Upload(body.FileName ?? "sakspapir.pdf", body.ContentType ?? "application/pdf", () => new MemoryStream(bytes)), ct);
        var dto = ToDto(id, paper);
        return TypedResults.Created(dto.Url, dto);
    }

    /// <summary>An agenda paper: for every logged-in user who may read the meeting's partnership (members' contacts too).</summary>
    private static async Task<FileStreamHttpResult> AgendaDocument(int id, int itemId, int documentId, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db,
        IDocumentStore store, CancellationToken ct)
    {
        await GovernanceApi.LoadMeetingAsync(id, user, access, db, ct);
        var document = await (from d in db.AgendaDocuments
                              join a in db.AgendaItems on d.AgendaItemId equals a.Id
                              join s in db.Documents on d.DocumentId equals s.Id
                              where a.MeetingId == id && a.Id == itemId && s.Id == documentId
                              select s).AsNoTracking().SingleOrDefaultAsync(ct) ?? throw new KeyNotFoundException($"No document {documentId} on this agenda item.");
        return await store.DownloadAsync(document, ct);
    }

    private static ProposalDto ToDto(Proposal p) => new(p.Id, p.Orgnr, p.Title, p.Text, p.SubmittedAt, p.BoardRecommendation);

    private static async Task<Created<AgendaItemDto>> AddAgendaItem(int id, AgendaBody body, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db,
        AnnualMeetings meetings, CancellationToken ct)
    {
        var item = await meetings.AddAgendaItemAsync(await GovernanceApi.LoadMeetingAsync(id, user, access, db, ct), body.Title, body.Description, ct);
        return TypedResults.Created($"/api/meetings/{id}/agenda", new AgendaItemDto(item.Id, item.Number, item.Title, item.Description, []));
    }

    /// <summary>One notice endpoint for both kinds: an annual meeting's notice goes to every member's contacts, a board meeting's to the seat holders.</summary>
    private static async Task<IResult> SendNotice(int id, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, AnnualMeetings meetings,
        MeetingPapers papers, TimeProvider clock, CancellationToken ct)
    {
        var meeting = await GovernanceApi.LoadMeetingAsync(id, user, access, db, ct);
        return meeting.Kind == MeetingKind.Board
            ? TypedResults.Ok(new BoardApi.NoticeDto(await papers.SendNoticeAsync(meeting, ct), clock.GetUtcNow()))
            : TypedResults.Ok(await meetings.SendNoticeAsync(meeting, ct));
    }

    private static async Task<Ok<Sent>> SendReminder(int id, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, AnnualMeetings meetings, CancellationToken ct) =>
        TypedResults.Ok(await meetings.SendReminderAsync(await GovernanceApi.LoadMeetingAsync(id, user, access, db, ct), ct));

    private static async Task<Created<ProposalDto>> Propose(int id, ProposalBody body, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db,
        AnnualMeetings meetings, CancellationToken ct)
    {
        var meeting = await GovernanceApi.LoadMeetingAsync(id, user, access, db, ct);
        var orgnr = user.IsOffice() ? body.Orgnr?.Trim() ?? "" : user.Orgnr() ?? throw RuleViolation.Forbidden("Only a member's contact (or the office) proposes.");
        if (!user.IsOffice() && body.Orgnr is { Length: > 0 } o && o.Trim() != orgnr)
        {
            throw RuleViolation.Forbidden("A member contact proposes for its own organisation.");
        }

        var proposal = await meetings.ProposeAsync(meeting, orgnr, body.Title, body.Text, user.Identity?.Name ?? "", ct);
        return TypedResults.Created($"/api/meetings/{id}/agenda", ToDto(proposal));
    }

    private static async Task<Ok<ProposalDto>> Recommend(int id, RecommendationBody body, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db,
        AnnualMeetings meetings, CancellationToken ct)
    {
        var proposal = await db.Proposals.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new KeyNotFoundException($"No proposal {id}.");
        var meeting = await GovernanceApi.LoadMeetingAsync(proposal.MeetingId, user, access, db, ct);
        return TypedResults.Ok(ToDto(await meetings.RecommendAsync(id, meeting.PartnershipId, body.Recommendation, ct)));
    }

    private static async Task<Created<DecisionDto>> Decide(int id, DecisionBody body, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db,
        AnnualMeetings meetings, CancellationToken ct)
    {
        var vote = await db.Votes.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, ct) ?? throw new KeyNotFoundException($"No vote {id}.");
        await GovernanceApi.LoadMeetingAsync(vote.MeetingId, user, access, db, ct);
        var d = await meetings.DecideAsync(id, body.Title, body.Text, body.Effect, body.EffectTarget, ct);
        return TypedResults.Created($"/api/votes/{id}", new DecisionDto(d.Id, d.Number, d.Title, d.VoteResult, d.Effect));
    }

    private static async Task<NoContent> MarkRehearsal(int id, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, CancellationToken ct)
    {
        var meeting = await GovernanceApi.LoadMeetingAsync(id, user, access, db, ct);
        if (await db.Votes.AnyAsync(v => v.MeetingId == id, ct))
        {
            throw RuleViolation.Conflict("The meeting already has votes: only a new meeting can be a rehearsal.");
        }

        meeting.MarkRehearsal();
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<int>> WipeRehearsal(int id, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, AnnualMeetings meetings, CancellationToken ct) =>
        TypedResults.Ok(await meetings.WipeRehearsalAsync(await GovernanceApi.LoadMeetingAsync(id, user, access, db, ct), ct));

    public static async Task<ProtocolDto> ToDtoAsync(Protocol p, AppDbContext db, CancellationToken ct)
    {
        var emails = await db.Users.AsNoTracking().Where(u => u.Id == p.CoSigner1UserId || u.Id == p.CoSigner2UserId).ToDictionaryAsync(u => u.Id, u => u.Email ?? "", ct);
        return new ProtocolDto(p.MeetingId, p.Status.ToString().ToLowerInvariant(), p.Text, p.CoSigner1UserId is null ? null : emails.GetValueOrDefault(p.CoSigner1UserId),
            p.CoSigner2UserId is null ? null : emails.GetValueOrDefault(p.CoSigner2UserId), p.Signed1At, p.Signed2At, p.PdfDocumentId);
    }

    private static async Task<Ok<ProtocolDto>> GetProtocol(int id, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, CancellationToken ct)
    {
        await GovernanceApi.LoadMeetingAsync(id, user, access, db, ct);
        var protocol = await db.Protocols.AsNoTracking().SingleOrDefaultAsync(p => p.MeetingId == id, ct) ?? throw new KeyNotFoundException("No protocol yet.");
        return TypedResults.Ok(await ToDtoAsync(protocol, db, ct));
    }

    private static async Task<Created<ProtocolDto>> GenerateProtocol(int id, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, AnnualMeetings meetings, CancellationToken ct)
    {
        var protocol = await meetings.GenerateProtocolAsync(await GovernanceApi.LoadMeetingAsync(id, user, access, db, ct), ct);
        return TypedResults.Created($"/api/meetings/{id}/protocol", await ToDtoAsync(protocol, db, ct));
    }

    private static async Task<Ok<ProtocolDto>> EditProtocol(int id, ProtocolBody body, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db,
        AnnualMeetings meetings, CancellationToken ct)
    {
        var signers = body.CoSigners;
        if (signers is not null && signers.Count != 2)
        {
            throw RuleViolation.Invalid("coSigners", "Name exactly two co-signers.");
        }

        var protocol = await meetings.EditProtocolAsync(await GovernanceApi.LoadMeetingAsync(id, user, access, db, ct), body.Text, signers?[0], signers?[1], ct);
        return TypedResults.Ok(await ToDtoAsync(protocol, db, ct));
    }

    private static async Task<Ok<ProtocolDto>> ApproveProtocol(int id, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, AnnualMeetings meetings,
        UserManager<AppUser> users, CancellationToken ct)
    {
        var protocol = await meetings.ApproveProtocolAsync(await GovernanceApi.LoadMeetingAsync(id, user, access, db, ct), users.GetUserId(user)!, ct);
        return TypedResults.Ok(await ToDtoAsync(protocol, db, ct));
    }

    private static async Task<Ok<ProtocolDto>> PublishProtocol(int id, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, AnnualMeetings meetings, CancellationToken ct)
    {
        var (protocol, _) = await meetings.PublishProtocolAsync(await GovernanceApi.LoadMeetingAsync(id, user, access, db, ct), ct);
        return TypedResults.Ok(await ToDtoAsync(protocol, db, ct));
    }

    private static async Task<FileContentHttpResult> ProtocolPdf(int id, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, AnnualMeetings meetings, CancellationToken ct)
    {
        var meeting = await GovernanceApi.LoadMeetingAsync(id, user, access, db, ct);
        var protocol = await db.Protocols.AsNoTracking().SingleOrDefaultAsync(p => p.MeetingId == id, ct) ?? throw new KeyNotFoundException("No protocol yet.");
        return TypedResults.File(await meetings.RenderAsync(meeting, protocol, ct), "application/pdf", $"protokoll-{meeting.Date:yyyy-MM-dd}.pdf");
    }
}
