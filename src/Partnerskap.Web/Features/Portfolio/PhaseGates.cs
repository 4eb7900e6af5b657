using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Features.Portfolio;

/// <summary>PUR-5: the office records that a project passed the gate to its next phase, on a board decision in the register.</summary>
public sealed class PhaseGates(AppDbContext db, IPortfolioBoard board, TimeProvider clock, AuditContext audit)
{
    public async Task AdvanceAsync(int projectId, string? decisionRef, CancellationToken ct)
    {
        var project = await db.Projects.Include(p => p.Plans).Include(p => p.Gates).SingleOrDefaultAsync(p => p.Id == projectId, ct)
            ?? throw new KeyNotFoundException($"There is no project {projectId}.");
        if (!string.IsNullOrWhiteSpace(decisionRef) && !await board.DecisionExistsAsync(project.PartnershipId, decisionRef.Trim(), ct))
        {
            throw RuleViolation.Conflict($"\"{decisionRef.Trim()}\" is not in the board's decision register: each gate is a board decision.", "PUR-5", "decisionRef");
        }

        project.AdvancePhase(decisionRef, PartnershipTime.Today(clock));
        audit.DecisionRef = decisionRef!.Trim();
        await db.SaveChangesAsync(ct);
        audit.DecisionRef = null;
    }
}
