using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Decisions;
using Partnerskap.Domain.Fees;
using Partnerskap.Domain.Members;
using Partnerskap.Domain.Statistics;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Board;

namespace Partnerskap.Web.Features.AnnualMeeting;

/// <summary>
/// FIN-6: an annual-meeting decision that changes the fee model creates the new fee-model version, in the decision's
/// transaction. The decision's effect target says what changes:
/// <c>validFromYear=2027;amountPerInhabitant=32.5;countyBaseAmount=1500000</c> (the amounts are optional; the other
/// schedules carry over from the version in force).
/// </summary>
public sealed class FeeModelEffect(AppDbContext db) : IDecisionEffect
{
    public const string EffectName = "fee-model";

    public string Name => EffectName;

    public async Task ApplyAsync(Decision decision, CancellationToken ct)
    {
        if (decision.Body != DecisionBody.AnnualMeeting)
        {
            throw RuleViolation.Forbidden("Only the annual meeting changes the fee model.", "FIN-6");
        }

        var target = Parse(decision.EffectTarget);
        if (!target.TryGetValue("validFromYear", out var y) || !int.TryParse(y, CultureInfo.InvariantCulture, out var year))
        {
            throw RuleViolation.Invalid("effectTarget", "Say from which year the new fee model applies (validFromYear=2027).", "FIN-6");
        }

        var versions = await db.FeeModels.AsNoTracking().Where(m => m.PartnershipId == decision.PartnershipId).ToListAsync(ct);
        if (versions.Any(m => m.ValidFromYear == year))
        {
            throw RuleViolation.Conflict($"A fee model valid from {year} exists. Models are versions: decide one valid from a later year.", "FIN-6");
        }

        var current = FeeModels.For(versions, year);
        var schedules = current?.Schedules.ToList() ?? [];
        if (Amount(target, "amountPerInhabitant") is { } rate)
        {
            schedules.RemoveAll(s => s.Kind == MemberKind.Municipality);
            schedules.Add(new FeeSchedule(MemberKind.Municipality, AmountPerInhabitant: rate));
        }

        if (Amount(target, "countyBaseAmount") is { } county)
        {
            schedules.RemoveAll(s => s.Kind == MemberKind.County);
            schedules.Add(new FeeSchedule(MemberKind.County, FixedAmount: county, FixedAmountBaseYear: year, IndexFixedAmount: true));
        }

        var model = new FeeModel(decision.PartnershipId, year, $"Årsmøtet, vedtak {decision.Number}", schedules,
            current?.IndexEstimate ?? DeflatorEstimateKind.Budget, current?.Frequency ?? ChargeFrequency.Annual);
        db.FeeModels.Add(model);
    }

    private static Dictionary<string, string> Parse(string? target) =>
        (target ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2, StringSplitOptions.TrimEntries)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);

    private static decimal? Amount(Dictionary<string, string> target, string key) =>
        !target.TryGetValue(key, out var v) ? null
        : decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d >= 0 ? d
        : throw RuleViolation.Invalid("effectTarget", $"{key} must be a non-negative amount.", "FIN-6");
}
