using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Meetings;
using Partnerskap.Web.Data;
using Partnerskap.Web.Data.Configurations;
using Partnerskap.Web.Features.Board;
using Partnerskap.Web.Features.Partnerships;

namespace Partnerskap.Web.Features.Meetings;

/// <summary>One ballot to cast: for a member (annual meeting) or, with no orgnr, for oneself (board meeting).</summary>
public sealed record BallotRequest(string? Orgnr, string? Choice);

/// <summary>What a voter gets back: the receipt (kvittering) for each member's ballot.</summary>
public sealed record BallotReceipt(string? Orgnr, string Receipt, DateTimeOffset CastAt);

/// <summary>The state of a vote as the API and the pages show it (api.md "Meetings and voting").</summary>
public sealed record VoteView(
    int Id,
    int MeetingId,
    int? CaseId,
    string Question,
    string Status,
    bool Secret,
    IReadOnlyList<string> Options,
    int Eligible,
    int Cast,
    IReadOnlyDictionary<string, int> Counts,
    string? Outcome,
    bool OpenedWithoutQuorum,
    int? QuorumNeeded,
    string Majority,
    string? RulesSource);

/// <summary>
/// The voting engine for both meeting kinds: votes draft → open → closed, ballots with receipts, tallies.
/// <para>Integrity: a ballot, its count and its audit entry are written in one transaction and committed before the
/// receipt is returned (<see cref="BallotWriter"/> commits concurrent ballots together). The unique index (VoteId,
/// VoterKey) lets exactly one of several concurrent ballots for the same voter win; the others get 409. A named vote
/// is counted from its ballot rows (summed for the live results, frozen into the tally rows at close); a secret vote's
/// choices go only into the tally rows. Closing freezes the tally rows, waiting for the ballots that hold a lock on
/// them, so a ballot either counts in the frozen result or is refused: counts at close equal receipts.</para>
/// <para>Secrecy: in a secret vote the ballot row (and so its audit entry and the API) records who voted and the
/// receipt, never the choice; the choice only increments the anonymous tally row, which is not audited. While a
/// secret vote is open the API shows how many have voted, not the per-option counts (a single new ballot would
/// otherwise be traceable to the audit entry written at the same moment).</para>
/// </summary>
public sealed class Voting(AppDbContext db, BoardSeats seats, TimeProvider clock, LiveResults live, BallotWriter writer, AuditContext audit)
{
    private const int MaxAttempts = 5;

    /// <summary>
    /// SQLite has one writer at a time, and a waiting writer polls (sleeping up to 150 ms between tries). Ballot and
    /// close transactions therefore queue here in-process instead: same order, no sleeping. (PostgreSQL needs no gate.)
    /// </summary>
    private static readonly SemaphoreSlim SqliteWriter = new(1, 1);

    internal async Task<IDisposable?> GateAsync(CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            return null;
        }

        await SqliteWriter.WaitAsync(ct);
        return new Release();
    }

    private sealed class Release : IDisposable
    {
        public void Dispose() => SqliteWriter.Release();
    }

    /// <summary>Loads a vote and its meeting for a user who may read the partnership (404/403 otherwise).</summary>
    public async Task<(Vote Vote, Meeting Meeting)> LoadAsync(int voteId, ClaimsPrincipal user, PartnershipAccess access, CancellationToken ct)
    {
        var vote = await db.Votes.SingleOrDefaultAsync(v => v.Id == voteId, ct) ?? throw new KeyNotFoundException($"No vote {voteId}.");
        var meeting = await GovernanceApi.LoadMeetingAsync(vote.MeetingId, user, access, db, ct);
        return (vote, meeting);
    }

    /// <summary>
    /// The ballot path's load: the vote and its meeting in one untracked query (a ballot changes neither), then the
    /// same access check as <see cref="LoadAsync"/> (404/403).
    /// </summary>
    public async Task<(Vote Vote, Meeting Meeting)> LoadForBallotAsync(int voteId, ClaimsPrincipal user, PartnershipAccess access, CancellationToken ct)
    {
        var found = await (from v in db.Votes.AsNoTracking()
                           join m in db.Meetings.AsNoTracking() on v.MeetingId equals m.Id
                           where v.Id == voteId
                           select new { Vote = v, Meeting = m }).SingleOrDefaultAsync(ct) ?? throw new KeyNotFoundException($"No vote {voteId}.");
        return await access.CanReadAsync(found.Meeting.PartnershipId, user, ct)
            ? (found.Vote, found.Meeting)
            : throw RuleViolation.Forbidden("You do not have access to this meeting.");
    }

    public async Task<Vote> CreateAsync(Meeting meeting, string? question, IReadOnlyList<string>? options, int? caseId, bool secret, CancellationToken ct)
    {
        meeting.EnsureNotClosed();
        if (caseId is { } id && !await db.Cases.AnyAsync(c => c.Id == id && c.PartnershipId == meeting.PartnershipId, ct))
        {
            throw RuleViolation.Invalid("caseId", "The case is not in this meeting's partnership.");
        }

        var vote = new Vote(meeting.Id, caseId, question ?? "", options, secret);
        db.Votes.Add(vote);
        await db.SaveChangesAsync(ct);
        return vote;
    }

    /// <summary>The voting rules: the meeting's own, else the partnership's (statutes, ORG-4), else ORG-1 defaults.</summary>
    public async Task<VotingRules> RulesAsync(Meeting meeting, CancellationToken ct)
    {
        if (meeting.Kind == MeetingKind.Board)
        {
            return VotingRules.Default;
        }

        if (meeting.RulesSource is not null)
        {
            return meeting.Rules;
        }

        var settings = await db.MeetingSettings.AsNoTracking().SingleOrDefaultAsync(s => s.PartnershipId == meeting.PartnershipId, ct);
        return settings?.Rules ?? VotingRules.Default;
    }

    /// <summary>Who may vote: members with rights on the meeting date (MEM-5), or board members with a voting seat not recused (ORG-2, DIS-3).</summary>
    public async Task<(int Eligible, int Present)> VotersAsync(Meeting meeting, int? caseId, CancellationToken ct)
    {
        if (meeting.Kind == MeetingKind.Board)
        {
            var eligible = (await seats.EligibleVotersAsync(meeting.PartnershipId, caseId, meeting.Date, ct)).Count;
            return (eligible, eligible);
        }

        var members = await db.Members.AsNoTracking().Include(m => m.Notices).Where(m => m.PartnershipId == meeting.PartnershipId).ToListAsync(ct);
        var withRights = members.Where(m => m.HasRightsOn(meeting.Date)).Select(m => m.Orgnr).ToHashSet();
        var present = await db.Credentials.AsNoTracking()
            .Where(c => c.MeetingId == meeting.Id && c.RevokedAt == null && c.Present).Select(c => c.Orgnr).ToListAsync(ct);
        return (withRights.Count, present.Count(withRights.Contains));
    }

    public async Task<VoteView> OpenAsync(Vote vote, Meeting meeting, CancellationToken ct)
    {
        var rules = await RulesAsync(meeting, ct);
        var (eligible, present) = await VotersAsync(meeting, vote.CaseId, ct);
        vote.Open(clock.GetUtcNow(), eligible, present, rules); // ORG-1: quorum refused or marked per setting
        if (meeting.Status != MeetingStatus.InSession)
        {
            meeting.Open();
        }

        for (var i = 0; i < vote.Options.Count; i++)
        {
            db.VoteTallies.Add(new VoteTally { VoteId = vote.Id, Option = vote.Options[i], Position = i });
        }

        await db.SaveChangesAsync(ct);
        live.Changed(vote.Id);
        return await ViewAsync(vote, meeting, ct);
    }

    public async Task<VoteView> CloseAsync(int voteId, Meeting meeting, CancellationToken ct)
    {
        var rules = await RulesAsync(meeting, ct);
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            try
            {
                using var gate = await GateAsync(ct);
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var vote = await db.Votes.SingleAsync(v => v.Id == voteId, ct);
                if (vote.Status != VoteStatus.Open)
                {
                    throw RuleViolation.Conflict("Only an open vote can be closed.");
                }

                // Freezing waits for ballots holding a tally row; later ballots find it frozen and are refused.
                await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"VoteTallies\" SET \"Frozen\" = {true} WHERE \"VoteId\" = {voteId}", ct);
                if (!vote.Secret)
                {
                    // ORG-1: an open (named) vote is counted from its ballot rows, now that no ballot can join: the
                    // result frozen into the tally rows is exactly the ballots with receipts. (A new statement, so it
                    // sees every ballot committed while the freeze waited.)
                    await db.Database.ExecuteSqlInterpolatedAsync(
                        $"UPDATE \"VoteTallies\" SET \"Ballots\" = (SELECT COUNT(*) FROM \"Ballots\" WHERE \"Ballots\".\"VoteId\" = \"VoteTallies\".\"VoteId\" AND \"Ballots\".\"Choice\" = \"VoteTallies\".\"Option\"), \"Votes\" = (SELECT COALESCE(SUM(\"Weight\"), 0) FROM \"Ballots\" WHERE \"Ballots\".\"VoteId\" = \"VoteTallies\".\"VoteId\" AND \"Ballots\".\"Choice\" = \"VoteTallies\".\"Option\") WHERE \"VoteId\" = {voteId}",
                        ct);
                }

                var tallies = await db.VoteTallies.AsNoTracking().Where(t => t.VoteId == voteId).ToListAsync(ct);
                var result = Tally.Decide(vote.Options, tallies.ToDictionary(t => t.Option, t => t.Votes), tallies.Sum(t => t.Ballots), rules, vote.Eligible);
                vote.Close(clock.GetUtcNow(), result);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                live.Changed(voteId);
                return await ViewAsync(vote, meeting, ct);
            }
            catch (Exception e) when (attempt < MaxAttempts && IsTransient(e))
            {
            }
        }
    }

    /// <summary>
    /// Casts the user's ballots in one transaction (a representative holding several members casts for each, and may
    /// split them). Every ballot is refused unless all are accepted. Returns the receipts once committed.
    /// <para>The checks run here, in the request; the writing is done by <see cref="BallotWriter"/>, which commits
    /// concurrent requests' ballots together (each request's ballots all or none) before any receipt is returned.</para>
    /// </summary>
    public async Task<IReadOnlyList<BallotReceipt>> CastAsync(Vote vote, Meeting meeting, string userId, IReadOnlyList<BallotRequest> ballots, CancellationToken ct)
    {
        if (ballots.Count == 0)
        {
            throw RuleViolation.Invalid("choice", "Choose an option.");
        }

        var rows = new List<BallotRow>();
        var voted = new List<string>();
        foreach (var b in ballots)
        {
            var choice = vote.AcceptChoice(b.Choice); // 409 unless open; 400 for an unknown option
            var (key, orgnr, weight, hasVoted) = await VoterAsync(vote, meeting, userId, b.Orgnr, ct);
            rows.Add(new BallotRow(key, orgnr, choice, weight));
            if (hasVoted)
            {
                voted.Add(key);
            }
        }

        if (rows.Select(r => r.VoterKey).Distinct().Count() != rows.Count)
        {
            throw RuleViolation.Conflict("One ballot per member: the same member appears twice.");
        }

        // ORG-1: one ballot per member. Refused here when already stored; the unique index decides between concurrent ones.
        if (voted.Count > 0)
        {
            throw AlreadyVoted(voted);
        }

        try
        {
            return await writer.WriteAsync(vote, userId, audit.CurrentActor, rows, ct);
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            var keys = rows.Select(r => r.VoterKey).ToList();
            throw AlreadyVoted(await db.Ballots.AsNoTracking().Where(x => x.VoteId == vote.Id && keys.Contains(x.VoterKey)).Select(x => x.VoterKey).ToListAsync(ct));
        }
    }

    private static RuleViolation AlreadyVoted(List<string> voted) => RuleViolation.Conflict(voted.Count > 0
        ? $"Already voted: {string.Join(", ", voted.Select(Describe))}. Each member has one ballot; nothing was cast."
        : "Already voted: nothing was cast.");

    /// <summary>
    /// ORG-1: counts ballots inside the caller's transaction, as its last statement before the commit.
    /// <para>An open (named) vote keeps no running tally: its ballot rows (choice and weight) are the count, summed for
    /// the live results and frozen into the tally rows at close. The ballot only takes a shared lock on the vote's
    /// first tally row while it is not frozen: ballots do not wait for each other, and closing (which freezes the rows)
    /// waits for them, so a ballot either commits before the close counts or is refused.</para>
    /// <para>A secret vote stores no choice with the ballot, so its choices go into the anonymous tally rows: in option
    /// order (a fixed lock order), one update per option. A frozen (closed) tally refuses them.</para>
    /// </summary>
    internal async Task AddToTallyAsync(Vote vote, IEnumerable<(string Choice, int Weight)> rows, CancellationToken ct)
    {
        if (!vote.Secret)
        {
            var sql = db.Database.IsNpgsql()
                ? (FormattableString)$"SELECT 1 AS \"Value\" FROM \"VoteTallies\" WHERE \"VoteId\" = {vote.Id} AND \"Frozen\" = {false} ORDER BY \"Position\" LIMIT 1 FOR SHARE"
                : $"SELECT 1 AS \"Value\" FROM \"VoteTallies\" WHERE \"VoteId\" = {vote.Id} AND \"Frozen\" = {false} LIMIT 1"; // SQLite: the writer already holds the database
            if ((await db.Database.SqlQuery<int>(sql).ToListAsync(ct)).Count == 0)
            {
                throw RuleViolation.Conflict("The vote is closed.");
            }

            return;
        }

        foreach (var group in rows.GroupBy(r => r.Choice).OrderBy(g => vote.Options.IndexOf(g.Key)))
        {
            var count = group.Count();
            var weight = group.Sum(r => r.Weight);
            var updated = await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE \"VoteTallies\" SET \"Ballots\" = \"Ballots\" + {count}, \"Votes\" = \"Votes\" + {weight} WHERE \"VoteId\" = {vote.Id} AND \"Option\" = {group.Key} AND \"Frozen\" = {false}",
                ct);
            if (updated == 0)
            {
                throw RuleViolation.Conflict("The vote is closed.");
            }
        }
    }

    /// <summary>The counts per option: summed from the ballot rows while a named vote is open, else the tally rows (secret, or frozen at close).</summary>
    private async Task<List<VoteTally>> TalliesAsync(Vote vote, CancellationToken ct)
    {
        if (vote.Status == VoteStatus.Draft)
        {
            return [];
        }

        if (vote.Status == VoteStatus.Open && !vote.Secret)
        {
            var sums = await db.Ballots.AsNoTracking().Where(b => b.VoteId == vote.Id && b.Choice != null)
                .GroupBy(b => b.Choice).Select(g => new { Option = g.Key!, Ballots = g.Count(), Votes = g.Sum(b => b.Weight) }).ToListAsync(ct);
            return sums.Select(t => new VoteTally { VoteId = vote.Id, Option = t.Option, Ballots = t.Ballots, Votes = t.Votes }).ToList();
        }

        return await db.VoteTallies.AsNoTracking().Where(t => t.VoteId == vote.Id).ToListAsync(ct);
    }

    /// <summary>Whose ballot this is: the member this user represents (annual), or the user's own seat (board).</summary>
    private async Task<(string Key, string? Orgnr, int Weight, bool Voted)> VoterAsync(Vote vote, Meeting meeting, string userId, string? orgnr, CancellationToken ct)
    {
        if (meeting.Kind == MeetingKind.Board)
        {
            if (!string.IsNullOrWhiteSpace(orgnr))
            {
                throw RuleViolation.Invalid("orgnr", "In a board meeting each board member votes for themself: omit orgnr.");
            }

            await seats.RequireVotingSeatAsync(meeting.PartnershipId, userId, meeting.Date, vote.CaseId, ct); // ORG-2, DIS-3
            return ("user:" + userId, null, 1, false); // a second ballot is refused by the unique index
        }

        if (string.IsNullOrWhiteSpace(orgnr))
        {
            throw RuleViolation.Invalid("orgnr", "Say which member you cast this ballot for.");
        }

        // One round trip on the ballot path: the credential, whether the member has a paper ballot in this vote, and
        // whether it has voted already.
        var credential = await db.Credentials.AsNoTracking()
            .Where(c => c.MeetingId == meeting.Id && c.Orgnr == orgnr.Trim() && c.RevokedAt == null)
            .Select(c => new
            {
                c.Orgnr,
                c.RepresentativeUserId,
                c.Weight,
                Paper = db.PaperBallots.Any(p => p.VoteId == vote.Id && p.Orgnr == c.Orgnr),
                Voted = db.Ballots.Any(b => b.VoteId == vote.Id && b.VoterKey == c.Orgnr),
            })
            .SingleOrDefaultAsync(ct);
        if (credential is null || credential.RepresentativeUserId != userId)
        {
            throw RuleViolation.Forbidden($"You do not represent {orgnr.Trim()} at this meeting.", "ORG-1");
        }

        // ORG-1: a member whose paper ballot is being entered does not also vote electronically (its ballot counts once).
        if (credential.Paper)
        {
            throw RuleViolation.Conflict($"Already voted: {credential.Orgnr} has a paper ballot in this vote. Each member has one ballot; nothing was cast.", "ORG-1");
        }

        return (credential.Orgnr, credential.Orgnr, credential.Weight, credential.Voted);
    }

    public async Task<VoteView> ViewAsync(Vote vote, Meeting meeting, CancellationToken ct)
    {
        var rules = await RulesAsync(meeting, ct);
        var tallies = await TalliesAsync(vote, ct);
        var eligible = vote.Status == VoteStatus.Draft ? (await VotersAsync(meeting, vote.CaseId, ct)).Eligible : vote.Eligible;
        var hide = vote.Secret && vote.Status != VoteStatus.Closed;
        var counts = hide ? new Dictionary<string, int>() : vote.Options.ToDictionary(o => o, o => tallies.FirstOrDefault(t => t.Option == o)?.Votes ?? 0);
        return new VoteView(vote.Id, vote.MeetingId, vote.CaseId, vote.Question, vote.Status.ToString().ToLowerInvariant(), vote.Secret, vote.Options,
            eligible, tallies.Sum(t => t.Ballots), counts, vote.Outcome, vote.OpenedWithoutQuorum, rules.QuorumPercent is null ? null : rules.QuorumOf(eligible),
            rules.Majority.ToString(), rules.Source);
    }

    /// <summary>A receipt code: 12 random base-32 characters in groups of four (about 60 bits).</summary>
    public static string NewReceipt()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        Span<byte> bytes = stackalloc byte[12];
        RandomNumberGenerator.Fill(bytes);
        Span<char> chars = stackalloc char[14];
        var j = 0;
        for (var i = 0; i < 12; i++)
        {
            if (i is 4 or 8)
            {
                chars[j++] = '-';
            }

            chars[j++] = alphabet[bytes[i] % alphabet.Length];
        }

        return new string(chars);
    }

    private static string Describe(string voterKey) => voterKey.StartsWith("user:", StringComparison.Ordinal) ? "you" : voterKey;

    public static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode == 2067, // SQLITE_CONSTRAINT_UNIQUE
        _ => false,
    };

    /// <summary>Deadlock or serialisation failure (PostgreSQL), busy (SQLite): the transaction rolled back and may be retried.</summary>
    public static bool IsTransient(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            if (x is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure }
                or SqliteException { SqliteErrorCode: 5 or 6 })
            {
                return true;
            }
        }

        return false;
    }
}
