using Partnerskap.Web.Features.Fees.Invoicing;

namespace Partnerskap.Web.Tests.Fees;

/// <summary>
/// Sample invoices from the host (ORG-5 default: Viken fylkeskommune) for DigiViken's fees. Org numbers of Asker and
/// Viken are the real ones (mod11-valid); the '&amp;' buyer's org.nr. and the bank account are made up (mod11-valid only).
/// </summary>
public static class InvoiceSamples
{
    public const string BankAccount = "1234.56.78903";

    public static readonly InvoiceParty Host = new("921693230", "Viken fylkeskommune", "Postboks 220", "1702", "Sarpsborg");

    public static readonly InvoiceParty Asker = new("920125298", "Asker kommune", "Katrineåsveien 20", "1383", "Asker");

    /// <summary>FIN-1: 3 kr × 96 088 inhabitants (SSB 07459, 1 January 2022) = 288 264.00 NOK.</summary>
    public static InvoiceDocument AskerInvoice() => new(
        Number: "2022-0001", IsCreditNote: false, CreditedInvoiceNumber: null, CreditedInvoiceIssueDate: null,
        IssueDate: new DateOnly(2022, 3, 1), DueDate: new DateOnly(2022, 3, 31),
        Seller: Host, SellerBankAccount: BankAccount,
        Buyer: Asker, BuyerEndpoint: "920125298",
        BuyerReference: "4021 Ola Nordmann",
        Currency: "NOK",
        Lines: [new("Medlemskontingent DigiViken 2022: 3 kr per innbygger", 96_088m, "IE", 3.00m, 288_264.00m)],
        Total: 288_264.00m,
        Note: "Medlemskontingent DigiViken 2022 (FIN-1)",
        CalculationSheet:
        [
            "Innbyggere i Asker kommune per 1. januar 2022 (SSB, tabell 07459): 96 088",
            "Sats etter samarbeidsavtalen § 4 (FIN-1): 3 kr per innbygger",
            "Kontingent 2022: 3 kr × 96 088 = 288 264 kr",
        ],
        PaymentReference: "202200010");

    /// <summary>FIN-2: the county's fee, 153 750.00 NOK (150 000 × 1.025). The host invoices its own county here: seller = buyer.</summary>
    public static InvoiceDocument VikenInvoice() => AskerInvoice() with
    {
        Number = "2022-0002",
        Buyer = Host,
        BuyerEndpoint = "921693230",
        BuyerReference = null, // falls back to the invoice number (PEPPOL-EN16931-R003)
        Lines = [new("Fylkeskommunens bidrag DigiViken 2022", 1m, "C62", 153_750.00m, 153_750.00m)],
        Total = 153_750.00m,
        Note = "Medlemskontingent DigiViken 2022 (FIN-2)",
        CalculationSheet =
        [
            "Fast beløp for fylkeskommunen (FIN-2): 150 000 kr",
            "Justert med kommunal deflator 2,5 %: 150 000 kr × 1,025 = 153 750 kr",
        ],
        PaymentReference = "2022-0002",
    };

    /// <summary>Credits the whole Asker invoice.</summary>
    public static InvoiceDocument AskerCreditNote() => AskerInvoice() with
    {
        Number = "2022-0101",
        IsCreditNote = true,
        CreditedInvoiceNumber = "2022-0001",
        CreditedInvoiceIssueDate = new DateOnly(2022, 3, 1),
        IssueDate = new DateOnly(2022, 4, 5),
        DueDate = new DateOnly(2022, 4, 5),
        Note = "Kreditering av medlemskontingent DigiViken 2022 (faktura 2022-0001)",
        CalculationSheet = ["Faktura 2022-0001 krediteres i sin helhet: 288 264,00 kr"],
        PaymentReference = "2022-0101",
    };

    /// <summary>XML escaping and Norwegian letters in names, addresses, lines and references.</summary>
    public static InvoiceDocument AmpersandInvoice() => AskerInvoice() with
    {
        Number = "2022-0003",
        Buyer = new InvoiceParty("991122338", "Ås & Frogn Økonomi-, lønn- og regnskapskontor <IKS>", "Rådhusplassen 1 \"Bygg Æ\"", "1430", "Ås"),
        BuyerEndpoint = "991122338",
        BuyerReference = "Bjørn Ødegård & Åse Ærø",
        Lines =
        [
            new("Medlemskontingent DigiViken 2022 – Ås & Frogn", 1m, "C62", 1_000.00m, 1_000.00m),
            new("Tilleggsavgift for \"særskilt\" prosjekt <Æ/Ø/Å>", 2.5m, "C62", 0.125m, 0.31m),
        ],
        Total = 1_000.31m,
        Note = "Medlemskontingent DigiViken 2022 – «særskilt» & øvrig",
        CalculationSheet = ["1 000 kr + 2,5 × 0,125 kr = 1 000,31 kr"],
        PaymentReference = "2022-0003",
    };
}
