using Microsoft.Extensions.Options;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Portfolio;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Features.Portfolio;

/// <summary>FIN-9: expenditures and forecasts, guarded by the approved financing; escalations and the board's decisions on them.</summary>
public static class Spending
{
    public sealed record Spend(int ProjectId, DateOnly? Date, decimal? Amount, string? Description, int? DocumentId = null);

    public sealed record SetForecast(int ProjectId, decimal? ExpectedTotalCost);

    public sealed record Decide(int ProjectId, int EscalationId, string? DecisionRef, string? Outcome, decimal? NewApprovedFinancing);

    public sealed record ForecastResult(decimal ExpectedTotalCost, ForecastVerdict Verdict, Escalation? Raised);

    public sealed class Handler(AppDbContext db, TimeProvider clock, AuditContext audit, EscalationRaiser raiser, IPortfolioBoard board, IOptions<PortfolioOptions> options)
    {
        /// <summary>
        /// FIN-9: records an expenditure within the approved financing. Beyond it: nothing recorded, an escalation raised
        /// (once), the board and participants notified, and a 409 with rule FIN-9.
        /// </summary>
        public async Task<Expenditure> SpendAsync(Spend c, CancellationToken ct)
        {
            if (c.Date is not { } date)
            {
                throw RuleViolation.Invalid("date", "Give the date of the expenditure (YYYY-MM-DD).");
            }

            if (c.Amount is not { } amount)
            {
                throw RuleViolation.Invalid("amount", "Give the amount in NOK.");
            }

            Escalation? raised = null;
            Project project;
            string refusal;
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                project = await ProjectLock.LockAndLoadAsync(db, c.ProjectId, ct);
                try
                {
                    var expenditure = project.Spend(date, amount, c.Description, clock.GetUtcNow(), audit.CurrentActor, c.DocumentId);
                    db.Expenditures.Add(expenditure);
                    await db.SaveChangesAsync(ct);
                    await tx.CommitAsync(ct);
                    return expenditure;
                }
                catch (DeficitException deficit)
                {
                    // Nothing of the expenditure is saved (it was never added); only the escalation is.
                    refusal = deficit.Message;
                    raised = await raiser.RaiseAsync(project, EscalationTrigger.Spending, deficit.ReasonNb, ct);
                    await db.SaveChangesAsync(ct);
                    await tx.CommitAsync(ct);
                }
            }

            if (raised is not null)
            {
                await raiser.NotifyAsync(project, raised, ct);
            }

            var open = project.OpenEscalation!;
            throw RuleViolation.Conflict(
                $"{refusal} Escalation {open.Id} ({(raised is null ? "already open" : "raised now")}, {open.RaisedAt:yyyy-MM-dd}).", "FIN-9", "amount");
        }

        /// <summary>
        /// FIN-9: imports a ledger export in one transaction under the project lock: every row is recorded, or none. If the
        /// rows together would go beyond the approved financing, nothing is recorded, an escalation is raised and 409 FIN-9.
        /// </summary>
        public async Task<IReadOnlyList<ExpenditureCsv.Row>> ImportAsync(int projectId, string csv, CancellationToken ct)
        {
            var (rows, problems) = ExpenditureCsv.Parse(csv);
            if (problems.Count > 0)
            {
                throw RuleViolation.Invalid("file", string.Join(" ", problems));
            }

            Escalation? raised = null;
            Project project;
            string refusal;
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                project = await ProjectLock.LockAndLoadAsync(db, projectId, ct);
                try
                {
                    foreach (var row in rows)
                    {
                        db.Expenditures.Add(project.Spend(row.Date, row.Amount, row.Description, clock.GetUtcNow(), audit.CurrentActor));
                    }

                    await db.SaveChangesAsync(ct);
                    await tx.CommitAsync(ct);
                    return rows;
                }
                catch (DeficitException)
                {
                    // Nothing of the import is kept: reload the project as committed and raise the escalation alone.
                    db.ChangeTracker.Clear();
                    project = await ProjectLock.LockAndLoadAsync(db, projectId, ct);
                    var total = rows.Sum(r => r.Amount);
                    refusal = $"The import of {rows.Count} expenditures ({total:N2}) would bring spending to {project.Spent + total:N2}, beyond the approved financing of {project.ApprovedFinancing:N2}. Nothing is recorded.";
                    raised = await raiser.RaiseAsync(
                        project, EscalationTrigger.Spending,
                        $"Import av {rows.Count} utgifter på til sammen {total:N2} kr ville gitt forbruk {project.Spent + total:N2} kr, over godkjent finansiering {project.ApprovedFinancing:N2} kr.", ct);
                    await db.SaveChangesAsync(ct);
                    await tx.CommitAsync(ct);
                }
            }

            if (raised is not null)
            {
                await raiser.NotifyAsync(project, raised, ct);
            }

            throw RuleViolation.Conflict(refusal, "FIN-9", "file");
        }

        /// <summary>FIN-9: a forecast above the approved financing raises an escalation at once.</summary>
        public async Task<ForecastResult> SetForecastAsync(SetForecast c, CancellationToken ct)
        {
            if (c.ExpectedTotalCost is not { } cost)
            {
                throw RuleViolation.Invalid("expectedTotalCost", "Give the expected total cost in NOK.");
            }

            Escalation? raised = null;
            Project project;
            ForecastVerdict verdict;
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                project = await ProjectLock.LockAndLoadAsync(db, c.ProjectId, ct);
                verdict = project.SetForecast(cost, options.Value.EarlyWarningPercent);
                if (verdict == ForecastVerdict.Deficit)
                {
                    raised = await raiser.RaiseAsync(
                        project,
                        EscalationTrigger.Forecast,
                        $"Prognosen for total kostnad er {cost:N2} kr, over godkjent finansiering {project.ApprovedFinancing ?? 0:N2} kr.",
                        ct);
                }

                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }

            if (raised is not null)
            {
                await raiser.NotifyAsync(project, raised, ct);
            }

            return new ForecastResult(cost, verdict, raised);
        }

        /// <summary>
        /// FIN-9: the board decides an escalation: increase financing (a new approved plan), reduce scope, or stop.
        /// <paramref name="viaDecisionEffect"/>: the decision register records it (no seat or register check here).
        /// </summary>
        public async Task<Escalation> DecideAsync(Decide c, System.Security.Claims.ClaimsPrincipal? user, CancellationToken ct, bool viaDecisionEffect = false)
        {
            if (string.IsNullOrWhiteSpace(c.DecisionRef))
            {
                throw RuleViolation.Invalid("decisionRef", "The board decides an escalation: give the decision's reference (decisionRef).", "FIN-9");
            }

            var outcome = PortfolioNames.ParseOutcome(c.Outcome)
                ?? throw RuleViolation.Invalid("outcome", "outcome is increase-financing, reduce-scope or stop.", "FIN-9");
            await using var tx = await db.Database.JoinOrBeginTransactionAsync(ct);
            var project = await ProjectLock.LockAndLoadAsync(db, c.ProjectId, ct);
            if (!viaDecisionEffect)
            {
                await FinancingPlans.EnsureBoardAsync(board, project.PartnershipId, user!, PartnershipTime.Today(clock), "FIN-9", ct);
                if (!await board.DecisionExistsAsync(project.PartnershipId, c.DecisionRef.Trim(), ct))
                {
                    throw RuleViolation.Conflict($"\"{c.DecisionRef.Trim()}\" is not in the board's decision register.", "FIN-9", "decisionRef");
                }
            }

            var before = audit.DecisionRef;
            audit.DecisionRef = c.DecisionRef.Trim();
            var escalation = project.DecideEscalation(c.EscalationId, outcome, c.DecisionRef, c.NewApprovedFinancing, clock.GetUtcNow(), audit.CurrentActor);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);

            audit.DecisionRef = before;
            return escalation;
        }
    }
}
