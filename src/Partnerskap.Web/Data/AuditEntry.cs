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
}
