using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Board;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Decisions;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Members;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Infrastructure;

namespace Partnerskap.Web.Features.Board;

/// <summary>
/// The programme board (issue 6): terms, register of interests, cases with papers and recusals (DIS-3), decisions on
/// cases and their follow-up (ORG-2), written procedure, board meetings with notice, attendance, minutes and meeting book.
/// </summary>
public static class BoardApi
{
    public sealed record EndSeatBody(DateOnly? To);

    public sealed record InterestBody(string? UserEmail, string? Organisation, string? Orgnr, string? Role, DateOnly? From, DateOnly? To);

    public sealed record InterestDto(int Id, string UserEmail, string Name, string Organisation, string? Orgnr, string Role, DateOnly From, DateOnly? To);

    public sealed record NewCaseBody(string? Title, string? Kind, List<string>? PartyOrgnrs, bool? Restricted, string? Presentation,
        string? ProposedDecision, string? Link, int? MeetingId);

    public sealed record PaperBody(string? Title, string? FileName, string? ContentType, string? ContentBase64);

    public sealed record PaperDto(int Id, string Title);

    public sealed record RecusalView(int? Id, string UserEmail, string Name, string Reason, string Status, bool Automatic);

    public sealed record AnswerView(string UserEmail, string Choice, string? Comment, DateTimeOffset AnsweredAt);

    public sealed record CaseDetailDto(int Id, string Number, string Title, string Kind, string Status, int? MeetingId, bool Restricted,
        IReadOnlyList<string> PartyOrgnrs, string? Link, IReadOnlyList<RecusalView> Recusals, IReadOnlyList<RecusalView> SuggestedRecusals,
        bool PapersWithheld, IReadOnlyList<AnswerView> Answers, int EligibleVoters, string? DecisionNumber);

    public sealed record PapersDto(int CaseId, string? Presentation, string? ProposedDecision, IReadOnlyList<PaperDto> Papers);

    public sealed record AgendaBody(int? MeetingId);

    public sealed record RecusalDecisionBody(bool? Upheld, string? DecisionRef);

    public sealed record ConflictBody(string? Reason);

    public sealed record AnswerBody(string? Choice, string? Comment);

    public sealed record DecideBody(string? Text, string? VoteResult, string? Owner, DateOnly? DueOn, string? FollowsDecision, string? Effect, string? EffectTarget);

    public sealed record FollowUpBody(string? Owner, DateOnly? DueOn, string? Status);

    public sealed record AttendanceBody(List<string>? Present);

    public sealed record ApprovalBody(string? Approval);

    public sealed record NoticeDto(int Recipients, DateTimeOffset SentAt);

    public static IServiceCollection AddBoard(this IServiceCollection services) => services
        .AddScoped<BoardWork>()
        .AddScoped<MeetingPapers>()
        .AddScoped<YearWheel>()
        .AddOptions<YearWheelOptions>().BindConfiguration("Partnerskap:YearWheel").Services
        .AddOptions<BoardOptions>().BindConfiguration("Partnerskap:Board").Services;

    public static IEndpointRouteBuilder MapBoardApi(this IEndpointRouteBuilder api)
    {
        var p = api.MapGroup("/partnerships/{slug}").WithTags("Board").AddEndpointFilter<RuleViolationFilter>();
        p.MapPost("/board/{seatId:int}/end", EndSeat).RequireAuthorization(Policies.Office).WithSummary("End a board seat's term (office)");
        p.MapGet("/interests", ListInterests).RequireAuthorization(Policies.LoggedIn).WithSummary("Register of interests: board members' other roles (DIS-3)");
        p.MapPost("/interests", AddInterest).RequireAuthorization(Policies.Office).WithSummary("Register another role a board member holds (office)");
        p.MapGet("/year-wheel.ics", YearWheelFeed).AllowAnonymous()
            .WithSummary("The year wheel as an iCalendar feed (text/calendar): public dates and meeting times only, no login needed");
        p.MapGet("/cases", ListCases).RequireAuthorization(Policies.LoggedIn).WithSummary("The board's cases");
        p.MapPost("/cases", OpenCase).RequireAuthorization(Policies.Office).WithSummary("Open a board case (office)");

        var c = api.MapGroup("/cases/{id:int}").WithTags("Board").AddEndpointFilter<RuleViolationFilter>();
        c.MapGet("/", GetCase).RequireAuthorization(Policies.LoggedIn).WithSummary("A case with parties, recusals and suggested recusals (DIS-3)");
        c.MapGet("/papers", GetPapers).RequireAuthorization(Policies.LoggedIn).WithSummary("Presentation, proposed decision and documents; restricted papers 403 DIS-3 when recused");
        c.MapPost("/papers", AddPaper).RequireAuthorization(Policies.Office).WithSummary("Add a case document (office)");
        c.MapGet("/papers/{paperId:int}", DownloadPaper).RequireAuthorization(Policies.LoggedIn).WithSummary("A case document; 403 DIS-3 when restricted and recused");
        c.MapPut("/agenda", PutOnAgenda).RequireAuthorization(Policies.Office).WithSummary("Put the case on a board meeting's agenda (office)");
        c.MapPost("/conflicts", DeclareOwn).RequireAuthorization(Policies.LoggedIn).WithSummary("A seat holder declares their own conflict of interest (DIS-3)");
        c.MapPost("/recusals/{recusalId:int}/decision", DecideRecusal).RequireAuthorization(Policies.LoggedIn)
            .WithSummary("The board's finding on a declared conflict (office as secretary, or a seat holder; DIS-3)");
        c.MapPost("/answers", Answer).RequireAuthorization(Policies.LoggedIn).WithSummary("A seat holder's answer in a written procedure (ORG-2, DIS-3)");
        c.MapPost("/decision", Decide).RequireAuthorization(Policies.LoggedIn)
            .WithSummary("Record the board's decision on the case (seat holder, or office as secretary of the meeting; quorum; ORG-2, DIS-3)");

        api.MapPut("/decisions/{id:int}/follow-up", FollowUp).RequireAuthorization(Policies.Office).WithTags("Board").AddEndpointFilter<RuleViolationFilter>()
            .WithSummary("Follow-up of a decision: owner, due date, status; closed → 409 ORG-2 (office)");

        var m = api.MapGroup("/meetings/{id:int}").WithTags("Board").AddEndpointFilter<RuleViolationFilter>();
        // POST /meetings/{id}/notice is mapped once, in AnnualMeetingApi, and sends a board meeting's notice through MeetingPapers.
        m.MapPut("/attendance", RecordAttendance).RequireAuthorization(Policies.Office).WithSummary("Record who was present (office)");
        m.MapGet("/minutes", GetMinutes).RequireAuthorization(Policies.LoggedIn).WithSummary("The minutes: attendance, recusals, decisions");
        m.MapGet("/minutes.pdf", MinutesPdf).RequireAuthorization(Policies.LoggedIn).WithSummary("The minutes as PDF");
        m.MapPost("/minutes/approval", ApproveMinutes).RequireAuthorization(Policies.Office).WithSummary("Record the approval of the minutes (office)");
        m.MapGet("/book.pdf", BookPdf).RequireAuthorization(Policies.LoggedIn).WithSummary("The meeting book as PDF, without restricted papers for recused readers (DIS-3)");
        return api;
    }

    private static async Task<Ok<GovernanceApi.SeatDto>> EndSeat(string slug, int seatId, EndSeatBody body, ClaimsPrincipal user, PartnershipAccess access,
        BoardWork work, AppDbContext db, CancellationToken ct)
    {
        var partnership = await GovernanceApi.ReadAsync(access, slug, user, ct);
        var seat = await work.EndSeatAsync(partnership.Id, seatId, body.To, ct);
        var person = await db.Users.AsNoTracking().SingleAsync(u => u.Id == seat.UserId, ct);
        return TypedResults.Ok(new GovernanceApi.SeatDto(seat.Id, person.Email ?? "", person.Name, GovernanceApi.ToApi(seat.Role), seat.From, seat.To, seat.OrganisationOrgnr));
    }

    private static async Task<IResult> YearWheelFeed(string slug, int? year, PartnershipAccess access, YearWheel wheel, TimeProvider clock, CancellationToken ct)
    {
        // Public: calendar apps cannot log in. Only non-restricted data (recurring dates, meeting titles/times) is in it.
        var partnership = (await access.ListAsync(null, ct)).FirstOrDefault(x => x.Slug == slug);
        if (partnership is null)
        {
            return Problems.NotFound($"No partnership '{slug}'.");
        }

        var first = year ?? PartnershipTime.Today(clock).Year;
        var entries = await wheel.EntriesAsync(partnership.Id, slug, first, ct);
        if (year is null)
        {
            entries.AddRange(await wheel.EntriesAsync(partnership.Id, slug, first + 1, ct)); // this year and the next
        }

        var text = YearWheel.ToICalendar($"{partnership.Name} – årshjul", entries, clock.GetUtcNow());
        return TypedResults.Text(text, "text/calendar; charset=utf-8");
    }

    private static async Task<Ok<List<InterestDto>>> ListInterests(string slug, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, CancellationToken ct)
    {
        var partnership = await GovernanceApi.ReadAsync(access, slug, user, ct);
        var rows = await (from i in db.DeclaredInterests.AsNoTracking()
                          join u in db.Users on i.UserId equals u.Id
                          where i.PartnershipId == partnership.Id
                          select new { i, u.Email, u.Name }).ToListAsync(ct);
        return TypedResults.Ok(rows.OrderBy(r => r.Name, Bokmal.Order).Select(r => ToDto(r.i, r.Email, r.Name)).ToList());
    }

    private static async Task<Created<InterestDto>> AddInterest(string slug, InterestBody body, ClaimsPrincipal user, PartnershipAccess access,
        BoardWork work, CancellationToken ct)
    {
        var partnership = await GovernanceApi.ReadAsync(access, slug, user, ct);
        var interest = await work.AddInterestAsync(partnership.Id, body.UserEmail, body.Organisation, body.Orgnr, body.Role, body.From, body.To, ct);
        var person = await work.FindUserAsync(body.UserEmail);
        return TypedResults.Created($"/api/partnerships/{slug}/interests", ToDto(interest, person.Email, person.Name));
    }

    private static InterestDto ToDto(DeclaredInterest i, string? email, string name) =>
        new(i.Id, email ?? "", name, i.Organisation, i.Orgnr, i.Role, i.From, i.To);

    private static async Task<Ok<List<GovernanceApi.CaseDto>>> ListCases(string slug, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, CancellationToken ct)
    {
        var partnership = await GovernanceApi.ReadAsync(access, slug, user, ct);
        var list = await db.Cases.AsNoTracking().Include(c => c.Parties)
            .Where(c => c.PartnershipId == partnership.Id && c.Kind != CaseKind.AnnualMeeting)
            .OrderByDescending(c => c.Year).ThenByDescending(c => c.Sequence).ToListAsync(ct);
        return TypedResults.Ok(list.Select(GovernanceApi.ToDto).ToList());
    }

    private static async Task<Created<GovernanceApi.CaseDto>> OpenCase(string slug, NewCaseBody body, ClaimsPrincipal user, PartnershipAccess access,
        BoardWork work, CancellationToken ct)
    {
        var partnership = await GovernanceApi.ReadAsync(access, slug, user, ct);
        var boardCase = await work.OpenCaseAsync(partnership.Id, new CaseInput(body.Title, body.Kind, body.PartyOrgnrs, body.Restricted ?? false,
            body.Presentation, body.ProposedDecision, body.Link, body.MeetingId), ct);
        return TypedResults.Created($"/api/cases/{boardCase.Id}", GovernanceApi.ToDto(boardCase));
    }

    /// <summary>The case, after checking the user may read its partnership (404/403).</summary>
    private static async Task<BoardCase> ReadCaseAsync(int id, ClaimsPrincipal user, PartnershipAccess access, BoardWork work, CancellationToken ct)
    {
        var boardCase = await work.LoadCaseAsync(id, ct);
        return await access.CanReadAsync(boardCase.PartnershipId, user, ct) ? boardCase : throw RuleViolation.Forbidden("You do not have access to this case.");
    }

    private static async Task<Ok<CaseDetailDto>> GetCase(int id, ClaimsPrincipal user, PartnershipAccess access, BoardWork work, AppDbContext db,
        TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await DetailAsync(await ReadCaseAsync(id, user, access, work, ct), user, work, db, clock, ct));

    /// <summary>The case as the case page and GET /api/cases/{id} show it.</summary>
    public static async Task<CaseDetailDto> DetailAsync(BoardCase c, ClaimsPrincipal user, BoardWork work, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var on = PartnershipTime.Today(clock);
        var seats = (await db.BoardSeats.AsNoTracking().Where(s => s.PartnershipId == c.PartnershipId).ToListAsync(ct)).Where(s => s.IsHeldOn(on)).ToList();
        var interests = await db.DeclaredInterests.AsNoTracking().Where(i => i.PartnershipId == c.PartnershipId).ToListAsync(ct);
        var ids = seats.Select(s => s.UserId).Concat(c.Recusals.Select(r => r.UserId)).Concat(c.Answers.Select(a => a.UserId)).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => (Email: u.Email ?? "", u.Name), ct);
        RecusalView View(int? rid, string userId, string reason, string status, bool automatic) =>
            new(rid, people.GetValueOrDefault(userId).Email ?? "", people.GetValueOrDefault(userId).Name ?? "", reason, status, automatic);

        var recusals = seats.Where(s => s.OrganisationOrgnr is { } o && c.Parties.Any(p => p.Orgnr == o))
            .Select(s => View(null, s.UserId, $"Organisasjonen {s.OrganisationOrgnr} er part i saken", "automatic", true)).ToList(); // DIS-3
        recusals.AddRange(c.Recusals.Where(r => recusals.All(x => x.UserEmail != people.GetValueOrDefault(r.UserId).Email))
            .Select(r => View(r.Id, r.UserId, r.Reason, r.Status.ToString().ToLowerInvariant(), false)));
        var suggestions = Impartiality.Suggestions(c, seats, interests, on).Select(s => View(null, s.UserId, s.Reason, "suggested", false)).ToList();
        var decision = await db.Decisions.AsNoTracking().Where(d => d.CaseId == c.Id).Select(d => d.Number).FirstOrDefaultAsync(ct);
        return new CaseDetailDto(c.Id, c.Number, c.Title, BoardWork.ToApi(c.Kind), c.Status.ToString().ToLowerInvariant(), c.MeetingId, c.Restricted,
            c.Parties.Select(p => p.Orgnr).ToList(), c.Link, recusals, suggestions, !await work.MayReadPapersAsync(c, user, ct),
            c.Answers.Select(a => new AnswerView(people.GetValueOrDefault(a.UserId).Email ?? "", a.Choice.ToString().ToLowerInvariant(), a.Comment, a.AnsweredAt)).ToList(),
            Impartiality.EligibleVoters(seats, c, on).Count, decision);
    }

    private static async Task<Ok<PapersDto>> GetPapers(int id, ClaimsPrincipal user, PartnershipAccess access, BoardWork work, CancellationToken ct)
    {
        var c = await ReadCaseAsync(id, user, access, work, ct);
        await work.RequirePapersAsync(c, user, ct); // DIS-3
        return TypedResults.Ok(new PapersDto(c.Id, c.Presentation, c.ProposedDecision, c.Papers.Select(p => new PaperDto(p.Id, p.Title)).ToList()));
    }

    private static async Task<Created<PaperDto>> AddPaper(int id, PaperBody body, BoardWork work, CancellationToken ct)
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

        var paper = await work.AddPaperAsync(id, body.Title, new Upload(body.FileName ?? "dokument.pdf", body.ContentType ?? "application/pdf", () => new MemoryStream(bytes)), ct);
        return TypedResults.Created($"/api/cases/{id}/papers/{paper.Id}", new PaperDto(paper.Id, paper.Title));
    }

    private static async Task<FileStreamHttpResult> DownloadPaper(int id, int paperId, ClaimsPrincipal user, PartnershipAccess access, BoardWork work, CancellationToken ct)
    {
        var c = await ReadCaseAsync(id, user, access, work, ct);
        var (content, document) = await work.OpenPaperAsync(c, paperId, user, ct); // DIS-3
        return TypedResults.File(content, document.ContentType, document.FileName);
    }

    private static async Task<NoContent> PutOnAgenda(int id, AgendaBody body, BoardWork work, CancellationToken ct)
    {
        await work.PutOnAgendaAsync(id, body.MeetingId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Created<GovernanceApi.RecusalDto>> DeclareOwn(int id, ConflictBody body, ClaimsPrincipal user, PartnershipAccess access,
        BoardWork work, CancellationToken ct)
    {
        await ReadCaseAsync(id, user, access, work, ct);
        var recusal = await work.DeclareOwnConflictAsync(id, body.Reason, Actor.Of(user), ct);
        return TypedResults.Created($"/api/cases/{id}", new GovernanceApi.RecusalDto(recusal.Id, id, user.FindFirstValue(ClaimTypes.Email) ?? "", recusal.Reason, "declared"));
    }

    private static async Task<Ok<GovernanceApi.RecusalDto>> DecideRecusal(int id, int recusalId, RecusalDecisionBody body, ClaimsPrincipal user,
        PartnershipAccess access, BoardWork work, AppDbContext db, CancellationToken ct)
    {
        await ReadCaseAsync(id, user, access, work, ct);
        var upheld = body.Upheld ?? throw RuleViolation.Invalid("upheld", "Say whether the board upheld the conflict (true) or not (false).");
        var recusal = await work.DecideRecusalAsync(id, recusalId, upheld, body.DecisionRef, Actor.Of(user), ct);
        var email = await db.Users.Where(u => u.Id == recusal.UserId).Select(u => u.Email).SingleAsync(ct);
        return TypedResults.Ok(new GovernanceApi.RecusalDto(recusal.Id, id, email ?? "", recusal.Reason, recusal.Status.ToString().ToLowerInvariant()));
    }

    private static async Task<Created<AnswerView>> Answer(int id, AnswerBody body, ClaimsPrincipal user, PartnershipAccess access, BoardWork work, CancellationToken ct)
    {
        await ReadCaseAsync(id, user, access, work, ct);
        var answer = await work.AnswerAsync(id, body.Choice, body.Comment, Actor.Of(user), ct);
        return TypedResults.Created($"/api/cases/{id}", new AnswerView(user.FindFirstValue(ClaimTypes.Email) ?? "", answer.Choice.ToString().ToLowerInvariant(), answer.Comment, answer.AnsweredAt));
    }

    private static async Task<Created<GovernanceApi.DecisionDto>> Decide(int id, DecideBody body, ClaimsPrincipal user, PartnershipAccess access,
        BoardWork work, CancellationToken ct)
    {
        await ReadCaseAsync(id, user, access, work, ct);
        var d = await work.DecideCaseAsync(id, new DecideInput(body.Text, body.VoteResult, body.Owner, body.DueOn, body.FollowsDecision, body.Effect, body.EffectTarget),
            Actor.Of(user), ct);
        return TypedResults.Created($"/api/decisions/{d.Id}", ToDto(d));
    }

    public static GovernanceApi.DecisionDto ToDto(Decision d) => new(d.Id, d.Number, d.Body == DecisionBody.Board ? "board" : "annual-meeting",
        d.DecidedOn, d.Title, d.Text, d.CaseId, d.MeetingId, d.VoteResult, BoardWork.ToApi(d.Status), d.Owner, d.DueOn, d.ClosedOn, d.FollowsDecisionId);

    private static async Task<Ok<GovernanceApi.DecisionDto>> FollowUp(int id, FollowUpBody body, BoardWork work, CancellationToken ct) =>
        TypedResults.Ok(ToDto(await work.FollowUpAsync(id, null, body.Owner, body.DueOn, body.Status, ct)));

    private static async Task<Ok<MeetingPapers.Minutes>> RecordAttendance(int id, AttendanceBody body, ClaimsPrincipal user, PartnershipAccess access,
        AppDbContext db, BoardWork work, MeetingPapers papers, CancellationToken ct)
    {
        var meeting = await GovernanceApi.LoadMeetingAsync(id, user, access, db, ct);
        var emails = (body.Present ?? []).Select(e => e.Trim().ToUpperInvariant()).ToList();
        var ids = await db.Users.Where(u => u.NormalizedEmail != null && emails.Contains(u.NormalizedEmail)).Select(u => u.Id).ToListAsync(ct);
        if (ids.Count != emails.Distinct().Count())
        {
            throw RuleViolation.Invalid("present", "Every e-mail must be a user holding a board seat on the meeting date.");
        }

        await work.RecordAttendanceAsync(meeting, ids, ct);
        return TypedResults.Ok(await papers.MinutesAsync(meeting, ct));
    }

    private static async Task<Ok<MeetingPapers.Minutes>> GetMinutes(int id, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, MeetingPapers papers,
        CancellationToken ct)
    {
        var meeting = await GovernanceApi.LoadMeetingAsync(id, user, access, db, ct);
        return TypedResults.Ok(await papers.MinutesForAsync(meeting, user, ct)); // DIS-3
    }

    private static async Task<FileContentHttpResult> MinutesPdf(int id, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, MeetingPapers papers,
        CancellationToken ct)
    {
        var meeting = await GovernanceApi.LoadMeetingAsync(id, user, access, db, ct);
        var minutes = await papers.MinutesForAsync(meeting, user, ct); // DIS-3
        return TypedResults.File(MeetingPapers.MinutesPdf(minutes), "application/pdf", $"protokoll-{meeting.Date:yyyy-MM-dd}.pdf");
    }

    private static async Task<Ok<MeetingPapers.Minutes>> ApproveMinutes(int id, ApprovalBody body, ClaimsPrincipal user, PartnershipAccess access,
        AppDbContext db, BoardWork work, MeetingPapers papers, CancellationToken ct)
    {
        var meeting = await GovernanceApi.LoadMeetingAsync(id, user, access, db, ct);
        await work.ApproveMinutesAsync(meeting, body.Approval, ct);
        return TypedResults.Ok(await papers.MinutesAsync(meeting, ct));
    }

    private static async Task<FileContentHttpResult> BookPdf(int id, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, MeetingPapers papers,
        CancellationToken ct)
    {
        var meeting = await GovernanceApi.LoadMeetingAsync(id, user, access, db, ct);
        var minutes = await papers.MinutesForAsync(meeting, user, ct);
        var book = await papers.BookAsync(meeting, minutes, user, ct); // DIS-3: restricted papers left out for the recused
        return TypedResults.File(MeetingPapers.BookPdf(minutes, book), "application/pdf", $"motebok-{meeting.Date:yyyy-MM-dd}.pdf");
    }
}
