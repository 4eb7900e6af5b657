using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Fees;
using Partnerskap.Domain.Portfolio;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Fees;
using Partnerskap.Web.Features.Members;

namespace Partnerskap.Web.Features.Portfolio;

/// <summary>
/// FIN-7: "member contributions can be invoiced like fees". The office issues, per project and approved plan version,
/// one invoice per participating member for its share of the plan's member-contribution sources (by the cost-sharing
/// key), through the fee run's machinery: the same invoice table, the same gapless number series (the counter row is
/// locked first thing in the transaction), the same PDF and EHF files. Idempotent: issuing again creates nothing, and a
/// unique index backs one standing contribution invoice per member and plan version.
/// </summary>
public static class ContributionInvoices
{
    public sealed record Command(int ProjectId, int Version);

    public sealed record Result(int ProjectId, int Version, int Created, IReadOnlyList<Invoice> Invoices);

    /// <summary>An approved plan with member contributions, and how far its invoicing has come (the Funding page).</summary>
    public sealed record PlanRow(int ProjectId, string ProjectName, int Version, string? DecisionRef, decimal Contributions, int Participants, int Invoiced, decimal InvoicedAmount);

    public sealed class Handler(AppDbContext db, TimeProvider clock, AuditContext audit, Infrastructure.Telemetry telemetry)
    {
        public async Task<Result> IssueAsync(Command command, CancellationToken ct)
        {
            var partnershipId = await db.Projects.Where(p => p.Id == command.ProjectId).Select(p => (int?)p.PartnershipId).SingleOrDefaultAsync(ct)
                ?? throw new KeyNotFoundException($"There is no project {command.ProjectId}.");
            var seller = await db.InvoicingSettings.AsNoTracking().SingleOrDefaultAsync(s => s.PartnershipId == partnershipId, ct)
                ?? throw RuleViolation.Conflict(
                    "The seller on the invoices is not set: give the host organisation's name, orgnr, address and bank account (PUT …/invoicing) before invoicing.",
                    "ORG-5");
            var today = PartnershipTime.Today(clock);
            await RunFees.EnsureCounterAsync(db, partnershipId, today.Year, ct);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var result = await IssueOnceAsync(command, partnershipId, seller, today, ct);
                    telemetry.InvoicesIssued.Add(result.Created);
                    return result;
                }
                catch (DbUpdateException) when (attempt < 3)
                {
                    // A race the lock did not cover; start again from the database (the unique index refused a double).
                    db.ChangeTracker.Clear();
                }
            }
        }

        private async Task<Result> IssueOnceAsync(Command command, int partnershipId, InvoicingSettings seller, DateOnly today, CancellationToken ct)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // Lock the invoice counter first, as the fee run does: concurrent requests wait here, then see our invoices.
            await RunFees.LockCounterAsync(db, partnershipId, today.Year, ct);

            var project = await db.Projects.AsNoTracking().Include(p => p.Participants).Include(p => p.Plans).AsSplitQuery()
                .SingleAsync(p => p.Id == command.ProjectId, ct);
            var plan = project.Plans.SingleOrDefault(p => p.Version == command.Version)
                ?? throw new KeyNotFoundException($"Project {project.Id} has no financing plan version {command.Version}.");

            var members = await db.Members.AsNoTracking().WithRecord().Where(m => m.PartnershipId == partnershipId).ToDictionaryAsync(m => m.Id, ct);
            var participants = project.Participants.OrderBy(p => p.Orgnr, StringComparer.Ordinal).ToList();
            var (population, populationYear) = await PopulationAsync(participants.Select(p => members[p.MemberId]).ToList(), plan.ApprovedOn ?? today, ct);
            var shares = MemberContributions.Shares(plan, participants.Select(p => (p.Orgnr, p.Name)).ToList(), population, populationYear); // FIN-7

            var standing = await db.Invoices
                .Where(i => i.FinancingPlanId == plan.Id && i.Kind == InvoiceKind.Invoice && i.Status != InvoiceStatus.Credited)
                .ToListAsync(ct);
            var invoiced = standing.Select(i => i.MemberId).ToHashSet();
            var counter = await db.InvoiceCounters.SingleAsync(c => c.PartnershipId == partnershipId && c.Year == today.Year, ct);
            await db.Entry(counter).ReloadAsync(ct);
            var created = new List<Invoice>();
            // Audit: the invoices rest on the board decision that approved the plan (FIN-7).
            audit.DecisionRef = plan.DecisionRef;
            var name = project.Name.Length > 200 ? project.Name[..199] + "…" : project.Name;
            foreach (var share in shares)
            {
                var participant = participants.First(p => p.Orgnr == share.Orgnr);
                if (invoiced.Contains(participant.MemberId) || share.Amount <= 0)
                {
                    continue;
                }

                var sheet = share.Sheet.Append($"Finansieringsplan versjon {plan.Version} godkjent av programstyret ({plan.DecisionRef}, {plan.ApprovedOn:dd.MM.yyyy}).").ToList();
                var invoice = Invoice.ToMember(partnershipId, counter.Next, today.Year, members[participant.MemberId], share.Amount, today, seller,
                    $"Medlemsbidrag til {name}, finansieringsplan versjon {plan.Version}", sheet, projectId: project.Id, financingPlanId: plan.Id);
                counter.Next++;
                db.Invoices.Add(invoice);
                created.Add(invoice);
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            audit.DecisionRef = null;
            return new Result(project.Id, plan.Version, created.Count, standing.Concat(created).OrderBy(i => i.IssueYear).ThenBy(i => i.Sequence).ToList());
        }

        /// <summary>Population per participant's orgnr on 1 January of the approval year (or the latest year before it with figures).</summary>
        private async Task<(Dictionary<string, int> Population, int? Year)> PopulationAsync(List<Domain.Members.Member> participants, DateOnly on, CancellationToken ct)
        {
            var year = await db.PopulationFigures.Where(p => p.Year <= on.Year).MaxAsync(p => (int?)p.Year, ct)
                ?? await db.PopulationFigures.MaxAsync(p => (int?)p.Year, ct);
            if (year is null)
            {
                return ([], null);
            }

            var januaryFirst = new DateOnly(year.Value, 1, 1);
            var numbers = participants.Select(m => (m.Orgnr, Number: m.MunicipalityNumberOn(januaryFirst))).Where(x => x.Number is not null).ToList();
            var wanted = numbers.Select(x => x.Number!).ToList();
            var figures = await db.PopulationFigures.AsNoTracking().Where(p => p.Year == year && wanted.Contains(p.MunicipalityNumber))
                .ToDictionaryAsync(p => p.MunicipalityNumber, p => p.Population, ct);
            return (numbers.Where(x => figures.ContainsKey(x.Number!)).ToDictionary(x => x.Orgnr, x => figures[x.Number!]), year);
        }

        /// <summary>Approved plans with member contributions in the partnership, with how many participants are invoiced.</summary>
        public async Task<List<PlanRow>> PlansAsync(int partnershipId, CancellationToken ct)
        {
            var plans = await db.FinancingPlans.AsNoTracking()
                .Where(f => f.Status == FinancingPlanStatus.Approved && db.Projects.Any(p => p.Id == f.ProjectId && p.PartnershipId == partnershipId))
                .ToListAsync(ct);
            plans = plans.Where(f => f.Sources.Any(s => s.Kind == FundingSourceKind.MemberContribution)).ToList();
            if (plans.Count == 0)
            {
                return [];
            }

            var ids = plans.Select(f => f.ProjectId).ToList();
            var projects = await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id))
                .Select(p => new { p.Id, p.Name, Count = p.Participants.Count }).ToDictionaryAsync(p => p.Id, ct);
            var planIds = plans.Select(f => f.Id).ToList();
            var invoices = await db.Invoices.AsNoTracking()
                .Where(i => i.FinancingPlanId != null && planIds.Contains(i.FinancingPlanId.Value) && i.Kind == InvoiceKind.Invoice && i.Status != InvoiceStatus.Credited)
                .Select(i => new { i.FinancingPlanId, i.Amount }).ToListAsync(ct);
            return plans
                .Select(f => new PlanRow(f.ProjectId, projects[f.ProjectId].Name, f.Version, f.DecisionRef,
                    f.Sources.Where(s => s.Kind == FundingSourceKind.MemberContribution).Sum(s => s.Amount), projects[f.ProjectId].Count,
                    invoices.Count(i => i.FinancingPlanId == f.Id), invoices.Where(i => i.FinancingPlanId == f.Id).Sum(i => i.Amount)))
                .OrderBy(r => r.ProjectName, Bokmal.Order)
                .ToList();
        }
    }
}
