using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Portfolio;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Features.Portfolio;

/// <summary>
/// FIN-5 base budget, FIN-4 grants, FIN-3 in-kind contributions: the use cases shared by the funding page and the API.
/// One SaveChanges per call.
/// </summary>
public static class Funding
{
    public sealed record AddLine(int PartnershipId, int Year, string? Kind, string? Description, decimal? Budgeted, decimal? Actual, decimal? Forecast);

    public sealed record AddGrant(int PartnershipId, string? Funder, string? Purpose, int? ProjectId, int? Year, decimal? Applied, DateOnly? AppliedOn, string? Description);

    public sealed record UpdateGrant(int GrantId, decimal? Granted, decimal? Received, string? Conditions, DateOnly? ReportingDeadline);

    public sealed record AddInKind(int ProjectId, string? Orgnr, DateOnly? Date, string? Description, decimal? Hours, decimal? Value);

    /// <summary>FIN-5 with FIN-4: a year's base budget: its lines, the granted base-funding grants as income, and the result.</summary>
    public sealed record BaseBudgetView(int Year, List<BaseBudgetLine> Lines, List<Grant> BaseFundingGrants, BaseBudgetResult Budget, BaseBudgetResult Actual, BaseBudgetResult Expected);

    public static BudgetLineKind? ParseKind(string? s) => s switch
    {
        "fees" => BudgetLineKind.Fees,
        "grant" => BudgetLineKind.Grant,
        "other-income" => BudgetLineKind.OtherIncome,
        "positions" => BudgetLineKind.Positions,
        "activities" => BudgetLineKind.Activities,
        "small-projects" => BudgetLineKind.SmallProjects,
        "other-cost" => BudgetLineKind.OtherCost,
        _ => null,
    };

    public static string ToApi(this BudgetLineKind k) => k switch
    {
        BudgetLineKind.Fees => "fees",
        BudgetLineKind.Grant => "grant",
        BudgetLineKind.OtherIncome => "other-income",
        BudgetLineKind.Positions => "positions",
        BudgetLineKind.Activities => "activities",
        BudgetLineKind.SmallProjects => "small-projects",
        _ => "other-cost",
    };

    public static string ToApi(this GrantPurpose p) => p == GrantPurpose.Project ? "project" : "base-funding";

    public static string ToApi(this GrantStatus s) => s.ToString().ToLowerInvariant();

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public async Task<BaseBudgetView> BaseBudgetAsync(int partnershipId, int year, CancellationToken ct)
        {
            var lines = await db.BaseBudgetLines.AsNoTracking().Where(l => l.PartnershipId == partnershipId && l.Year == year).OrderBy(l => l.Id).ToListAsync(ct);
            var grants = await db.Grants.AsNoTracking().Where(g => g.PartnershipId == partnershipId && g.Year == year && g.Purpose == GrantPurpose.BaseFunding)
                .OrderBy(g => g.Id).ToListAsync(ct);
            var amounts = lines.Select(l => new BudgetAmount(l.Kind, l.Budgeted, l.Actual, l.Forecast)).Concat(Grants.AsBaseBudgetIncome(grants, year)); // FIN-4 → FIN-5
            var (budget, actual, expected) = BaseBudget.Summarise(amounts);
            return new BaseBudgetView(year, lines, grants, budget, actual, expected);
        }

        public async Task<BaseBudgetLine> AddLineAsync(AddLine c, CancellationToken ct)
        {
            var kind = ParseKind(c.Kind)
                ?? throw RuleViolation.Invalid("kind", "kind is fees, grant, other-income, positions, activities, small-projects or other-cost.", "FIN-5");
            var line = new BaseBudgetLine(c.PartnershipId, c.Year, kind, c.Description,
                c.Budgeted ?? throw RuleViolation.Invalid("budgeted", "Give the budgeted amount.", "FIN-5"), c.Actual, c.Forecast);
            db.BaseBudgetLines.Add(line);
            await db.SaveChangesAsync(ct);
            return line;
        }

        public Task<List<Grant>> GrantsAsync(int partnershipId, CancellationToken ct) =>
            db.Grants.AsNoTracking().Where(g => g.PartnershipId == partnershipId).OrderByDescending(g => g.Year).ThenBy(g => g.Id).ToListAsync(ct);

        public async Task<Grant> AddGrantAsync(AddGrant c, CancellationToken ct)
        {
            var purpose = c.Purpose switch
            {
                "base-funding" or null => GrantPurpose.BaseFunding,
                "project" => GrantPurpose.Project,
                _ => throw RuleViolation.Invalid("purpose", "purpose is base-funding or project.", "FIN-4"),
            };
            if (purpose == GrantPurpose.Project && c.ProjectId is { } pid && !await db.Projects.AnyAsync(p => p.Id == pid && p.PartnershipId == c.PartnershipId, ct))
            {
                throw RuleViolation.Invalid("projectId", $"There is no project {pid} in this partnership.", "FIN-4");
            }

            var today = PartnershipTime.Today(clock);
            var grant = new Grant(c.PartnershipId, c.Funder, purpose, c.ProjectId, c.Year ?? today.Year,
                c.Applied ?? throw RuleViolation.Invalid("applied", "Give the amount applied for.", "FIN-4"), c.AppliedOn ?? today, c.Description);
            db.Grants.Add(grant);
            await db.SaveChangesAsync(ct);
            return grant;
        }

        /// <summary>FIN-4: the award (granted, conditions, reporting deadline) and/or the money received.</summary>
        public async Task<Grant> UpdateGrantAsync(UpdateGrant c, CancellationToken ct)
        {
            var grant = await db.Grants.SingleAsync(g => g.Id == c.GrantId, ct);
            if (c.Granted is { } granted)
            {
                grant.RecordAward(granted, c.Conditions ?? grant.Conditions, c.ReportingDeadline ?? grant.ReportingDeadline);
            }

            if (c.Received is { } received)
            {
                grant.RecordReceived(received);
            }

            await db.SaveChangesAsync(ct);
            return grant;
        }

        public Task<List<InKindContribution>> InKindAsync(int projectId, CancellationToken ct) =>
            db.InKindContributions.AsNoTracking().Where(c => c.ProjectId == projectId).OrderBy(c => c.Date).ThenBy(c => c.Id).ToListAsync(ct);

        /// <summary>FIN-3: an in-kind contribution by a participating member; it changes no money on the project and is never invoiced.</summary>
        public async Task<InKindContribution> AddInKindAsync(AddInKind c, CancellationToken ct)
        {
            if (string.IsNullOrWhiteSpace(c.Orgnr))
            {
                throw RuleViolation.Invalid("orgnr", "Give the member's orgnr.", "FIN-3");
            }

            var orgnr = c.Orgnr.Trim();
            var participant = await db.Set<ProjectParticipant>().Where(x => x.ProjectId == c.ProjectId && x.Orgnr == orgnr)
                .Select(x => new { x.MemberId, x.Orgnr }).FirstOrDefaultAsync(ct)
                ?? throw RuleViolation.Invalid("orgnr", $"{c.Orgnr} does not take part in this project.", "FIN-3");
            var contribution = new InKindContribution(c.ProjectId, participant.MemberId, participant.Orgnr, c.Date ?? PartnershipTime.Today(clock), c.Description, c.Hours,
                c.Value ?? throw RuleViolation.Invalid("value", "Give an estimated value in kroner (0 if none).", "FIN-3"));
            db.InKindContributions.Add(contribution);
            await db.SaveChangesAsync(ct);
            return contribution;
        }

        /// <summary>FIN-4 with FIN-7: a project's grants and how much of its approved (else latest) plan's grant sources is not yet granted.</summary>
        public async Task<(List<Grant> Grants, decimal PlannedGrants, decimal NotYetGranted)> ProjectGrantsAsync(int projectId, CancellationToken ct) =>
            ProjectGrants(await ProjectGrantListAsync(projectId, ct), await db.FinancingPlans.AsNoTracking().Where(f => f.ProjectId == projectId).ToListAsync(ct));

        /// <summary>The same for a project loaded with its plans (the project page): no second read of the plans.</summary>
        public async Task<(List<Grant> Grants, decimal PlannedGrants, decimal NotYetGranted)> ProjectGrantsAsync(Project project, CancellationToken ct) =>
            ProjectGrants(await ProjectGrantListAsync(project.Id, ct), project.Plans);

        private static (List<Grant> Grants, decimal PlannedGrants, decimal NotYetGranted) ProjectGrants(List<Grant> grants, IReadOnlyCollection<FinancingPlan> plans)
        {
            var plan = Grants.PlanFor(plans);
            return (grants, Grants.Planned(plan), Grants.NotYetGranted(plan, grants));
        }

        private Task<List<Grant>> ProjectGrantListAsync(int projectId, CancellationToken ct) =>
            db.Grants.AsNoTracking().Where(g => g.ProjectId == projectId).OrderBy(g => g.Id).ToListAsync(ct);
    }
}
