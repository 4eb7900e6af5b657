using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Meetings;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Features.Meetings;

/// <summary>A paper ballot as the office sees it; the choice only once counted, and never in a secret vote.</summary>
public sealed record PaperBallotDto(int Id, int VoteId, string Orgnr, string MemberName, string Status, string RegisteredBy, DateTimeOffset RegisteredAt,
    string? ConfirmedBy, DateTimeOffset? ConfirmedAt, string? Receipt, string? Choice);

/// <summary>The outcome of entering a paper ballot on the page: registered (awaiting a second office user) or confirmed and counted.</summary>
public sealed record PaperEntry(PaperBallot PaperBallot, BallotReceipt? Receipt);

/// <summary>
/// ORG-1: paper ballots entered by two office users. The first office user registers the paper (member and choice);
/// a second, different office user enters it again. Only identical entries are counted, once, as the member's
/// <see cref="Ballot"/> with a receipt: the same unique (VoteId, VoterKey) index as electronic ballots lets exactly one
/// of concurrent confirmations (or of a confirmation and an electronic ballot) win.
/// </summary>
public sealed class PaperBallots(AppDbContext db, Voting voting, TimeProvider clock, LiveResults live, IDataProtectionProvider protection)
{
    private const int MaxAttempts = 5;

    private IDataProtector Protector => protection.CreateProtector("Partnerskap.Meetings.PaperBallot.v1");

    /// <summary>The first entry: member (with an active credential) and choice. Refused if the member has voted or has a paper ballot.</summary>
    public async Task<PaperBallot> RegisterAsync(Vote vote, Meeting meeting, string officeUserId, string? orgnr, string? choice, CancellationToken ct)
    {
        var (member, option) = await CheckAsync(vote, meeting, orgnr, choice, ct);
        if (await db.PaperBallots.AsNoTracking().AnyAsync(p => p.VoteId == vote.Id && p.Orgnr == member, ct))
        {
            throw RuleViolation.Conflict($"{member} already has a paper ballot in this vote: confirm or withdraw it.", "ORG-1", "orgnr");
        }

        var paper = new PaperBallot(vote.Id, member, vote.Secret ? Protector.Protect(option) : option, officeUserId, clock.GetUtcNow());
        db.PaperBallots.Add(paper);
        try
        {
            await db.SaveChangesAsync(ct); // audited
        }
        catch (DbUpdateException e) when (Voting.IsUniqueViolation(e))
        {
            throw RuleViolation.Conflict($"{member} already has a paper ballot in this vote: confirm or withdraw it.", "ORG-1", "orgnr");
        }

        live.Changed(vote.Id);
        return paper;
    }

    /// <summary>
    /// The second entry by a different office user. Equal entries count the ballot (tally, ballot with receipt, paper
    /// ballot confirmed, audit) in one transaction, committed before the receipt is returned.
    /// </summary>
    public async Task<BallotReceipt> ConfirmAsync(Vote vote, Meeting meeting, int paperBallotId, string officeUserId, string? orgnr, string? choice, CancellationToken ct)
    {
        meeting.EnsureNotClosed();
        var option = vote.AcceptChoice(choice); // 409 unless open; 400 for an unknown option
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            try
            {
                var receipt = await CountAsync(vote, paperBallotId, officeUserId, orgnr?.Trim() ?? "", option, ct);
                live.Changed(vote.Id);
                return receipt;
            }
            catch (DbUpdateException e) when (Voting.IsUniqueViolation(e))
            {
                var paper = await db.PaperBallots.AsNoTracking().SingleOrDefaultAsync(p => p.Id == paperBallotId, ct);
                throw RuleViolation.Conflict(paper?.Status == PaperBallotStatus.Confirmed
                    ? $"The paper ballot for {paper.Orgnr} is already confirmed and counted; nothing more was counted."
                    : $"Already voted: {paper?.Orgnr} has a ballot in this vote. Each member has one ballot; nothing was counted.", "ORG-1");
            }
            catch (Exception e) when (attempt < MaxAttempts && Voting.IsTransient(e))
            {
            }
        }
    }

    private async Task<BallotReceipt> CountAsync(Vote vote, int paperBallotId, string officeUserId, string orgnr, string option, CancellationToken ct)
    {
        using var gate = await voting.GateAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var paper = await db.PaperBallots.SingleOrDefaultAsync(p => p.Id == paperBallotId && p.VoteId == vote.Id, ct)
            ?? throw new KeyNotFoundException($"No paper ballot {paperBallotId} in this vote.");
        var first = paper.EnteredChoice is { } entered && vote.Secret ? Protector.Unprotect(entered) : paper.EnteredChoice ?? "";
        paper.CheckSecondEntry(officeUserId, orgnr, option, first); // ORG-1: a second, different office user; the same content

        // ORG-1: counted with the member's weight from its credential, once (unique (VoteId, VoterKey) with electronic ballots).
        var credential = await db.Credentials.AsNoTracking().SingleOrDefaultAsync(c => c.MeetingId == vote.MeetingId && c.Orgnr == paper.Orgnr && c.RevokedAt == null, ct)
            ?? throw RuleViolation.Conflict($"{paper.Orgnr} is no longer represented at this meeting: its paper ballot cannot be counted.", "ORG-1");
        await voting.AddToTallyAsync(vote, [(option, credential.Weight)], ct);
        var now = clock.GetUtcNow();
        var receipt = Voting.NewReceipt();
        db.Ballots.Add(new Ballot(vote.Id, paper.Orgnr, paper.Orgnr, officeUserId, vote.Secret ? null : option, credential.Weight, receipt, now));
        paper.Confirm(officeUserId, receipt, vote.Secret, now);
        await db.SaveChangesAsync(ct); // ballot, paper ballot, audit entries
        await tx.CommitAsync(ct);      // durable before the receipt is returned
        return new BallotReceipt(paper.Orgnr, receipt, now);
    }

    /// <summary>
    /// What the page form does: the first entry registers the paper ballot; an entry for a member whose paper ballot
    /// another office user registered is the second entry and confirms it.
    /// </summary>
    public async Task<PaperEntry> EnterAsync(Vote vote, Meeting meeting, string officeUserId, string? orgnr, string? choice, CancellationToken ct)
    {
        var member = orgnr?.Trim() ?? "";
        var pending = await db.PaperBallots.AsNoTracking().SingleOrDefaultAsync(p => p.VoteId == vote.Id && p.Orgnr == member, ct);
        if (pending is null)
        {
            return new PaperEntry(await RegisterAsync(vote, meeting, officeUserId, orgnr, choice, ct), null);
        }

        var receipt = await ConfirmAsync(vote, meeting, pending.Id, officeUserId, member, choice, ct);
        return new PaperEntry(pending, receipt);
    }

    /// <summary>Withdraws a paper ballot not yet confirmed (e.g. entered for the wrong member). A counted one stays.</summary>
    public async Task WithdrawAsync(Vote vote, Meeting meeting, int paperBallotId, CancellationToken ct)
    {
        meeting.EnsureNotClosed();
        var paper = await db.PaperBallots.SingleOrDefaultAsync(p => p.Id == paperBallotId && p.VoteId == vote.Id, ct)
            ?? throw new KeyNotFoundException($"No paper ballot {paperBallotId} in this vote.");
        if (paper.Status != PaperBallotStatus.Pending)
        {
            throw RuleViolation.Conflict("A confirmed paper ballot is counted and cannot be withdrawn.", "ORG-1");
        }

        db.PaperBallots.Remove(paper);
        await db.SaveChangesAsync(ct); // audited
        live.Changed(vote.Id);
    }

    public async Task<List<PaperBallotDto>> ListAsync(Meeting meeting, int? voteId, CancellationToken ct)
    {
        var votes = await db.Votes.AsNoTracking().Where(v => v.MeetingId == meeting.Id && (voteId == null || v.Id == voteId)).ToDictionaryAsync(v => v.Id, ct);
        var ids = votes.Keys.ToList();
        var papers = await db.PaperBallots.AsNoTracking().Where(p => ids.Contains(p.VoteId)).OrderBy(p => p.Id).ToListAsync(ct);
        var userIds = papers.Select(p => p.RegisteredByUserId).Concat(papers.Select(p => p.ConfirmedByUserId ?? "")).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var pid = meeting.PartnershipId;
        var orgnrs = papers.Select(p => p.Orgnr).Distinct().ToList();
        var names = await db.Members.AsNoTracking().Where(m => m.PartnershipId == pid && orgnrs.Contains(m.Orgnr)).ToDictionaryAsync(m => m.Orgnr, m => m.Name, ct);
        // The first entry's choice is never shown: the second office user enters the paper independently.
        return papers.Select(p => new PaperBallotDto(p.Id, p.VoteId, p.Orgnr, names.GetValueOrDefault(p.Orgnr, p.Orgnr), p.Status.ToString().ToLowerInvariant(),
            users.GetValueOrDefault(p.RegisteredByUserId, "?"), p.RegisteredAt, p.ConfirmedByUserId is { } c ? users.GetValueOrDefault(c, "?") : null, p.ConfirmedAt,
            p.Receipt, p.Status == PaperBallotStatus.Confirmed && !votes[p.VoteId].Secret ? p.EnteredChoice : null)).ToList();
    }

    /// <summary>MEM-5/ORG-1: the member is represented at the meeting (so has rights on the meeting date) and has not voted.</summary>
    private async Task<(string Orgnr, string Choice)> CheckAsync(Vote vote, Meeting meeting, string? orgnr, string? choice, CancellationToken ct)
    {
        if (meeting.Kind != MeetingKind.Annual)
        {
            throw RuleViolation.Conflict("Paper ballots are for annual meetings; board members vote for themselves.");
        }

        meeting.EnsureNotClosed();
        var option = vote.AcceptChoice(choice); // 409 unless open; 400 for an unknown option
        var member = orgnr?.Trim() ?? "";
        if (member.Length == 0)
        {
            throw RuleViolation.Invalid("orgnr", "Say which member the paper ballot is for.");
        }

        if (!await db.Credentials.AsNoTracking().AnyAsync(c => c.MeetingId == meeting.Id && c.Orgnr == member && c.RevokedAt == null, ct))
        {
            throw RuleViolation.Conflict($"{member} is not represented at this meeting: register its representative first.", "ORG-1", "orgnr");
        }

        if (await db.Ballots.AsNoTracking().AnyAsync(b => b.VoteId == vote.Id && b.VoterKey == member, ct))
        {
            throw RuleViolation.Conflict($"Already voted: {member} has a ballot in this vote. Each member has one ballot.", "ORG-1", "orgnr");
        }

        return (member, option);
    }
}
