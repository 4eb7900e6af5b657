using System.Security.Claims;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Portfolio;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Features.Portfolio;

/// <summary>FIN-7: the office proposes versions of a project's financing plan; a board decision approves one.</summary>
public static class FinancingPlans
{
    public sealed record Propose(int ProjectId, IReadOnlyList<FundingSource>? Sources, decimal? Total);

    public sealed record Approve(int ProjectId, int Version, string? DecisionRef);

    public sealed class Handler(AppDbContext db, TimeProvider clock, AuditContext audit, IPortfolioBoard board)
    {
        public async Task<FinancingPlan> ProposeAsync(Propose c, CancellationToken ct)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var project = await ProjectLock.LockAndLoadAsync(db, c.ProjectId, ct); // versions are numbered without races
            var plan = project.ProposePlan(c.Sources, clock.GetUtcNow(), audit.CurrentActor, c.Total);
            await db.SaveChangesAsync(ct);

            // FIN-7: the plan goes to the programme board, which decides: a case for the board.
            await board.OpenCaseAsync(
                project.PartnershipId, $"Finansieringsplan for {project.Name}, versjon {plan.Version} ({plan.Total:N0} kr)", Domain.Board.CaseKind.FinancingPlan,
                project.Participants.Select(p => p.Orgnr).ToList(), $"project:{project.Id}", ct);
            await tx.CommitAsync(ct);
            return plan;
        }

        /// <summary>
        /// FIN-7 and ORG-2: only a user holding a voting board seat today approves, and only on a decision that is in
        /// the decision register. <paramref name="viaDecisionEffect"/> skips the seat check: the register recorded the
        /// decision itself (the board made it).
        /// </summary>
        public async Task<FinancingPlan> ApproveAsync(Approve c, ClaimsPrincipal? user, CancellationToken ct, bool viaDecisionEffect = false)
        {
            if (string.IsNullOrWhiteSpace(c.DecisionRef))
            {
                throw RuleViolation.Invalid("decisionRef", "A financing plan is approved by a board decision: give its reference (decisionRef).", "FIN-7");
            }

            await using var tx = await db.Database.JoinOrBeginTransactionAsync(ct);
            var project = await ProjectLock.LockAndLoadAsync(db, c.ProjectId, ct);
            var today = PartnershipTime.Today(clock);
            if (!viaDecisionEffect)
            {
                await EnsureBoardAsync(board, project.PartnershipId, user!, today, "FIN-7", ct);
                if (!await board.DecisionExistsAsync(project.PartnershipId, c.DecisionRef.Trim(), ct))
                {
                    throw RuleViolation.Conflict(
                        $"\"{c.DecisionRef.Trim()}\" is not in the board's decision register: a financing plan is approved by a recorded board decision.", "FIN-7", "decisionRef");
                }
            }

            var plan = project.ApprovePlan(c.Version, c.DecisionRef, today);
            var before = audit.DecisionRef;
            audit.DecisionRef = plan.DecisionRef;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);

            audit.DecisionRef = before;
            return plan;
        }
    }

    /// <summary>ORG-2: board decisions are for users holding a seat (not observer) on the date; the board role alone is not enough.</summary>
    public static async Task EnsureBoardAsync(IPortfolioBoard board, int partnershipId, ClaimsPrincipal user, DateOnly on, string rule, CancellationToken ct)
    {
        if (!await board.HoldsVotingSeatAsync(partnershipId, user, on, ct))
        {
            throw RuleViolation.Forbidden(
                $"Only a member of the programme board (a seat other than observer on {on:yyyy-MM-dd}) records the board's decision ({rule}).", "ORG-2");
        }
    }
}
