using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Meetings;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Features.Meetings;

/// <summary>One accepted member's (or board member's) ballot, checked and waiting to be written.</summary>
internal readonly record struct BallotRow(string VoterKey, string? Orgnr, string Choice, int Weight);

/// <summary>
/// The writer of electronic ballots (ORG-1, issue 5). Requests are checked in their own request (credential, option,
/// not voted), then queued here; a writer loop takes every ballot waiting and writes them, per vote, in ONE
/// transaction: the ballot rows, one audit entry per ballot (chained, naming the voter who cast it), and, last, just
/// before the commit, the count (<see cref="Voting.AddToTallyAsync"/>: a shared lock for a named vote, the tally rows
/// once per option for a secret one). Each request awaits the commit of its batch before its receipt is returned, so a
/// receipt still means durable. Thousands of ballots thus cost a few hundred commits.
/// <para>A request's ballots stay all-or-nothing. When a batch fails on the unique (VoteId, VoterKey) index (a second
/// ballot that slipped past the request's check, e.g. a concurrent paper ballot or another instance), its requests are
/// written again one by one, so exactly the duplicate is refused (409) and the others still count. Two requests for the
/// same member in one batch: the first is written with the batch, the second alone afterwards (and refused).</para>
/// </summary>
public sealed class BallotWriter(IServiceScopeFactory scopes, LiveResults live, ILogger<BallotWriter> logger) : BackgroundService
{
    private const int MaxBatch = 256;
    private const int PostgresWriters = 4;
    private const int MaxAttempts = 5;

    private long _batches;
    private long _ballots;
    private long _writingTicks;

    /// <summary>Transactions committed, ballots in them, and time spent writing (for the benchmark's report).</summary>
    public (long Batches, long Ballots, TimeSpan Writing) Statistics =>
        (Interlocked.Read(ref _batches), Interlocked.Read(ref _ballots), TimeSpan.FromTicks(Interlocked.Read(ref _writingTicks)));

    private readonly Channel<Request> _queue = Channel.CreateUnbounded<Request>(new UnboundedChannelOptions { SingleReader = false });

    private sealed record Request(Vote Vote, string UserId, string Actor, IReadOnlyList<BallotRow> Rows)
    {
        public TaskCompletionSource<IReadOnlyList<BallotReceipt>> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Queues one request's ballots and returns their receipts once the batch holding them has committed.</summary>
    internal Task<IReadOnlyList<BallotReceipt>> WriteAsync(Vote vote, string userId, string actor, IReadOnlyList<BallotRow> rows, CancellationToken ct)
    {
        var request = new Request(vote, userId, actor, rows);
        if (!_queue.Writer.TryWrite(request))
        {
            throw new OperationCanceledException("The application is stopping; nothing was cast.");
        }

        // A request that gives up waiting (client gone) may still be counted: it just gets no receipt.
        return request.Done.Task.WaitAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // PostgreSQL: a few writers, so one batch's round trips overlap the next batch's and commits share an fsync
        // (group commit); named-vote ballots take only shared locks, so they do not wait for each other. SQLite has
        // one writer at a time: one loop.
        bool postgres;
        await using (var scope = scopes.CreateAsyncScope())
        {
            postgres = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.IsNpgsql();
        }

        try
        {
            await Task.WhenAll(Enumerable.Range(0, postgres ? PostgresWriters : 1).Select(_ => Task.Run(() => WriteLoopAsync(stoppingToken), CancellationToken.None)));
        }
        finally
        {
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out var request))
            {
                request.Done.TrySetCanceled(stoppingToken);
            }
        }
    }

    private async Task WriteLoopAsync(CancellationToken stoppingToken)
    {
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                var batch = new List<Request>();
                while (batch.Count < MaxBatch && reader.TryRead(out var request))
                {
                    batch.Add(request);
                }

                foreach (var group in batch.GroupBy(r => r.Vote.Id))
                {
                    await WriteGroupAsync(group.ToList(), stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task WriteGroupAsync(List<Request> group, CancellationToken ct)
    {
        // The same member twice in one batch (concurrent requests): the later request waits to be written alone.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var together = new List<Request>();
        var alone = new List<Request>();
        foreach (var request in group)
        {
            if (request.Rows.Any(r => seen.Contains(r.VoterKey)))
            {
                alone.Add(request);
                continue;
            }

            together.Add(request);
            seen.UnionWith(request.Rows.Select(r => r.VoterKey));
        }

        try
        {
            Complete(together, await WriteBatchAsync(together, ct));
        }
        catch (DbUpdateException e) when (Voting.IsUniqueViolation(e) && together.Count > 1)
        {
            alone.InsertRange(0, together); // find the duplicate: one by one, each all-or-nothing
        }
        catch (Exception e)
        {
            Fail(together, e);
        }

        foreach (var request in alone)
        {
            try
            {
                Complete([request], await WriteBatchAsync([request], ct));
            }
            catch (Exception e)
            {
                Fail([request], e);
            }
        }
    }

    /// <summary>One transaction for the requests' ballots (retried whole when the database asks for it).</summary>
    private async Task<List<IReadOnlyList<BallotReceipt>>> WriteBatchAsync(List<Request> requests, CancellationToken ct)
    {
        if (requests.Count == 0)
        {
            return [];
        }

        var vote = requests[0].Vote;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var audit = scope.ServiceProvider.GetRequiredService<AuditContext>();
                var voting = scope.ServiceProvider.GetRequiredService<Voting>();
                var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
                using var gate = await voting.GateAsync(ct);
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var now = clock.GetUtcNow();
                var receipts = new List<IReadOnlyList<BallotReceipt>>(requests.Count);
                foreach (var request in requests)
                {
                    var mine = new List<BallotReceipt>(request.Rows.Count);
                    foreach (var r in request.Rows)
                    {
                        var receipt = Voting.NewReceipt();
                        var ballot = new Ballot(vote.Id, r.VoterKey, r.Orgnr, request.UserId, vote.Secret ? null : r.Choice, r.Weight, receipt, now);
                        db.Ballots.Add(ballot);
                        audit.ActorFor(ballot, request.Actor); // the audit entry names the one who cast it
                        mine.Add(new BallotReceipt(r.Orgnr, receipt, now));
                    }

                    receipts.Add(mine);
                }

                await db.SaveChangesAsync(ct); // the ballots and one chained audit entry each
                // ORG-1: the tally last, once per option for the whole batch; a frozen (closed) vote refuses the batch.
                await voting.AddToTallyAsync(vote, requests.SelectMany(q => q.Rows).Select(r => (r.Choice, r.Weight)), ct);
                await tx.CommitAsync(ct); // durable before any receipt is returned
                Interlocked.Increment(ref _batches);
                Interlocked.Add(ref _ballots, requests.Sum(q => q.Rows.Count));
                Interlocked.Add(ref _writingTicks, System.Diagnostics.Stopwatch.GetElapsedTime(started).Ticks);
                return receipts;
            }
            catch (Exception e) when (attempt < MaxAttempts && Voting.IsTransient(e))
            {
            }
        }
    }

    private void Complete(List<Request> requests, List<IReadOnlyList<BallotReceipt>> receipts)
    {
        for (var i = 0; i < requests.Count; i++)
        {
            requests[i].Done.TrySetResult(receipts[i]);
        }

        if (requests.Count > 0)
        {
            live.Changed(requests[0].Vote.Id); // pushed coalesced (LiveResults), not per ballot
        }
    }

    private void Fail(List<Request> requests, Exception e)
    {
        if (e is not RuleViolation and not DbUpdateException)
        {
            logger.LogWarning(e, "Ballots for vote {VoteId} not written", requests.FirstOrDefault()?.Vote.Id);
        }

        foreach (var request in requests)
        {
            request.Done.TrySetException(e);
        }
    }
}
