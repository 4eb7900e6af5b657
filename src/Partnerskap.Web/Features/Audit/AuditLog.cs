using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Web.Data;
using Partnerskap.Web.Infrastructure;

namespace Partnerskap.Web.Features.Audit;

/// <summary>The audit log: read it, and verify its hash chain (tamper evidence).</summary>
public static class AuditLog
{
    /// <param name="Ok">True when every entry's hash matches and links to the one before it in its chain, and every chain head matches its last entry.</param>
    /// <param name="FirstBrokenSequence">The first entry (in log order) that does not verify: edited, inserted, or its predecessor deleted.</param>
    /// <param name="Chains">How many parallel chains the log is written in (see <see cref="AuditEntry.Chain"/>).</param>
    public sealed record Verification(bool Ok, long Entries, long? FirstBrokenSequence, string? Reason, int Chains = 0);

    public sealed record EntryDto(long Sequence, DateTimeOffset At, string Actor, string Action, string Entity, string EntityKey, string Changes, string? DecisionRef, string Hash);

    /// <summary>
    /// Walks the log in sequence order, following each chain (an entry links to the previous entry of its own chain);
    /// stops at the first entry that does not verify, then checks every chain head against its chain's last entry.
    /// </summary>
    public static async Task<Verification> VerifyAsync(AppDbContext db, CancellationToken ct)
    {
        var last = new Dictionary<int, (long Sequence, string Hash)>();
        long count = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            var previous = last.TryGetValue(entry.Chain, out var p) ? p.Hash : "";
            if (entry.PreviousHash != previous)
            {
                return new(false, count, entry.Sequence, previous == "" && entry.PreviousHash != ""
                    ? $"It links to an entry that is missing: the first entries of chain {entry.Chain} were removed."
                    : "It does not link to the entry before it (an entry was removed, inserted or reordered).", last.Count);
            }

            if (entry.ComputeHash() != entry.Hash)
            {
                return new(false, count, entry.Sequence, "Its content does not match its hash: it was changed after it was written.", last.Count);
            }

            last[entry.Chain] = (entry.Sequence, entry.Hash);
        }

        var heads = await db.AuditChainHeads.AsNoTracking().ToListAsync(ct);
        foreach (var (chain, end) in last.OrderBy(l => l.Key))
        {
            if (heads.FirstOrDefault(h => h.Id == chain) is not { } head)
            {
                return new(false, count, end.Sequence + 1, $"The head of chain {chain} is missing: the chain's end cannot be checked.", last.Count);
            }
        }

        foreach (var head in heads.Where(h => h.Sequence != 0 || h.Hash != "").OrderBy(h => h.Sequence))
        {
            var end = last.TryGetValue(head.Id, out var e) ? e : (0, "");
            if (head.Sequence != end.Sequence || head.Hash != end.Hash)
            {
                return new(false, count, head.Sequence,
                    $"The head of chain {head.Id} says its last entry is {head.Sequence}; the chain ends at {end.Sequence}: its latest entries were removed.", last.Count);
            }
        }

        return new(true, count, null, null, last.Count);
    }

    /// <summary>
    /// Start-up: entries written before the chain existed (empty hash) are sealed into chain 1 once, in order; then
    /// the chain heads are created and (PostgreSQL) the entry numbering continues after the highest entry.
    /// </summary>
    public static async Task SealLegacyEntriesAsync(AppDbContext db, CancellationToken ct)
    {
        if (await db.AuditEntries.AnyAsync(a => a.Hash == "", ct) && !await db.AuditChainHeads.AnyAsync(ct))
        {
            var previous = "";
            long sequence = 0;
            foreach (var entry in await db.AuditEntries.OrderBy(a => a.Sequence).ToListAsync(ct))
            {
                entry.Sequence = ++sequence;
                entry.Chain = 1;
                entry.PreviousHash = previous;
                entry.Hash = entry.ComputeHash();
                previous = entry.Hash;
            }

            db.AuditChainHeads.Add(new AuditChainHead { Id = 1, Sequence = sequence, Hash = previous });
            await db.SaveChangesAsync(ct);
        }

        var postgres = db.Database.IsNpgsql();
        await db.Database.ExecuteSqlRawAsync(AuditInterceptor.CreateChains(postgres ? AuditChainHead.Streams : 1), ct);
        if (postgres)
        {
            await db.Database.ExecuteSqlRawAsync(ContinueSequence, ct);
        }
    }

    /// <summary>PostgreSQL: moves the entry numbering past the highest entry when it is behind (never backwards).</summary>
    public const string ContinueSequence =
        "SELECT setval('\"" + PostgresAppDbContext.AuditSequence + "\"', m) FROM (SELECT MAX(\"Sequence\") AS m FROM \"AuditEntries\") x " +
        "WHERE m IS NOT NULL AND m >= (SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM \"" + PostgresAppDbContext.AuditSequence + "\")";

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/audit").WithTags("Audit").RequireAuthorization(Policies.Admin);
        group.MapGet("/", List).WithSummary("Audit entries, newest first (office)");
        group.MapGet("/verify", async (AppDbContext db, CancellationToken ct) => TypedResults.Ok(await VerifyAsync(db, ct)))
            .WithSummary("Verify the hash chain; names the first broken entry (office)");
        return api;
    }

    private static async Task<Ok<List<EntryDto>>> List(AppDbContext db, string? entity, string? key, int? take, CancellationToken ct) =>
        TypedResults.Ok(await Query(db, entity, key, take ?? 100).ToListAsync(ct));

    public static IQueryable<EntryDto> Query(AppDbContext db, string? entity, string? key, int take)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(entity))
        {
            query = query.Where(a => a.Entity == entity);
        }

        if (!string.IsNullOrWhiteSpace(key))
        {
            query = query.Where(a => a.EntityKey == key || a.Changes.Contains(key));
        }

        return query.OrderByDescending(a => a.Sequence).Take(Math.Clamp(take, 1, 1000))
            .Select(a => new EntryDto(a.Sequence, a.At, a.Actor, a.Action, a.Entity, a.EntityKey, a.Changes, a.DecisionRef, a.Hash));
    }
}
