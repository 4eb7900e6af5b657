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

    private Dictionary<object, string>? _actors;

    /// <summary>
    /// Records who changes <paramref name="entity"/> when one save carries several people's changes (the ballot writer
    /// saves many voters' ballots in one transaction): its audit entry names <paramref name="actor"/>.
    /// </summary>
    public void ActorFor(object entity, string actor) => (_actors ??= new(ReferenceEqualityComparer.Instance))[entity] = actor;

    internal string ActorOf(object entity, string fallback) => _actors is not null && _actors.TryGetValue(entity, out var actor) ? actor : fallback;
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
                LinkAsync(context, entries, CancellationToken.None).GetAwaiter().GetResult(); // no synchronisation context in ASP.NET Core
                context.AddRange(entries);
                context.SaveChanges(); // entries and chain head in one batch
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
                await LinkAsync(context, entries, cancellationToken);
                context.AddRange(entries);
                await context.SaveChangesAsync(cancellationToken); // entries and chain head in one batch
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

    // PostgreSQL: one round trip locks the head of a chain no other transaction holds (SKIP LOCKED: a writer never
    // waits for another writer's chain) and numbers the entries. nextval runs after the lock, so within a chain the
    // sequence increases in link order. A transaction that already appended keeps its chain (second save).
    private const string PgFreeChain =
        "WITH head AS MATERIALIZED (SELECT \"Id\", \"Hash\" FROM \"AuditChainHeads\" ORDER BY \"Id\" LIMIT 1 FOR UPDATE SKIP LOCKED) " +
        "SELECT head.\"Id\", head.\"Hash\", nextval('\"" + PostgresAppDbContext.AuditSequence + "\"') FROM head CROSS JOIN generate_series(1, @n) ORDER BY 3";

    private const string PgChain =
        "WITH head AS MATERIALIZED (SELECT \"Id\", \"Hash\" FROM \"AuditChainHeads\" WHERE \"Id\" = @chain FOR UPDATE) " +
        "SELECT head.\"Id\", head.\"Hash\", nextval('\"" + PostgresAppDbContext.AuditSequence + "\"') FROM head CROSS JOIN generate_series(1, @n) ORDER BY 3";

    // SQLite: the transaction already holds the database's single write lock (it wrote the change), so chain 1's head
    // is read and extended without further locking.
    private const string SqliteChain = "SELECT \"Id\", \"Hash\", \"Sequence\" FROM \"AuditChainHeads\" WHERE \"Id\" = 1";

    /// <summary>The chain each open transaction appends to (a transaction that saves twice stays on one chain).</summary>
    private static readonly ConditionalWeakTable<System.Data.Common.DbTransaction, StrongBox<int>> HeldChains = [];

    /// <summary>Links the entries into a chain and stages the new chain head; saved with them in one batch.</summary>
    private static async Task LinkAsync(DbContext context, List<AuditEntry> entries, CancellationToken ct)
    {
        var transaction = context.Database.CurrentTransaction!.GetDbTransaction();
        int chain;
        string previous;
        List<long> sequences;
        if (context.Database.IsNpgsql())
        {
            var rows = HeldChains.TryGetValue(transaction, out var held)
                ? await QueryAsync(context, PgChain, entries.Count, held.Value, ct)
                : await QueryAsync(context, PgFreeChain, entries.Count, 0, ct);
            if (rows.Count == 0)
            {
                // Every chain busy (or none created yet): make sure they exist, then wait for one.
                await context.Database.ExecuteSqlRawAsync(CreateChains(AuditChainHead.Streams), ct);
                rows = await QueryAsync(context, PgFreeChain, entries.Count, 0, ct);
                if (rows.Count == 0)
                {
                    rows = await QueryAsync(context, PgChain, entries.Count, Random.Shared.Next(1, AuditChainHead.Streams + 1), ct);
                }
            }

            (chain, previous) = (rows[0].Chain, rows[0].Hash);
            sequences = rows.Select(r => r.Sequence).ToList();
            HeldChains.AddOrUpdate(transaction, new StrongBox<int>(chain));
        }
        else
        {
            var rows = await QueryAsync(context, SqliteChain, 0, 0, ct);
            if (rows.Count == 0)
            {
                await context.Database.ExecuteSqlRawAsync(CreateChains(1), ct);
                rows = [(1, "", 0)];
            }

            (chain, previous) = (1, rows[0].Hash);
            sequences = Enumerable.Range(1, entries.Count).Select(i => rows[0].Sequence + i).ToList();
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            entry.Chain = chain;
            entry.Sequence = sequences[i];
            entry.PreviousHash = previous;
            entry.Hash = entry.ComputeHash();
            previous = entry.Hash;
        }

        var head = context.Set<AuditChainHead>().Local.FirstOrDefault(h => h.Id == chain);
        if (head is null)
        {
            head = new AuditChainHead { Id = chain };
            context.Attach(head);
        }

        head.Sequence = sequences[^1];
        head.Hash = previous;
        context.Entry(head).State = EntityState.Modified;
    }

    /// <summary>Creates chain heads 1 … <paramref name="count"/> that do not exist yet (both providers).</summary>
    public static string CreateChains(int count) =>
        "INSERT INTO \"AuditChainHeads\" (\"Id\", \"Sequence\", \"Hash\") VALUES " +
        string.Join(", ", Enumerable.Range(1, count).Select(i => $"({i}, 0, '')")) + " ON CONFLICT DO NOTHING";

    private static async Task<List<(int Chain, string Hash, long Sequence)>> QueryAsync(DbContext context, string sql, int n, int chain, CancellationToken ct)
    {
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.Transaction = context.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = sql;
        foreach (var (name, value) in new (string, object)[] { ("n", n), ("chain", chain) }.Where(p => sql.Contains("@" + p.Item1, StringComparison.Ordinal)))
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        var rows = new List<(int, string, long)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add((reader.GetInt32(0), reader.GetString(1), reader.GetInt64(2)));
        }

        return rows;
    }

    private static void DetachHeads(DbContext context)
    {
        foreach (var head in context.ChangeTracker.Entries<AuditChainHead>().ToList())
        {
            head.State = EntityState.Detached;
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
        DetachHeads(context);
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
                Actor = audit.ActorOf(p.Entry.Entity, actor),
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
