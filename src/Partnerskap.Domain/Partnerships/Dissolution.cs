using System.Globalization;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Decisions;

namespace Partnerskap.Domain.Partnerships;

/// <summary>
/// MEM-6: dissolution of the partnership follows the statutes. The product records the decision only: it must be the
/// annual meeting's (the highest body, ORG-1) and say when the dissolution takes effect, not before the decision.
/// </summary>
public static class Dissolution
{
    /// <summary>The decision effect that records a dissolution; its target is <c>effectiveOn=2027-12-31</c>.</summary>
    public const string EffectName = "dissolution";

    /// <summary>The date the dissolution takes effect, or a <see cref="RuleViolation"/> naming MEM-6.</summary>
    public static DateOnly EffectiveOn(DecisionBody body, DateOnly decidedOn, string? effectTarget)
    {
        if (body != DecisionBody.AnnualMeeting)
        {
            throw RuleViolation.Forbidden("Only the annual meeting decides to dissolve the partnership (the statutes).", "MEM-6");
        }

        const string key = "effectiveOn=";
        var value = effectTarget?.Trim();
        if (value is null || !value.StartsWith(key, StringComparison.Ordinal) ||
            !DateOnly.TryParseExact(value[key.Length..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var effectiveOn))
        {
            throw RuleViolation.Invalid("effectTarget", "Say when the dissolution takes effect (effectiveOn=2027-12-31).", "MEM-6");
        }

        if (effectiveOn < decidedOn)
        {
            throw RuleViolation.Invalid("effectTarget", "A dissolution cannot take effect before it is decided.", "MEM-6");
        }

        return effectiveOn;
    }
}
