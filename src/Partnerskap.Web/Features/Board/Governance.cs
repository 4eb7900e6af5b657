using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Board;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Decisions;
using Partnerskap.Domain.Partnerships;
using Partnerskap.Domain.Records;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Features.Board;

/// <summary>
/// Something another module does when a decision carrying its effect is recorded: the annual meeting's fee-model
/// change (FIN-6), the board's approval of a financing plan (FIN-7), the board's decision on an escalation (FIN-9).
/// Runs inside the transaction that records the decision, before it is saved: both are saved or neither.
/// </summary>
public interface IDecisionEffect
{
    /// <summary>The effect name decisions carry, e.g. "approve-financing-plan".</summary>
    string Name { get; }

    /// <summary>Applies the decision (throw <see cref="RuleViolation"/> to refuse it; nothing is then recorded).</summary>
    Task ApplyAsync(Decision decision, CancellationToken ct);
}

/// <summary>
/// MEM-6: the annual meeting's decision to dissolve the partnership. Dissolution follows the statutes; the product
/// records the decision (numbered in the register and filed in the records) and checks it is the annual meeting's,
/// with the date it takes effect.
/// </summary>
public sealed class DissolutionEffect : IDecisionEffect
{
    public string Name => Dissolution.EffectName;

    public Task ApplyAsync(Decision decision, CancellationToken ct)
    {
        Dissolution.EffectiveOn(decision.Body, decision.DecidedOn, decision.EffectTarget); // MEM-6
        return Task.CompletedTask;
    }
}

/// <summary>A decision to record: which body, when, what, on which case/meeting, and its effect if any.</summary>
public sealed record NewDecision(
    int PartnershipId,
    DecisionBody Body,
    DateOnly DecidedOn,
    string Title,
    string Text,
    int? CaseId = null,
    int? MeetingId = null,
    string? VoteResult = null,
    string? Effect = null,
    string? EffectTarget = null,
    int? FollowsDecisionId = null);

/// <summary>
/// The decision register (ORG-2): numbers decisions year/sequence per partnership without gaps, applies their effects
/// and marks their case decided, all in one transaction, with the audit entry recording the decision number.
/// </summary>
public sealed class DecisionRegister(AppDbContext db, IEnumerable<IDecisionEffect> effects, AuditContext audit, Records.Records records)
{
    /// <summary>Records the decision and saves. Joins the caller's transaction if there is one, otherwise opens its own.</summary>
    public async Task<Decision> RecordAsync(NewDecision d, CancellationToken ct)
    {
        var effect = d.Effect is null ? null : effects.FirstOrDefault(e => e.Name == d.Effect)
            ?? throw RuleViolation.Invalid("effect", $"Unknown decision effect '{d.Effect}'.");
        if (d.FollowsDecisionId is { } followed &&
            !await db.Decisions.AnyAsync(x => x.Id == followed && x.PartnershipId == d.PartnershipId, ct))
        {
            throw RuleViolation.Invalid("followsDecisionId", "The decision it follows is not in this partnership's register.");
        }

        await using var tx = await db.Database.JoinOrBeginTransactionAsync(ct);
        var sequence = await NumberSeries.NextAsync(db, d.PartnershipId, NumberSeries.Decisions, d.DecidedOn.Year, ct);
        var decision = new Decision(d.PartnershipId, d.Body, d.DecidedOn.Year, sequence, d.DecidedOn, d.Title, d.Text,
            d.CaseId, d.MeetingId, d.VoteResult, d.Effect, d.EffectTarget, d.FollowsDecisionId);
        db.Decisions.Add(decision);
        BoardCase? decidedCase = null;
        if (d.CaseId is { } caseId)
        {
            decidedCase = await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId && c.PartnershipId == d.PartnershipId, ct)
                ?? throw RuleViolation.Invalid("caseId", "The case is not in this partnership.");
            decidedCase.MarkDecided();
        }

        audit.DecisionRef ??= $"Vedtak {decision.Number}";
        if (effect is not null)
        {
            await effect.ApplyAsync(decision, ct);
        }

        await db.SaveChangesAsync(ct);

        // ORG-1: the decision is filed in the records, on its case's case file (or one of its own), in this transaction.
        var body = d.Body == DecisionBody.AnnualMeeting ? "Årsmøtet" : "Programstyret";
        await records.FileAsync(d.PartnershipId, new Records.Records.Filing(
            decidedCase is not null ? Cases.RecordsKey(decidedCase) : $"decision:{decision.Number}",
            decidedCase?.Title ?? d.Title,
            EntryType.InternalNoFollowUp,
            $"Vedtak {decision.Number} ({body}): {d.Title}",
            d.DecidedOn,
            Restricted: decidedCase?.Restricted == true,
            LegalBasis: decidedCase?.Restricted == true ? Cases.RestrictedLegalBasis : null), ct);
        await tx.CommitAsync(ct);
        return decision;
    }

    /// <summary>A decision by its number ("2026/14") in the partnership, or null.</summary>
    public Task<Decision?> FindAsync(int partnershipId, string number, CancellationToken ct) =>
        db.Decisions.AsNoTracking().SingleOrDefaultAsync(x => x.PartnershipId == partnershipId && x.Number == number.Trim(), ct);
}

/// <summary>A case to open for the board (or the annual meeting).</summary>
public sealed record NewCase(
    int PartnershipId,
    string Title,
    CaseKind Kind,
    IReadOnlyList<string>? PartyOrgnrs = null,
    bool Restricted = false,
    string? Link = null,
    int? MeetingId = null,
    string? Presentation = null,
    string? ProposedDecision = null);

/// <summary>Opens cases (numbered year/sequence per partnership, gap-free) and answers the board's DIS-3 questions.</summary>
public sealed class Cases(AppDbContext db, TimeProvider clock, Records.Records records)
{
    /// <summary>The legal basis on which a restricted case's journal entries are screened in the public journal.</summary>
    public const string RestrictedLegalBasis = "offl. § 13 jf. fvl. § 13";

    /// <summary>The records' case key of a board or annual-meeting case.</summary>
    public static string RecordsKey(BoardCase c) => $"board-case:{c.Number}";

    /// <summary>Opens the case and saves. Joins the caller's transaction if there is one, otherwise opens its own.</summary>
    public async Task<BoardCase> OpenAsync(NewCase c, CancellationToken ct)
    {
        foreach (var orgnr in c.PartyOrgnrs ?? [])
        {
            if (!await db.Members.AnyAsync(m => m.PartnershipId == c.PartnershipId && m.Orgnr == orgnr, ct))
            {
                throw RuleViolation.Invalid("partyOrgnrs", $"{orgnr} is not a member of this partnership.");
            }
        }

        await using var tx = await db.Database.JoinOrBeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var year = PartnershipTime.OsloDate(now).Year;
        var sequence = await NumberSeries.NextAsync(db, c.PartnershipId, NumberSeries.Cases, year, ct);
        var boardCase = new BoardCase(c.PartnershipId, year, sequence, c.Title, c.Kind, now, c.PartyOrgnrs, c.Restricted, c.Link, c.MeetingId);
        if (c.Presentation is not null || c.ProposedDecision is not null)
        {
            boardCase.Describe(c.Title, c.Presentation, c.ProposedDecision, c.Restricted);
        }

        db.Cases.Add(boardCase);
        await db.SaveChangesAsync(ct);

        // ORG-1: every board and annual-meeting case is a case file in the records from the day it is opened.
        await records.FileAsync(c.PartnershipId, new Records.Records.Filing(
            RecordsKey(boardCase), c.Title, EntryType.InternalFollowUp, $"Sak {boardCase.Number} opprettet: {c.Title}",
            PartnershipTime.OsloDate(now), Restricted: c.Restricted, LegalBasis: c.Restricted ? RestrictedLegalBasis : null), ct);
        await tx.CommitAsync(ct);
        return boardCase;
    }
}

/// <summary>Board seats as the rest of the product asks about them (ORG-2, DIS-3).</summary>
public sealed class BoardSeats(AppDbContext db)
{
    /// <summary>ORG-2: the user's voting (non-observer) seat on the date, or null.</summary>
    public async Task<BoardSeat?> VotingSeatAsync(int partnershipId, string userId, DateOnly on, CancellationToken ct)
    {
        var seats = await db.BoardSeats.AsNoTracking().Where(s => s.PartnershipId == partnershipId && s.UserId == userId).ToListAsync(ct);
        return seats.FirstOrDefault(s => s.VotesOn(on));
    }

    /// <summary>Seats held on the date (observers included).</summary>
    public async Task<List<BoardSeat>> HeldOnAsync(int partnershipId, DateOnly on, CancellationToken ct)
    {
        var seats = await db.BoardSeats.AsNoTracking().Where(s => s.PartnershipId == partnershipId).ToListAsync(ct);
        return seats.Where(s => s.IsHeldOn(on)).ToList();
    }

    /// <summary>
    /// ORG-2 + DIS-3: refuses (403) unless the user holds a voting seat on the date and is not recused from the case.
    /// Use before a board vote or a board decision taken through the API (approvals, escalations).
    /// </summary>
    public async Task<BoardSeat> RequireVotingSeatAsync(int partnershipId, string userId, DateOnly on, int? caseId, CancellationToken ct)
    {
        var seat = await VotingSeatAsync(partnershipId, userId, on, ct)
            ?? throw RuleViolation.Forbidden("Only a person holding a (non-observer) seat on the programme board on the date may do this.", "ORG-2");
        if (caseId is { } id)
        {
            var boardCase = await db.Cases.AsNoTracking().Include(c => c.Parties).Include(c => c.Recusals)
                .SingleOrDefaultAsync(c => c.Id == id && c.PartnershipId == partnershipId, ct)
                ?? throw new KeyNotFoundException($"No case {id}.");
            if (Impartiality.RecusedFrom(boardCase, userId, seat.OrganisationOrgnr) is { } reason)
            {
                throw RuleViolation.Forbidden($"You are recused from case {boardCase.Number}: {reason.Reason}.", "DIS-3");
            }
        }

        return seat;
    }

    /// <summary>DIS-3 + ORG-2: the voting seats that may vote on the case on the date (the base for its quorum).</summary>
    public async Task<IReadOnlyList<BoardSeat>> EligibleVotersAsync(int partnershipId, int? caseId, DateOnly on, CancellationToken ct)
    {
        var seats = await HeldOnAsync(partnershipId, on, ct);
        BoardCase? boardCase = null;
        if (caseId is { } id)
        {
            boardCase = await db.Cases.AsNoTracking().Include(c => c.Parties).Include(c => c.Recusals).SingleAsync(c => c.Id == id, ct);
        }

        return Impartiality.EligibleVoters(seats, boardCase, on);
    }

    /// <summary>DIS-3: may this user read the case's papers? Office always; recused seat holders not when restricted.</summary>
    public async Task<bool> MayReadPapersAsync(BoardCase boardCase, string userId, bool isOffice, DateOnly on, CancellationToken ct)
    {
        if (isOffice || !boardCase.Restricted)
        {
            return true;
        }

        var seats = await db.BoardSeats.AsNoTracking().Where(s => s.PartnershipId == boardCase.PartnershipId && s.UserId == userId).ToListAsync(ct);
        return MayReadPapers(boardCase, userId, seats, on);
    }

    /// <summary>DIS-3: <see cref="MayReadPapersAsync"/> for a user who is not the office, given the user's seats (read once for many cases).</summary>
    public static bool MayReadPapers(BoardCase boardCase, string userId, IEnumerable<BoardSeat> userSeats, DateOnly on)
    {
        if (!boardCase.Restricted)
        {
            return true;
        }

        var seat = userSeats.FirstOrDefault(s => s.PartnershipId == boardCase.PartnershipId && s.IsHeldOn(on));
        return seat is not null && Impartiality.MayReadPapers(boardCase, userId, seat.OrganisationOrgnr);
    }
}
