namespace Partnerskap.Web.Data;

/// <summary>
/// One recorded change: who, when, what, and the decision it rests on. Written by <see cref="AuditInterceptor"/>
/// in the same transaction as the change itself, so a change is never saved without its audit entry.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>UTC instant of the save.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>The user's e-mail, or "system" for start-up seeding and background work.</summary>
    public string Actor { get; set; } = "";

    /// <summary>"created", "updated" or "deleted".</summary>
    public string Action { get; set; } = "";

    /// <summary>Entity type, e.g. "Member".</summary>
    public string Entity { get; set; } = "";

    /// <summary>The entity's key (or a natural key such as the orgnr where one exists).</summary>
    public string EntityKey { get; set; } = "";

    /// <summary>JSON object of changed properties: { "Name": { "from": ..., "to": ... } }.</summary>
    public string Changes { get; set; } = "{}";

    /// <summary>The decision (annual meeting, board, office) the change rests on, when the caller named one.</summary>
    public string? DecisionRef { get; set; }

    /// <summary>
    /// Position in the whole log: unique and increasing (1, 2, 3 …; on PostgreSQL a rolled-back write may leave a gap,
    /// which the hash links show to be harmless). Within one <see cref="Chain"/> it increases in the order entries were linked.
    /// </summary>
    public long Sequence { get; set; }

    /// <summary>
    /// Which of the parallel hash chains (streams) this entry is linked into; 1 … <see cref="AuditChainHead.Streams"/>.
    /// A writing transaction appends to whichever chain is free, so concurrent writes (e.g. ballots) do not queue
    /// behind one head row. SQLite, having one writer, uses chain 1 only.
    /// </summary>
    public int Chain { get; set; } = 1;

    /// <summary>SHA-256 (hex) of the previous entry in the same <see cref="Chain"/>; empty for the chain's first.</summary>
    public string PreviousHash { get; set; } = "";

    /// <summary>SHA-256 (hex) over this entry's fields and <see cref="PreviousHash"/>: editing or deleting any entry breaks the chain.</summary>
    public string Hash { get; set; } = "";

    /// <summary>The text the hash is computed over (UTF-8). Instants are UTC in whole milliseconds (both providers store that exactly).</summary>
    public string CanonicalText() =>
        string.Join('\u001f', Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", System.Globalization.CultureInfo.InvariantCulture),
            Actor, Action, Entity, EntityKey, Changes, DecisionRef ?? "", PreviousHash);

    public string ComputeHash() =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(CanonicalText())));
}

/// <summary>
/// The head of one audit hash chain (one row per chain, <see cref="Id"/> = <see cref="AuditEntry.Chain"/>): its last
/// entry's sequence and hash. Locked by the transaction appending to it, so a chain never forks; deleting a chain's
/// latest entries is caught because the head no longer matches.
/// </summary>
public sealed class AuditChainHead
{
    /// <summary>How many chains PostgreSQL writes spread over (more than the connection pool's busy writers).</summary>
    public const int Streams = 64;

    public int Id { get; set; } = 1;

    /// <summary>The <see cref="AuditEntry.Sequence"/> of the chain's last entry (0 while empty).</summary>
    public long Sequence { get; set; }

    public string Hash { get; set; } = "";
}
