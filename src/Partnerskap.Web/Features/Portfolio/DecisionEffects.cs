using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Decisions;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Board;

namespace Partnerskap.Web.Features.Portfolio;

/// <summary>
/// FIN-7: a board decision recorded in the register with effect "approve-financing-plan" and target
/// "project:{id}/version:{n}" approves that version, in the register's transaction.
/// </summary>
public sealed class ApproveFinancingPlanEffect(FinancingPlans.Handler plans, AppDbContext db) : IDecisionEffect
{
    public const string EffectName = "approve-financing-plan";

    public string Name => EffectName;

    public static string Target(int projectId, int version) => $"project:{projectId}/version:{version}";

    public async Task ApplyAsync(Decision decision, CancellationToken ct)
    {
        var parts = (decision.EffectTarget ?? "").Split('/', ':');
        if (parts is not ["project", var p, "version", var v] || !int.TryParse(p, out var projectId) || !int.TryParse(v, out var version))
        {
            throw RuleViolation.Invalid("effectTarget", "The target of approve-financing-plan is \"project:{id}/version:{n}\".", "FIN-7");
        }

        await EnsureSamePartnershipAsync(db, projectId, decision.PartnershipId, ct);
        try
        {
            await plans.ApproveAsync(new FinancingPlans.Approve(projectId, version, decision.Number), null, ct, viaDecisionEffect: true);
        }
        catch (KeyNotFoundException e)
        {
            throw RuleViolation.Invalid("effectTarget", e.Message, "FIN-7");
        }
    }

    internal static async Task EnsureSamePartnershipAsync(AppDbContext db, int projectId, int partnershipId, CancellationToken ct)
    {
        if (!await db.Projects.AnyAsync(x => x.Id == projectId && x.PartnershipId == partnershipId, ct))
        {
            throw RuleViolation.Invalid("effectTarget", $"Project {projectId} is not in this partnership's portfolio.");
        }
    }
}

/// <summary>
/// FIN-9: a board decision with effect "escalation-decision" and target "escalation:{id}/{outcome}[/{newApprovedFinancing}]"
/// decides the escalation (increase-financing, reduce-scope, stop), in the register's transaction.
/// </summary>
public sealed class EscalationDecisionEffect(Spending.Handler spending, AppDbContext db) : IDecisionEffect
{
    public const string EffectName = "escalation-decision";

    public string Name => EffectName;

    public static string Target(int escalationId, string outcome, decimal? amount = null) =>
        $"escalation:{escalationId}/{outcome}" + (amount is { } a ? $"/{a.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "");

    public async Task ApplyAsync(Decision decision, CancellationToken ct)
    {
        var parts = (decision.EffectTarget ?? "").Split('/');
        var head = parts[0].Split(':');
        if (head is not ["escalation", var e] || !int.TryParse(e, out var escalationId) || parts.Length < 2)
        {
            throw RuleViolation.Invalid("effectTarget", "The target of escalation-decision is \"escalation:{id}/{outcome}[/{amount}]\".", "FIN-9");
        }

        decimal? amount = parts.Length > 2 && decimal.TryParse(parts[2], System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var a) ? a : null;
        var projectId = await db.Escalations.Where(x => x.Id == escalationId).Select(x => (int?)x.ProjectId).SingleOrDefaultAsync(ct)
            ?? throw RuleViolation.Invalid("effectTarget", $"There is no escalation {escalationId}.", "FIN-9");
        await ApproveFinancingPlanEffect.EnsureSamePartnershipAsync(db, projectId, decision.PartnershipId, ct);
        try
        {
            await spending.DecideAsync(new Spending.Decide(projectId, escalationId, decision.Number, parts[1], amount), null, ct, viaDecisionEffect: true);
        }
        catch (KeyNotFoundException ex)
        {
            throw RuleViolation.Invalid("effectTarget", ex.Message, "FIN-9");
        }
    }
}
