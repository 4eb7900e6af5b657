using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Board;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Decisions;
using Partnerskap.Domain.Meetings;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Members;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Features.Shared;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Board;

/// <summary>
/// A case: facts, parties, recusals (DIS-3: automatic, declared and decided by the board, suggested from the register of
/// interests), papers (hidden from the recused when restricted), written answers, and the decision.
/// </summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class CaseModel(PartnershipAccess access, AppDbContext db, BoardWork work, BoardSeats seats, TimeProvider clock, Texts t) : BoardPage(access, t)
{
    public BoardCase Case { get; private set; } = null!;

    public BoardApi.CaseDetailDto Detail { get; private set; } = null!;

    public Dictionary<string, string> PartyNames { get; private set; } = [];

    public Meeting? Meeting { get; private set; }

    public List<Meeting> OpenMeetings { get; private set; } = [];

    public Decision? Decision { get; private set; }

    /// <summary>The user holds a voting seat today and is not recused (may answer/decide/decide recusals).</summary>
    public bool MayDecide { get; private set; }

    /// <summary>The user holds a seat today (may declare their own conflict).</summary>
    public bool HoldsSeat { get; private set; }

    public string? MyUserId { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, int id, CancellationToken ct) => await LoadCaseAsync(slug, id, ct) ?? await ShowAsync(ct);

    public async Task<IActionResult> OnPostPaperAsync(string slug, int id, string? paperTitle, IFormFile? document, CancellationToken ct)
    {
        if (await LoadCaseAsync(slug, id, ct, office: true) is { } denied)
        {
            return denied;
        }

        if (document is null)
        {
            ModelState.AddModelError("document", T["Velg en fil."]);
            return await ShowAsync(ct);
        }

        return await RunAsync(() => work.AddPaperAsync(id, paperTitle, new Upload(document.FileName, document.ContentType, document.OpenReadStream), ct),
            T["Dokumentet er lagt til saken."], Here()) ?? await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAgendaAsync(string slug, int id, int? meetingId, CancellationToken ct) =>
        await LoadCaseAsync(slug, id, ct, office: true)
        ?? await RunAsync(() => work.PutOnAgendaAsync(id, meetingId, ct), T["Saklisten er oppdatert."], Here()) ?? await ShowAsync(ct);

    public async Task<IActionResult> OnPostConflictAsync(string slug, int id, string? userEmail, string? reason, CancellationToken ct)
    {
        if (await LoadCaseAsync(slug, id, ct) is { } denied)
        {
            return denied;
        }

        Func<Task> action = User.IsOffice() && !string.IsNullOrWhiteSpace(userEmail)
            ? () => work.RecordConflictAsync(id, userEmail, reason, ct)
            : () => work.DeclareOwnConflictAsync(id, reason, Actor.Of(User), ct);
        return await RunAsync(action, T["Inhabiliteten er registrert. Styret avgjør den."], Here()) ?? await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostRecusalAsync(string slug, int id, int recusalId, bool upheld, string? decisionRef, CancellationToken ct) =>
        await LoadCaseAsync(slug, id, ct)
        ?? await RunAsync(() => work.DecideRecusalAsync(id, recusalId, upheld, decisionRef, Actor.Of(User), ct), T["Styrets avgjørelse om habilitet er registrert."], Here())
        ?? await ShowAsync(ct);

    public async Task<IActionResult> OnPostAnswerAsync(string slug, int id, string? choice, string? comment, CancellationToken ct) =>
        await LoadCaseAsync(slug, id, ct)
        ?? await RunAsync(() => work.AnswerAsync(id, choice, comment, Actor.Of(User), ct), T["Svaret ditt er registrert."], Here())
        ?? await ShowAsync(ct);

    public async Task<IActionResult> OnPostDecideAsync(string slug, int id, string? text, string? voteResult, string? owner, string? dueOn, string? followsDecision,
        CancellationToken ct)
    {
        if (await LoadCaseAsync(slug, id, ct) is { } denied)
        {
            return denied;
        }

        var due = FormDates.Parse(dueOn, "dueOn", ModelState, T);
        return (ModelState.IsValid
                ? await RunAsync(() => work.DecideCaseAsync(id, new DecideInput(text, voteResult, string.IsNullOrWhiteSpace(owner) ? null : owner, due, followsDecision),
                    Actor.Of(User), ct), T["Vedtaket er registrert i vedtaksregisteret."], Here())
                : null)
            ?? await ShowAsync(ct);
    }

    private string Here() => $"/{Partnership.Slug}/board/cases/{Case.Id}";

    private async Task<IActionResult?> LoadCaseAsync(string slug, int id, CancellationToken ct, bool office = false)
    {
        if (await LoadBoardAsync(slug, ct) is { } denied)
        {
            return denied;
        }

        var found = await db.Cases.AsNoTracking().AnyAsync(c => c.Id == id && c.PartnershipId == Partnership.Id, ct);
        if (!found)
        {
            return NotFound();
        }

        Case = await work.LoadCaseAsync(id, ct);
        return office && !User.IsOffice() ? Forbid() : null;
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        Case = await work.LoadCaseAsync(Case.Id, ct);
        Detail = await BoardApi.DetailAsync(Case, User, work, db, clock, ct);
        var orgnrs = Case.Parties.Select(p => p.Orgnr).ToList();
        PartyNames = await db.Members.AsNoTracking().Where(m => m.PartnershipId == Partnership.Id && orgnrs.Contains(m.Orgnr))
            .ToDictionaryAsync(m => m.Orgnr, m => m.Name, ct);
        Meeting = Case.MeetingId is { } mid ? await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == mid, ct) : null;
        var approved = await db.BoardMeetingRecords.AsNoTracking().Where(r => r.MinutesApprovedAt != null).Select(r => r.MeetingId).ToListAsync(ct);
        OpenMeetings = (await db.Meetings.AsNoTracking().Where(m => m.PartnershipId == Partnership.Id && m.Kind == MeetingKind.Board).ToListAsync(ct))
            .Where(m => !approved.Contains(m.Id)).OrderBy(m => m.StartsAt).ToList();
        Decision = await db.Decisions.AsNoTracking().FirstOrDefaultAsync(d => d.CaseId == Case.Id, ct);
        MyUserId = Actor.Of(User).UserId;
        var today = PartnershipTime.Today(clock);
        HoldsSeat = (await seats.HeldOnAsync(Partnership.Id, today, ct)).Any(s => s.UserId == MyUserId);
        var seat = await seats.VotingSeatAsync(Partnership.Id, MyUserId, today, ct);
        MayDecide = seat is not null && Impartiality.RecusedFrom(Case, MyUserId, seat.OrganisationOrgnr) is null;
        return Page();
    }
}
