using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Fees;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Features.Fees;

/// <summary>Invoice status moves forward only; a correction is a credit note with its own number (never an edit or delete).</summary>
public sealed class InvoiceActions(AppDbContext db, TimeProvider clock, AuditContext audit, Infrastructure.Telemetry telemetry)
{
    public async Task<Invoice> MarkSentAsync(int partnershipId, int id, CancellationToken ct)
    {
        var invoice = await LoadAsync(partnershipId, id, ct);
        invoice.MarkSent(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return invoice;
    }

    public async Task<Invoice> MarkPaidAsync(int partnershipId, int id, DateOnly? paidOn, decimal? amount, CancellationToken ct)
    {
        var invoice = await LoadAsync(partnershipId, id, ct);
        invoice.MarkPaid(paidOn ?? PartnershipTime.Today(clock), amount ?? invoice.Amount);
        await db.SaveChangesAsync(ct);
        return invoice;
    }

    /// <summary>Credits the invoice in full with a credit note numbered in the same gapless series.</summary>
    public async Task<Invoice> CreditAsync(int partnershipId, int id, string? reason, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var today = PartnershipTime.Today(clock);
        var sequence = await RunFees.NextSequenceAsync(db, partnershipId, today.Year, ct);
        var invoice = await LoadAsync(partnershipId, id, ct);
        invoice.MarkCredited(reason ?? "");
        var seller = await db.InvoicingSettings.AsNoTracking().SingleAsync(s => s.PartnershipId == partnershipId, ct);
        audit.DecisionRef = $"Kreditnota for {invoice.Number}: {invoice.CreditReason}";
        var credit = new Invoice(
            partnershipId, InvoiceKind.CreditNote, today.Year, sequence, invoice.FeeYear, invoice.MemberId, invoice.Orgnr, invoice.BuyerName,
            invoice.BuyerAddress, invoice.BuyerEndpoint, invoice.BuyerReference, invoice.Amount, today, today, seller,
            $"Kreditering av {invoice.Description.ToLowerInvariant()} (faktura {invoice.Number})",
            invoice.Sheet.Split('\n'), invoice.FeeModelId, invoice.IndexEstimate, invoice.Id, invoice.ProjectId, invoice.FinancingPlanId);
        db.Invoices.Add(credit);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        telemetry.InvoicesIssued.Add(1);
        return credit;
    }

    private async Task<Invoice> LoadAsync(int partnershipId, int id, CancellationToken ct) =>
        await db.Invoices.SingleOrDefaultAsync(i => i.Id == id && i.PartnershipId == partnershipId, ct)
        ?? throw new KeyNotFoundException($"No invoice {id}.");
}
