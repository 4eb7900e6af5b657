using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Web.Data;
using Partnerskap.Web.Infrastructure;

namespace Partnerskap.Web.Features.Audit;

/// <summary>The audit log: read it, and verify its hash chain (tamper evidence).</summary>
public static class AuditLog
{
    /// <param name="Ok">True when every entry's hash matches and links to the one before.</param>
    /// <param name="FirstBrokenSequence">The first entry that does not verify (edited, inserted or its predecessor deleted).</param>
    public sealed record Verification(bool Ok, long Entries, long? FirstBrokenSequence, string? Reason);

    public sealed record EntryDto(long Sequence, DateTimeOffset At, string Actor, string Action, string Entity, string EntityKey, string Changes, string? DecisionRef, string Hash);

    /// <summary>Walks the chain in order; stops at the first entry that does not verify.</summary>
    public static async Task<Verification> VerifyAsync(AppDbContext db, CancellationToken ct)
    {
        var previous = "";
        long expected = 1, count = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            if (entry.Sequence != expected)
            {
                return new(false, count, expected, $"Entry {expected} is missing (next is {entry.Sequence}).");
            }

            if (entry.PreviousHash != previous)
            {
                return new(false, count, entry.Sequence, "It does not link to the entry before it.");
            }

            if (entry.ComputeHash() != entry.Hash)
            {
                return new(false, count, entry.Sequence, "Its content does not match its hash: it was changed after it was written.");
            }

            previous = entry.Hash;
            expected++;
        }

        var head = await db.AuditChainHeads.AsNoTracking().SingleOrDefaultAsync(ct);
        if (head is not null && (head.Sequence != expected - 1 || head.Hash != previous))
        {
            return new(false, count, expected, $"The chain head says {head.Sequence} entries; the log ends at {expected - 1}: the latest entries were removed.");
        }

        return new(true, count, null, null);
    }

    /// <summary>
    /// Start-up: entries written before the chain existed (empty hash) are sealed into the chain once, in order.
    /// </summary>
    public static async Task SealLegacyEntriesAsync(AppDbContext db, CancellationToken ct)
    {
        if (!await db.AuditEntries.AnyAsync(a => a.Hash == "", ct) || await db.AuditChainHeads.AnyAsync(ct))
        {
            return;
        }

        var previous = "";
        long sequence = 0;
        foreach (var entry in await db.AuditEntries.OrderBy(a => a.Sequence).ToListAsync(ct))
        {
            entry.Sequence = ++sequence;
            entry.PreviousHash = previous;
            entry.Hash = entry.ComputeHash();
            previous = entry.Hash;
        }

        db.AuditChainHeads.Add(new AuditChainHead { Id = 1, Sequence = sequence, Hash = previous });
        await db.SaveChangesAsync(ct);
    }

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
