using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Partnerships;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Features.Partnerships;

/// <summary>
/// Every partnership (id, slug, name, agreement date, policies), read once and kept for at most <see cref="Lifetime"/>:
/// each page and API call resolves its <c>{slug}</c> through it instead of asking the database again. Safe to cache
/// because partnerships change rarely (a new partnership, the settings page): this process drops its copy whenever it
/// saves a partnership (<see cref="AppDbContext"/>'s SaveChanges calls <see cref="Invalidate"/>), and another instance
/// sharing the database sees the change within <see cref="Lifetime"/>. Only the partnerships themselves are cached:
/// who may read them (assignments, memberships, board seats) is checked against the database on every request, and
/// the handlers that act on a partnership's policies read it from the database themselves. The instances are shared
/// between requests: read them, never change them.
/// </summary>
public sealed class PartnershipDirectory
{
    /// <summary>How stale another instance's change may be here (several instances share one database).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private static long s_generation;

    private Snapshot? _snapshot;

    /// <summary>Drops every cached copy in this process (called after a partnership is saved).</summary>
    public static void Invalidate() => Interlocked.Increment(ref s_generation);

    /// <summary>Every partnership, ordered by name (as the database orders it).</summary>
    public async Task<IReadOnlyList<Partnership>> AllAsync(AppDbContext db, CancellationToken ct)
    {
        var generation = Interlocked.Read(ref s_generation);
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is not null && snapshot.Generation == generation && Stopwatch.GetElapsedTime(snapshot.LoadedAt) < Lifetime)
        {
            return snapshot.ByName;
        }

        var loadedAt = Stopwatch.GetTimestamp();
        var all = await db.Partnerships.AsNoTracking().OrderByBokmal(p => p.Name).ToListAsync(ct);
        Volatile.Write(ref _snapshot, new Snapshot(all, generation, loadedAt));
        return all;
    }

    private sealed record Snapshot(IReadOnlyList<Partnership> ByName, long Generation, long LoadedAt);
}
