namespace Partnerskap.Domain.Common;

/// <summary>How a refused request reads over HTTP: bad input (400), not allowed now (409), not allowed for this actor (403).</summary>
public enum ViolationKind
{
    Invalid,
    Conflict,
    Forbidden,
}

/// <summary>
/// A change the agreement's rules (or the input) do not allow. Carries the rule ID where one applies and the field
/// the message belongs next to, so pages and the API can say exactly what was wrong.
/// </summary>
public sealed class RuleViolation(ViolationKind kind, string message, string? rule = null, string? field = null)
    : Exception(message)
{
    public ViolationKind Kind { get; } = kind;

    /// <summary>The agreement rule, e.g. "MEM-4"; null for plain input errors.</summary>
    public string? Rule { get; } = rule;

    /// <summary>The input field (camelCase, as in the API) the message belongs to, if any.</summary>
    public string? Field { get; } = field;

    public static RuleViolation Invalid(string field, string message, string? rule = null) => new(ViolationKind.Invalid, message, rule, field);

    public static RuleViolation Conflict(string message, string? rule = null, string? field = null) => new(ViolationKind.Conflict, message, rule, field);

    public static RuleViolation Forbidden(string message, string? rule = null) => new(ViolationKind.Forbidden, message, rule);
}
