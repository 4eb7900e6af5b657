namespace Partnerskap.Web.Features.Fees.Invoicing;

/// <summary>
/// A seller or buyer on an invoice. <see cref="Orgnr"/> is the 9-digit organisasjonsnummer from Enhetsregisteret
/// (spaces are ignored); the address parts are optional, the country is an ISO 3166-1 alpha-2 code.
/// </summary>
public sealed record InvoiceParty(string Orgnr, string Name, string? Street, string? PostalCode, string? City, string CountryCode = "NO");

/// <summary>
/// One invoice line. <see cref="LineAmount"/> must equal <see cref="Quantity"/> × <see cref="UnitPrice"/> rounded to
/// 2 decimals (PEPPOL-EN16931-R120). <see cref="UnitCode"/> is a UN/ECE Rec. 20 code, e.g. "C62" (one) or "IE" (person).
/// </summary>
public sealed record InvoiceLine(string Description, decimal Quantity, string UnitCode, decimal UnitPrice, decimal LineAmount);

/// <summary>
/// Everything an invoice or credit note shows, both as EHF (<see cref="EhfInvoice"/>) and as PDF (<see cref="InvoicePdf"/>).
/// The document is written as given: amounts are not recomputed, so a <see cref="Total"/> that differs from the sum of
/// the line amounts ends up in the output, where the EHF validator rejects it (BR-CO-*).
/// </summary>
/// <param name="Number">Invoice (or credit note) number, BT-1.</param>
/// <param name="IsCreditNote">true: a UBL CreditNote (type 381) that credits <paramref name="CreditedInvoiceNumber"/>; amounts stay positive.</param>
/// <param name="CreditedInvoiceNumber">The credited invoice, BT-25. Required for a credit note.</param>
/// <param name="CreditedInvoiceIssueDate">Issue date of the credited invoice, BT-26.</param>
/// <param name="IssueDate">BT-2.</param>
/// <param name="DueDate">BT-9.</param>
/// <param name="Seller">The host organisation that invoices on the partnership's behalf (ORG-5).</param>
/// <param name="SellerBankAccount">Norwegian account number, 11 digits (spaces and dots are ignored).</param>
/// <param name="Buyer">The member.</param>
/// <param name="BuyerEndpoint">The buyer's Peppol address, scheme 0192: the org.nr. the buyer receives EHF on (ELMA), which may differ from <see cref="InvoiceParty.Orgnr"/>.</param>
/// <param name="BuyerReference">BT-10, "Deres referanse". When null the invoice number is sent instead, so PEPPOL-EN16931-R003 always holds.</param>
/// <param name="Currency">ISO 4217 code, "NOK".</param>
/// <param name="Lines">At least one line.</param>
/// <param name="Total">Sum of the line amounts, 2 decimals; also the amount payable (no VAT, no allowances).</param>
/// <param name="Note">One free-text note, BT-22, e.g. "Medlemskontingent DigiViken 2023 (FIN-1)".</param>
/// <param name="CalculationSheet">Lines of the readable fee calculation, shown under "Beregning" on the PDF only.</param>
/// <param name="PaymentReference">KID or the invoice number, BT-83; null sends none.</param>
public sealed record InvoiceDocument(
    string Number, bool IsCreditNote, string? CreditedInvoiceNumber, DateOnly? CreditedInvoiceIssueDate,
    DateOnly IssueDate, DateOnly DueDate,
    InvoiceParty Seller, string SellerBankAccount,
    InvoiceParty Buyer, string BuyerEndpoint,
    string? BuyerReference,
    string Currency,
    IReadOnlyList<InvoiceLine> Lines,
    decimal Total,
    string Note,
    IReadOnlyList<string> CalculationSheet,
    string? PaymentReference)
{
    /// <summary>BT-10 as sent: <see cref="BuyerReference"/>, or the invoice number when there is none.</summary>
    internal string EffectiveBuyerReference => string.IsNullOrWhiteSpace(BuyerReference) ? Number : BuyerReference.Trim();
}
