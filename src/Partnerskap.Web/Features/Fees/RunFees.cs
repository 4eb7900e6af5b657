using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Fees;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Features.Fees;

/// <summary>
/// The fee run for a year: one invoice per liable member, numbered without gaps. Idempotent: running again creates
/// nothing and returns the same invoices. Concurrent runs are serialised by locking the partnership's counter row
/// first thing in the transaction, and a unique index backs the one-invoice-per-member-and-year rule.
/// </summary>
public static class RunFees
{
    public sealed record Command(int PartnershipId, int Year);

    public sealed record Result(int Year, int Created, IReadOnlyList<Invoice> Invoices);

    public sealed class Handler(AppDbContext db, CalculateFees.Handler calculate, TimeProvider clock, AuditContext audit, Infrastructure.Telemetry telemetry)
    {
        public async Task<Result> Handle(Command command, CancellationToken ct)
        {
            var seller = await db.InvoicingSettings.AsNoTracking().SingleOrDefaultAsync(s => s.PartnershipId == command.PartnershipId, ct)
                ?? throw RuleViolation.Conflict(
                    "The seller on the invoices is not set: give the host organisation's name, orgnr, address and bank account (PUT …/invoicing) before the fee run.",
                    "ORG-5");

            var today = PartnershipTime.Today(clock);
            await EnsureCounterAsync(db, command.PartnershipId, today.Year, ct);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    using var activity = Infrastructure.Telemetry.Source.StartActivity("fee-run");
                    activity?.SetTag("partnerskap.fee_year", command.Year);
                    var result = await RunOnceAsync(command, seller, today, ct);
                    telemetry.FeeRuns.Add(1);
                    telemetry.InvoicesIssued.Add(result.Created);
                    return result;
                }
                catch (DbUpdateException) when (attempt < 3)
                {
                    // Another instance won a race the lock did not cover (e.g. first counter row); start again from the database.
                    db.ChangeTracker.Clear();
                }
            }
        }

        private async Task<Result> RunOnceAsync(Command command, InvoicingSettings seller, DateOnly today, CancellationToken ct)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // Lock first: on PostgreSQL a row lock, on SQLite the write lock. Concurrent runs wait here, then see our invoices.
            await LockCounterAsync(db, command.PartnershipId, today.Year, ct);

            var calculation = await calculate.Handle(new CalculateFees.Query(command.PartnershipId, command.Year), ct);
            if (!calculation.Calculation.CanInvoice)
            {
                var rule = calculation.Calculation.Problems.Any(p => p.Contains("FIN-2", StringComparison.Ordinal)) ? "FIN-2" : "FIN-1";
                throw RuleViolation.Conflict(
                    "The fee run refuses: " + string.Join(" ", calculation.Calculation.Problems.DefaultIfEmpty("nobody is liable for the fee this year.")),
                    rule);
            }

            var standing = await db.Invoices
                .Where(i => i.PartnershipId == command.PartnershipId && i.FeeYear == command.Year && i.FinancingPlanId == null && i.Kind == InvoiceKind.Invoice && i.Status != InvoiceStatus.Credited)
                .ToListAsync(ct);
            var invoiced = standing.Select(i => i.MemberId).ToHashSet();
            var counter = await db.InvoiceCounters.SingleAsync(c => c.PartnershipId == command.PartnershipId && c.Year == today.Year, ct);
            var members = await db.Members.AsNoTracking().Where(m => m.PartnershipId == command.PartnershipId).ToDictionaryAsync(m => m.Id, ct);
            var created = new List<Invoice>();
            audit.DecisionRef = calculation.Model!.Decision;
            foreach (var line in calculation.Calculation.Lines)
            {
                var memberId = calculation.MemberIds[line.Orgnr];
                if (invoiced.Contains(memberId) || line.Amount == 0)
                {
                    continue;
                }

                var invoice = Invoice.ToMember(command.PartnershipId, counter.Next, command.Year, members[memberId], line.Amount, today, seller,
                    $"Medlemskontingent {command.Year}", line.Sheet, calculation.Model.Id,
                    calculation.Model.Schedules.Any(s => s.IndexFixedAmount) ? calculation.IndexEstimate : null);
                counter.Next++;
                db.Invoices.Add(invoice);
                created.Add(invoice);
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            audit.DecisionRef = null;
            return new Result(command.Year, created.Count, standing.Concat(created).OrderBy(i => i.Sequence).ToList());
        }

    }

    /// <summary>Creates the partnership's counter row for an issue year if it does not exist yet.</summary>
    internal static async Task EnsureCounterAsync(AppDbContext db, int partnershipId, int year, CancellationToken ct) =>
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO \"InvoiceCounters\" (\"PartnershipId\", \"Year\", \"Next\") VALUES ({partnershipId}, {year}, 1) ON CONFLICT DO NOTHING", ct);

    /// <summary>Locks the counter row for the rest of the transaction (a row lock on PostgreSQL, the write lock on SQLite).</summary>
    internal static async Task LockCounterAsync(AppDbContext db, int partnershipId, int year, CancellationToken ct) =>
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE \"InvoiceCounters\" SET \"Next\" = \"Next\" WHERE \"PartnershipId\" = {partnershipId} AND \"Year\" = {year}", ct);

    /// <summary>Takes the next number for a single invoice (credit notes) inside the caller's transaction.</summary>
    public static async Task<int> NextSequenceAsync(AppDbContext db, int partnershipId, int year, CancellationToken ct)
    {
        await EnsureCounterAsync(db, partnershipId, year, ct);
        await LockCounterAsync(db, partnershipId, year, ct);
        var counter = await db.InvoiceCounters.SingleAsync(c => c.PartnershipId == partnershipId && c.Year == year, ct);
        await db.Entry(counter).ReloadAsync(ct);
        var next = counter.Next;
        counter.Next++;
        return next;
    }
}
