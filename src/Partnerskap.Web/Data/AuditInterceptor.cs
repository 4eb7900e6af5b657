using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Partnerskap.Domain.Statistics;

namespace Partnerskap.Web.Data;

/// <summary>Who is changing things in this scope, and on what decision. Set by handlers before they save.</summary>
public sealed class AuditContext(IHttpContextAccessor http)
{
    /// <summary>Used instead of the signed-in user (start-up seeding says "system").</summary>
    public string? Actor { get; set; }

    /// <summary>The decision a change rests on (e.g. "Årsmøtet 2022 sak 5"), recorded on every entry of the next save.</summary>
    public string? DecisionRef { get; set; }

    public string CurrentActor =>
        Actor ?? http.HttpContext?.User.Identity?.Name ?? "system";
}

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every added, changed or deleted entity, in the same transaction as the
/// change: the change and its audit entry are saved together or not at all.
/// </summary>
public sealed class AuditInterceptor(AuditContext audit, TimeProvider clock) : SaveChangesInterceptor
{
    // Covered elsewhere: population figures by their StatisticsImport row; tokens are secrets.
    private static readonly HashSet<Type> NotAudited =
        [typeof(AuditEntry), typeof(AuditChainHead), typeof(PopulationFigure), typeof(Configurations.NumberCounter), typeof(IdentityUserToken<string>),
            typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey)]; // key material is secret

    private static readonly HashSet<string> SecretProperties =
        ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "NormalizedEmail", "NormalizedUserName", "NormalizedName"];

    private static readonly JsonSerializerOptions Json = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private readonly ConditionalWeakTable<DbContext, SaveState> _states = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && Begin(context) is { } state && context.Database.CurrentTransaction is null)
        {
            state.OwnTransaction = context.Database.BeginTransaction();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && Begin(context) is { } state && context.Database.CurrentTransaction is null)
        {
            state.OwnTransaction = await context.Database.BeginTransactionAsync(cancellationToken);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && _states.TryGetValue(context, out var state) && !state.Writing)
        {
            try
            {
                var entries = state.ToEntries(audit, clock);
                state.Writing = true;
                Chain(context, entries, Head(context));
                context.AddRange(entries);
                context.SaveChanges();
                state.OwnTransaction?.Commit();
            }
            finally
            {
                End(context, state);
            }
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _states.TryGetValue(context, out var state) && !state.Writing)
        {
            try
            {
                var entries = state.ToEntries(audit, clock);
                state.Writing = true;
                Chain(context, entries, await HeadAsync(context, cancellationToken));
                context.AddRange(entries);
                await context.SaveChangesAsync(cancellationToken);
                if (state.OwnTransaction is not null)
                {
                    await state.OwnTransaction.CommitAsync(cancellationToken);
                }
            }
            finally
            {
                End(context, state);
            }
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } context && _states.TryGetValue(context, out var state) && !state.Writing)
        {
            End(context, state);
        }
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    // The chain head row is locked (a no-op UPDATE: a row lock on PostgreSQL; SQLite already holds the write lock) and
    // then read, so concurrent transactions append one after the other and the chain never forks.
    private const string LockHead = "UPDATE \"AuditChainHeads\" SET \"Sequence\" = \"Sequence\" WHERE \"Id\" = 1";
    private const string CreateHead = "INSERT INTO \"AuditChainHeads\" (\"Id\", \"Sequence\", \"Hash\") VALUES (1, 0, '') ON CONFLICT DO NOTHING";

    private static AuditChainHead Head(DbContext context)
    {
        context.Database.ExecuteSqlRaw(CreateHead);
        context.Database.ExecuteSqlRaw(LockHead);
        var head = context.Set<AuditChainHead>().Single(h => h.Id == 1);
        context.Entry(head).Reload();
        return head;
    }

    private static async Task<AuditChainHead> HeadAsync(DbContext context, CancellationToken ct)
    {
        await context.Database.ExecuteSqlRawAsync(CreateHead, ct);
        await context.Database.ExecuteSqlRawAsync(LockHead, ct);
        var head = await context.Set<AuditChainHead>().SingleAsync(h => h.Id == 1, ct);
        await context.Entry(head).ReloadAsync(ct);
        return head;
    }

    private static void Chain(DbContext context, List<AuditEntry> entries, AuditChainHead head)
    {
        _ = context;
        foreach (var entry in entries)
        {
            entry.Sequence = ++head.Sequence;
            entry.PreviousHash = head.Hash;
            entry.Hash = entry.ComputeHash();
            head.Hash = entry.Hash;
        }
    }

    private SaveState? Begin(DbContext context)
    {
        if (_states.TryGetValue(context, out var running) && running.Writing)
        {
            return null; // the audit entries' own save
        }

        var pending = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => !NotAudited.Contains(e.Metadata.ClrType))
            .Select(Pending.Capture)
            .Where(p => p is not null)
            .Select(p => p!)
            .ToList();
        if (pending.Count == 0)
        {
            return null;
        }

        var state = new SaveState(pending);
        _states.AddOrUpdate(context, state);
        return state;
    }

    private void End(DbContext context, SaveState state)
    {
        // Dispose rolls back an uncommitted transaction: a failed audit write undoes the change too.
        state.OwnTransaction?.Dispose();
        _states.Remove(context);
    }

    private sealed class SaveState(List<Pending> pending)
    {
        public IDbContextTransaction? OwnTransaction { get; set; }

        public bool Writing { get; set; }

        public List<AuditEntry> ToEntries(AuditContext audit, TimeProvider clock)
        {
            var now = clock.GetUtcNow().ToUniversalTime();
            // Whole milliseconds: what both providers store exactly (SQLite's binary DateTimeOffset keeps 0.1 ms,
            // PostgreSQL microseconds), so the hash computed now verifies after a round trip.
            var at = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
            var actor = audit.CurrentActor;
            return pending.Select(p => new AuditEntry
            {
                At = at,
                Actor = actor,
                Action = p.Action,
                Entity = p.Entry.Metadata.ClrType.Name,
                EntityKey = p.Key(),
                Changes = p.Changes ?? JsonSerializer.Serialize(Pending.Values(p.Entry, current: true), Json),
                DecisionRef = audit.DecisionRef,
            }).ToList();
        }
    }

    private sealed record Pending(EntityEntry Entry, string Action, string? Changes)
    {
        public static Pending? Capture(EntityEntry entry) => entry.State switch
        {
            // Added: values (and generated keys) are read after the insert.
            EntityState.Added => new Pending(entry, "created", null),
            EntityState.Deleted => new Pending(entry, "deleted", JsonSerializer.Serialize(Values(entry, current: false), Json)),
            _ => Modified(entry),
        };

        private static Pending? Modified(EntityEntry entry)
        {
            var changed = entry.Properties
                .Where(p => p.IsModified && !SecretProperties.Contains(p.Metadata.Name) && !Equals(p.OriginalValue, p.CurrentValue))
                .ToDictionary(p => p.Metadata.Name, p => new { from = p.OriginalValue, to = p.CurrentValue });
            return changed.Count == 0 ? null : new Pending(entry, "updated", JsonSerializer.Serialize(changed, Json));
        }

        public static Dictionary<string, object?> Values(EntityEntry entry, bool current) =>
            entry.Properties
                .Where(p => !SecretProperties.Contains(p.Metadata.Name))
                .ToDictionary(p => p.Metadata.Name, p => current ? p.CurrentValue : p.OriginalValue);

        public string Key()
        {
            var key = Entry.Metadata.FindPrimaryKey();
            return key is null
                ? ""
                : string.Join("/", key.Properties.Select(p => Entry.Property(p.Name).CurrentValue?.ToString() ?? ""));
        }
    }
}
