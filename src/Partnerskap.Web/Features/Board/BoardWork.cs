using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Board;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Decisions;
using Partnerskap.Domain.Meetings;
using Partnerskap.Domain.Members;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Members;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Infrastructure.Documents;

namespace Partnerskap.Web.Features.Board;

/// <summary>
/// Board settings (<c>Partnerskap:Board</c>). <see cref="QuorumShare"/>: the board is quorate on a case when more than
/// this share of the seats eligible on it (voting, not recused) are present; default 0.5 = more than half.
/// </summary>
public sealed class BoardOptions
{
    public decimal QuorumShare { get; set; } = 0.5m;
}

/// <summary>Who acts: the user id and whether they act as the office (secretariat).</summary>
public sealed record Actor(string UserId, bool IsOffice)
{
    public static Actor Of(ClaimsPrincipal user) =>
        new(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw RuleViolation.Forbidden("Log in first."), user.IsOffice());
}

/// <summary>Form/API input for a case.</summary>
public sealed record CaseInput(string? Title, string? Kind, IReadOnlyList<string>? PartyOrgnrs, bool Restricted, string? Presentation,
    string? ProposedDecision, string? Link, int? MeetingId);

/// <summary>Input for a board decision on a case.</summary>
public sealed record DecideInput(string? Text, string? VoteResult, string? Owner, DateOnly? DueOn, string? FollowsDecision,
    string? Effect = null, string? EffectTarget = null);

/// <summary>
/// The programme board's work (ORG-2, DIS-3): seats and terms, register of interests, cases with papers, recusals
/// decided by the board, decisions on cases (from seat holders, or recorded by the office as secretary of a meeting
/// that had a quorum), written procedure, meetings with notice, attendance and approved minutes. Shared by pages and API.
/// </summary>
public sealed class BoardWork(AppDbContext db, TimeProvider clock, BoardSeats seats, DecisionRegister register, Cases cases,
    MemberDocuments documents, IDocumentStore store, UserManager<AppUser> users, Microsoft.Extensions.Options.IOptions<BoardOptions> options)
{
    public const string CasePaperKind = "case-paper";

    private DateOnly Today => PartnershipTime.Today(clock);

    // ---- Seats and interests ----

    /// <summary>ORG-2: gives a person a seat for a term (office). The seat remembers the person's organisation (DIS-3).</summary>
    public async Task<(BoardSeat Seat, AppUser Person)> AddSeatAsync(int partnershipId, string? userEmail, string? role, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var person = await FindUserAsync(userEmail);
        var parsed = GovernanceApi.ParseRole(role) ?? throw RuleViolation.Invalid("role", "Role is leader, deputy, member or observer.");
        var seat = new BoardSeat(partnershipId, person.Id, parsed, from ?? throw RuleViolation.Invalid("from", "Give the first day of the term."), to, person.Orgnr);
        db.BoardSeats.Add(seat);
        await db.SaveChangesAsync(ct);
        return (seat, person);
    }

    /// <summary>Plans a board meeting at an Oslo date and time (office).</summary>
    public async Task<Meeting> PlanMeetingAsync(int partnershipId, string? title, DateOnly? date, TimeOnly? time, string? location, CancellationToken ct)
    {
        var day = date ?? throw RuleViolation.Invalid("date", "Give the meeting date.");
        var local = day.ToDateTime(time ?? new TimeOnly(9, 0));
        var startsAt = new DateTimeOffset(local, PartnershipTime.Oslo.GetUtcOffset(local)).ToUniversalTime();
        var meeting = new Meeting(partnershipId, MeetingKind.Board, title ?? "", startsAt, location);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return meeting;
    }

    /// <summary>ORG-2: ends a seat's term on <paramref name="lastDay"/>.</summary>
    public async Task<BoardSeat> EndSeatAsync(int partnershipId, int seatId, DateOnly? lastDay, CancellationToken ct)
    {
        var seat = await db.BoardSeats.SingleOrDefaultAsync(s => s.Id == seatId && s.PartnershipId == partnershipId, ct)
            ?? throw new KeyNotFoundException($"No seat {seatId}.");
        seat.End(lastDay ?? throw RuleViolation.Invalid("to", "Give the last day of the term."));
        await db.SaveChangesAsync(ct);
        return seat;
    }

    /// <summary>DIS-3: registers another role a person holds (register of interests).</summary>
    public async Task<DeclaredInterest> AddInterestAsync(int partnershipId, string? userEmail, string? organisation, string? orgnr, string? role,
        DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var person = await FindUserAsync(userEmail);
        string? number = null;
        if (!string.IsNullOrWhiteSpace(orgnr))
        {
            number = OrganisationNumber.TryParse(orgnr, out var n) ? n.Value : throw RuleViolation.Invalid("orgnr", $"'{orgnr}' is not a valid organisation number.");
        }

        var interest = new DeclaredInterest(partnershipId, person.Id, organisation ?? "", number, role ?? "", from ?? Today, to);
        db.DeclaredInterests.Add(interest);
        await db.SaveChangesAsync(ct);
        return interest;
    }

    // ---- Cases ----

    public static CaseKind? ParseKind(string? kind) => kind?.Trim().ToLowerInvariant() switch
    {
        null or "" or "ordinary" => CaseKind.Ordinary,
        "written-procedure" => CaseKind.WrittenProcedure,
        "financing-plan" => CaseKind.FinancingPlan,
        "escalation" => CaseKind.Escalation,
        "dispute" => CaseKind.Dispute,
        _ => null,
    };

    public static string ToApi(CaseKind kind) => kind switch
    {
        CaseKind.WrittenProcedure => "written-procedure",
        CaseKind.FinancingPlan => "financing-plan",
        CaseKind.AnnualMeeting => "annual-meeting",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>Opens a board case (office), optionally on a board meeting's agenda.</summary>
    public async Task<BoardCase> OpenCaseAsync(int partnershipId, CaseInput input, CancellationToken ct)
    {
        var kind = ParseKind(input.Kind) ?? throw RuleViolation.Invalid("kind", "Kind is ordinary, written-procedure, financing-plan, escalation or dispute.");
        var parties = new List<string>();
        foreach (var orgnr in input.PartyOrgnrs ?? [])
        {
            if (string.IsNullOrWhiteSpace(orgnr))
            {
                continue;
            }

            parties.Add(OrganisationNumber.TryParse(orgnr, out var n) ? n.Value
                : throw RuleViolation.Invalid("partyOrgnrs", $"'{orgnr}' is not a valid organisation number."));
        }

        if (input.MeetingId is { } meetingId)
        {
            await OpenBoardMeetingAsync(partnershipId, meetingId, ct);
        }

        return await cases.OpenAsync(new NewCase(partnershipId, input.Title ?? "", kind, parties, input.Restricted,
            string.IsNullOrWhiteSpace(input.Link) ? null : input.Link.Trim(), input.MeetingId, input.Presentation, input.ProposedDecision), ct);
    }

    /// <summary>Puts a case on a board meeting's agenda (or takes it off with null).</summary>
    public async Task PutOnAgendaAsync(int caseId, int? meetingId, CancellationToken ct)
    {
        var boardCase = await LoadCaseAsync(caseId, ct);
        boardCase.EnsureOpen();
        if (meetingId is { } id)
        {
            await OpenBoardMeetingAsync(boardCase.PartnershipId, id, ct);
        }

        boardCase.PutOnAgenda(meetingId);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The case with parties, recusals, papers and answers, or 404.</summary>
    public async Task<BoardCase> LoadCaseAsync(int caseId, CancellationToken ct) =>
        await db.Cases.Include(c => c.Parties).Include(c => c.Recusals).Include(c => c.Papers).Include(c => c.Answers)
            .SingleOrDefaultAsync(c => c.Id == caseId, ct) ?? throw new KeyNotFoundException($"No case {caseId}.");

    /// <summary>Adds a case document (office). Stored in the document store; row and link saved together.</summary>
    public async Task<CasePaper> AddPaperAsync(int caseId, string? title, Upload upload, CancellationToken ct)
    {
        var boardCase = await LoadCaseAsync(caseId, ct);
        boardCase.EnsureOpen();
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct); // the document row and its link: both or neither
            var document = await documents.AddAsync(boardCase.PartnershipId, null, CasePaperKind, upload, "document", ct);
            await db.SaveChangesAsync(ct);
            boardCase.AddPaper(document.Id, string.IsNullOrWhiteSpace(title) ? document.FileName : title);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return boardCase.Papers[^1];
        }
        catch
        {
            await documents.DiscardAsync();
            throw;
        }
    }

    /// <summary>
    /// DIS-3: may this user read the case's papers? The office always; restricted papers only for seat holders who are
    /// not recused (member contacts do not read restricted papers either).
    /// </summary>
    public async Task<bool> MayReadPapersAsync(BoardCase boardCase, ClaimsPrincipal user, CancellationToken ct)
    {
        var actor = Actor.Of(user);
        return await seats.MayReadPapersAsync(boardCase, actor.UserId, actor.IsOffice, Today, ct);
    }

    /// <summary>
    /// DIS-3: the cases (of <paramref name="caseIds"/>) whose decision text this user may not read: restricted cases
    /// whose papers the user may not read (member contacts, recused or seatless board logins). The register still
    /// shows that the decision exists (number, date, title).
    /// </summary>
    public async Task<HashSet<int>> WithheldDecisionCasesAsync(IEnumerable<int> caseIds, ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.IsOffice())
        {
            return []; // the office reads every case's papers
        }

        var ids = caseIds.Distinct().ToList();
        var restricted = await db.Cases.AsNoTracking().Include(c => c.Parties).Include(c => c.Recusals)
            .Where(c => ids.Contains(c.Id) && c.Restricted).ToListAsync(ct);
        if (restricted.Count == 0)
        {
            return [];
        }

        // The user's seats once, not one look-up per restricted case.
        var userId = Actor.Of(user).UserId;
        var partnerships = restricted.Select(c => c.PartnershipId).Distinct().ToList();
        var userSeats = await db.BoardSeats.AsNoTracking().Where(s => s.UserId == userId && partnerships.Contains(s.PartnershipId)).ToListAsync(ct);
        return restricted.Where(c => !BoardSeats.MayReadPapers(c, userId, userSeats, Today)).Select(c => c.Id).ToHashSet();
    }

    /// <summary>DIS-3: refuses (403) a recused member's (or an outsider's) reading of restricted papers.</summary>
    public async Task RequirePapersAsync(BoardCase boardCase, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!await MayReadPapersAsync(boardCase, user, ct))
        {
            throw RuleViolation.Forbidden($"The papers of case {boardCase.Number} are restricted, and you are recused from the case or hold no board seat.", "DIS-3");
        }
    }

    /// <summary>Opens a case document for download, after the DIS-3 check.</summary>
    public async Task<(Stream Content, StoredDocument Document)> OpenPaperAsync(BoardCase boardCase, int paperId, ClaimsPrincipal user, CancellationToken ct)
    {
        var paper = boardCase.Papers.SingleOrDefault(p => p.Id == paperId) ?? throw new KeyNotFoundException($"No paper {paperId} on case {boardCase.Number}.");
        await RequirePapersAsync(boardCase, user, ct); // DIS-3
        var document = await db.Documents.AsNoTracking().SingleAsync(d => d.Id == paper.DocumentId, ct);
        return (await store.OpenAsync(document.StorageKey, ct), document);
    }

    /// <summary>DIS-3: the office records a conflict of interest someone has declared (to be decided by the board).</summary>
    public async Task<Recusal> RecordConflictAsync(int caseId, string? userEmail, string? reason, CancellationToken ct)
    {
        var boardCase = await LoadCaseAsync(caseId, ct);
        var person = await FindUserAsync(userEmail);
        var recusal = boardCase.DeclareConflict(person.Id, reason ?? "", clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return recusal;
    }

    /// <summary>DIS-3: a seat holder declares their own conflict of interest; the board then decides it.</summary>
    public async Task<Recusal> DeclareOwnConflictAsync(int caseId, string? reason, Actor actor, CancellationToken ct)
    {
        var boardCase = await LoadCaseAsync(caseId, ct);
        if ((await seats.HeldOnAsync(boardCase.PartnershipId, Today, ct)).All(s => s.UserId != actor.UserId))
        {
            throw RuleViolation.Forbidden("Only a board seat holder declares their own conflict of interest.", "DIS-3");
        }

        var recusal = boardCase.DeclareConflict(actor.UserId, reason ?? "", clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return recusal;
    }

    /// <summary>
    /// DIS-3: the board decides a declared conflict (upheld = recused, rejected = may take part). Recorded by the office
    /// as secretary, or by a voting seat holder who is not recused; never by the person concerned.
    /// </summary>
    public async Task<Recusal> DecideRecusalAsync(int caseId, int recusalId, bool upheld, string? decisionRef, Actor actor, CancellationToken ct)
    {
        var boardCase = await LoadCaseAsync(caseId, ct);
        boardCase.EnsureOpen();
        var recusal = boardCase.Recusals.SingleOrDefault(r => r.Id == recusalId) ?? throw new KeyNotFoundException($"No recusal {recusalId}.");
        if (recusal.UserId == actor.UserId)
        {
            throw RuleViolation.Forbidden("The board decides on your own impartiality without you.", "DIS-3");
        }

        if (!actor.IsOffice)
        {
            await seats.RequireVotingSeatAsync(boardCase.PartnershipId, actor.UserId, Today, caseId, ct); // ORG-2, DIS-3
        }

        if (recusal.Status != RecusalStatus.Declared)
        {
            throw RuleViolation.Conflict("The board has already decided this declared conflict.", "DIS-3");
        }

        recusal.Decide(upheld, string.IsNullOrWhiteSpace(decisionRef) ? null : decisionRef.Trim());
        await db.SaveChangesAsync(ct);
        return recusal;
    }

    /// <summary>ORG-2 + DIS-3: a seat holder's answer in a written procedure.</summary>
    public async Task<WrittenAnswer> AnswerAsync(int caseId, string? choice, string? comment, Actor actor, CancellationToken ct)
    {
        var boardCase = await LoadCaseAsync(caseId, ct);
        var parsed = choice?.Trim().ToLowerInvariant() switch
        {
            "for" => WrittenChoice.For,
            "against" or "mot" => WrittenChoice.Against,
            "abstain" or "avstår" => WrittenChoice.Abstain,
            _ => throw RuleViolation.Invalid("choice", "Answer for, against or abstain."),
        };
        await seats.RequireVotingSeatAsync(boardCase.PartnershipId, actor.UserId, Today, caseId, ct); // ORG-2, DIS-3
        var answer = boardCase.Answer(actor.UserId, parsed, comment, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return answer;
    }

    /// <summary>
    /// ORG-2: records the board's decision on a case in the register. A seat holder (not recused, DIS-3) may record it;
    /// the office records it only as secretary of a board meeting the case is on, or of a written procedure. On a
    /// meeting the quorum must be met: more than half of the seats eligible on the case (voting, not recused) present.
    /// A written procedure needs answers from more than half of the eligible seats.
    /// </summary>
    public async Task<Decision> DecideCaseAsync(int caseId, DecideInput input, Actor actor, CancellationToken ct)
    {
        var boardCase = await LoadCaseAsync(caseId, ct);
        boardCase.EnsureOpen();
        if (boardCase.Kind == CaseKind.AnnualMeeting)
        {
            throw RuleViolation.Conflict("An annual-meeting case is decided by the annual meeting.", "ORG-2");
        }

        Meeting? meeting = null;
        BoardMeetingRecord? record = null;
        if (boardCase.MeetingId is { } meetingId)
        {
            meeting = await db.Meetings.SingleAsync(m => m.Id == meetingId, ct);
            record = await db.BoardMeetingRecords.Include(r => r.Attendance).SingleOrDefaultAsync(r => r.MeetingId == meetingId, ct);
            record?.EnsureOpen();
        }

        var on = meeting?.Date ?? Today;
        if (!actor.IsOffice)
        {
            await seats.RequireVotingSeatAsync(boardCase.PartnershipId, actor.UserId, on, caseId, ct); // ORG-2, DIS-3
        }
        else if (meeting is null && boardCase.Kind != CaseKind.WrittenProcedure)
        {
            throw RuleViolation.Forbidden("Board decisions are made by seat holders; the office records only a meeting's or a written procedure's decision.", "ORG-2");
        }

        var eligible = await seats.EligibleVotersAsync(boardCase.PartnershipId, caseId, on, ct); // DIS-3: recused do not count
        var voteResult = string.IsNullOrWhiteSpace(input.VoteResult) ? null : input.VoteResult.Trim();
        if (boardCase.Kind == CaseKind.WrittenProcedure)
        {
            var answers = boardCase.Answers.Where(a => eligible.Any(s => s.UserId == a.UserId)).ToList();
            if (!Quorum.IsMet(eligible.Count, answers.Count, options.Value.QuorumShare))
            {
                throw RuleViolation.Conflict($"A written procedure needs answers from more than {options.Value.QuorumShare:P0} of the {eligible.Count} eligible seats; {answers.Count} have answered.", "ORG-2");
            }

            voteResult ??= $"Skriftlig behandling: {answers.Count(a => a.Choice == WrittenChoice.For)} for, {answers.Count(a => a.Choice == WrittenChoice.Against)} mot, {answers.Count(a => a.Choice == WrittenChoice.Abstain)} avstår";
        }
        else if (meeting is not null)
        {
            var present = eligible.Count(s => record?.WasPresent(s.UserId) == true);
            if (!Quorum.IsMet(eligible.Count, present, options.Value.QuorumShare))
            {
                throw RuleViolation.Conflict($"The board is not quorate on case {boardCase.Number}: {present} of {eligible.Count} eligible seats present; more than {options.Value.QuorumShare:P0} is needed. Record the attendance first.", "ORG-2");
            }
        }

        int? follows = null;
        if (!string.IsNullOrWhiteSpace(input.FollowsDecision))
        {
            follows = (await register.FindAsync(boardCase.PartnershipId, input.FollowsDecision, ct))?.Id
                ?? throw RuleViolation.Invalid("followsDecision", $"No decision {input.FollowsDecision} in the register.");
        }

        var effect = string.IsNullOrWhiteSpace(input.Effect) ? null : input.Effect;
        var target = input.EffectTarget;
        if (effect is null && boardCase.Kind == CaseKind.Dispute && boardCase.Link?.StartsWith("dispute:", StringComparison.Ordinal) == true)
        {
            // DIS-2: the board's decision on an escalated dispute is its mediation proposal.
            (effect, target) = (DisputeWork.MediationEffect, boardCase.Link["dispute:".Length..]);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var decision = await register.RecordAsync(new NewDecision(boardCase.PartnershipId, DecisionBody.Board, on, boardCase.Title, input.Text ?? "",
            caseId, meeting?.Id, voteResult, effect, target, follows), ct);
        if (input.Owner is not null || input.DueOn is not null)
        {
            var tracked = await db.Decisions.SingleAsync(d => d.Id == decision.Id, ct);
            tracked.FollowUp(input.Owner, input.DueOn, DecisionStatus.Open, Today);
            await db.SaveChangesAsync(ct);
        }

        await tx.CommitAsync(ct);
        return decision;
    }

    // ---- Decisions ----

    public static DecisionStatus? ParseStatus(string? status) => status?.Trim().ToLowerInvariant() switch
    {
        "open" => DecisionStatus.Open,
        "in-progress" or "inprogress" => DecisionStatus.InProgress,
        "closed" => DecisionStatus.Closed,
        _ => null,
    };

    public static string ToApi(DecisionStatus status) => status == DecisionStatus.InProgress ? "in-progress" : status.ToString().ToLowerInvariant();

    /// <summary>ORG-2: follow-up of a decision (owner, due date, status) until it is closed; a closed one → 409.</summary>
    public async Task<Decision> FollowUpAsync(int decisionId, int? partnershipId, string? owner, DateOnly? dueOn, string? status, CancellationToken ct)
    {
        var decision = await db.Decisions.SingleOrDefaultAsync(d => d.Id == decisionId && (partnershipId == null || d.PartnershipId == partnershipId), ct)
            ?? throw new KeyNotFoundException($"No decision {decisionId}.");
        decision.EnsureNotClosed(); // ORG-2
        var parsed = ParseStatus(status) ?? throw RuleViolation.Invalid("status", "Status is open, in-progress or closed.");
        decision.FollowUp(owner, dueOn, parsed, Today);
        await db.SaveChangesAsync(ct);
        return decision;
    }

    // ---- Meetings ----

    /// <summary>A board meeting of the partnership whose minutes are not approved, or 400/409.</summary>
    private async Task<Meeting> OpenBoardMeetingAsync(int partnershipId, int meetingId, CancellationToken ct)
    {
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == meetingId && m.PartnershipId == partnershipId, ct);
        if (meeting is null || meeting.Kind != MeetingKind.Board)
        {
            throw RuleViolation.Invalid("meetingId", "Choose a board meeting of this partnership.");
        }

        var record = await db.BoardMeetingRecords.AsNoTracking().SingleOrDefaultAsync(r => r.MeetingId == meetingId, ct);
        record?.EnsureOpen();
        return meeting;
    }

    /// <summary>The board module's record of the meeting, created on first use.</summary>
    public async Task<BoardMeetingRecord> RecordOfAsync(Meeting meeting, CancellationToken ct)
    {
        if (meeting.Kind != MeetingKind.Board)
        {
            throw RuleViolation.Conflict("This is not a board meeting.", "ORG-2");
        }

        var record = await db.BoardMeetingRecords.Include(r => r.Attendance).SingleOrDefaultAsync(r => r.MeetingId == meeting.Id, ct);
        if (record is null)
        {
            record = new BoardMeetingRecord(meeting.Id);
            db.BoardMeetingRecords.Add(record);
        }

        return record;
    }

    /// <summary>Records who was present (seat holders on the meeting date; others are refused).</summary>
    public async Task<BoardMeetingRecord> RecordAttendanceAsync(Meeting meeting, IReadOnlyCollection<string> presentUserIds, CancellationToken ct)
    {
        var record = await RecordOfAsync(meeting, ct);
        var held = await seats.HeldOnAsync(meeting.PartnershipId, meeting.Date, ct);
        var unknown = presentUserIds.Where(u => held.All(s => s.UserId != u)).ToList();
        if (unknown.Count > 0)
        {
            throw RuleViolation.Invalid("present", "Only people holding a board seat on the meeting date can be recorded as present.");
        }

        record.RecordAttendance(held.Select(s => s.UserId).Distinct().Select(u => (u, presentUserIds.Contains(u))));
        await db.SaveChangesAsync(ct);
        return record;
    }

    /// <summary>ORG-2: approves the minutes; the meeting is frozen from then on.</summary>
    public async Task<BoardMeetingRecord> ApproveMinutesAsync(Meeting meeting, string? approval, CancellationToken ct)
    {
        var record = await RecordOfAsync(meeting, ct);
        if (record.Attendance.Count == 0)
        {
            throw RuleViolation.Conflict("Record the attendance before approving the minutes.", "ORG-2");
        }

        record.ApproveMinutes(clock.GetUtcNow(), string.IsNullOrWhiteSpace(approval) ? $"Godkjent {PartnershipTime.Today(clock):dd.MM.yyyy}" : approval);
        await db.SaveChangesAsync(ct);
        return record;
    }

    public async Task<AppUser> FindUserAsync(string? email) =>
        (string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim()))
        ?? throw RuleViolation.Invalid("userEmail", "No user with that e-mail: create the login first (POST /api/users).");
}
