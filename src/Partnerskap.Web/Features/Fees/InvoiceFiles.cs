using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Fees;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Fees.Invoicing;

namespace Partnerskap.Web.Features.Fees;

/// <summary>
/// An invoice's PDF and EHF XML, produced from its stored snapshot (never from today's member data), so the files
/// for an invoice are the same every time they are fetched.
/// </summary>
public sealed class InvoiceFiles(AppDbContext db)
{
    public async Task<InvoiceDocument?> DocumentAsync(int id, CancellationToken ct)
    {
        var invoice = await db.Invoices.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (invoice is null)
        {
            return null;
        }

        var credited = invoice.CreditsInvoiceId is { } creditedId
            ? await db.Invoices.AsNoTracking().SingleAsync(i => i.Id == creditedId, ct)
            : null;
        return ToDocument(invoice, credited);
    }

    public static InvoiceDocument ToDocument(Invoice invoice, Invoice? credited)
    {
        var sheet = invoice.Sheet.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (invoice.IndexEstimate is { } estimate)
        {
            sheet.Add($"Kommunal deflator: {estimate}-anslag (FIN-2).");
        }

        if (credited is not null)
        {
            sheet.Insert(0, $"Kreditnota for faktura {credited.Number}: {invoice.CreditReason ?? credited.CreditReason}");
        }

        return new InvoiceDocument(
            Number: invoice.Number,
            IsCreditNote: invoice.Kind == InvoiceKind.CreditNote,
            CreditedInvoiceNumber: credited?.Number,
            CreditedInvoiceIssueDate: credited?.IssueDate,
            IssueDate: invoice.IssueDate,
            DueDate: invoice.DueDate,
            Seller: Party(invoice.SellerOrgnr, invoice.SellerName, invoice.SellerAddress),
            SellerBankAccount: invoice.BankAccount,
            Buyer: Party(invoice.Orgnr, invoice.BuyerName, invoice.BuyerAddress),
            BuyerEndpoint: invoice.BuyerEndpoint,
            BuyerReference: invoice.BuyerReference,
            Currency: "NOK",
            Lines: [new InvoiceLine(invoice.Description, 1m, "EA", invoice.Amount, invoice.Amount)],
            Total: invoice.Amount,
            Note: $"{invoice.Description} – {invoice.SellerName}",
            CalculationSheet: sheet,
            PaymentReference: invoice.Number);
    }

    private static InvoiceParty Party(string orgnr, string name, string? address)
    {
        var lines = (address ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string? street = null, postal = null, city = null;
        if (lines.Length > 0 && lines[^1].Length > 5 && lines[^1][..4].All(char.IsAsciiDigit) && lines[^1][4] == ' ')
        {
            postal = lines[^1][..4];
            city = lines[^1][5..];
            street = lines.Length > 1 ? string.Join(", ", lines[..^1]) : null;
        }
        else if (lines.Length > 0)
        {
            street = string.Join(", ", lines);
        }

        return new InvoiceParty(orgnr, name, street, postal, city);
    }
}
