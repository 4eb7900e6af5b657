using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Partnerskap.Web.Features.Fees.Invoicing;

/// <summary>
/// Writes an <see cref="InvoiceDocument"/> as EHF Billing 3.0 = Peppol BIS Billing 3.0: a UBL 2.1 Invoice (type 380) or
/// CreditNote (type 381). Checked by shared/tools/validate-ehf (UBL XSD, EN 16931 and Peppol/Norwegian rules) in the tests.
/// </summary>
public static class EhfInvoice
{
    /// <summary>
    /// VAT category "O", services outside the scope of VAT. DigiViken is not a legal entity (ORG-5): the members share
    /// its costs through a membership fee fixed by the agreement (FIN-1, FIN-2), and the host public body invoices the
    /// fee on the partnership's behalf. The fee buys no specific service for the member; it is a cost-sharing
    /// contribution between public bodies and so falls outside the Norwegian VAT Act (merverdiavgiftsloven), rather than
    /// being exempt ("E", §§ 3-2 to 3-20, which needs a VAT-registered seller) or zero-rated ("Z", chapter 6).
    /// Consequences the validator enforces: no VAT identifier for seller or buyer (BR-O-02), every line and the single
    /// VAT breakdown in category O with VAT 0 and no rate (BR-O-01, -05, -09, -11, -12), and an exemption reason (BR-O-10).
    /// The classification is a tax question: confirm it with the host's accountant or Skatteetaten.
    /// </summary>
    public const string VatCategory = "O";

    internal const string CustomizationId = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
    internal const string ProfileId = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";

    /// <summary>Electronic address and legal-registration scheme: Norwegian organisasjonsnummer (ISO 6523 ICD 0192).</summary>
    internal const string OrgnrScheme = "0192";

    /// <summary>BT-121 for category O (CEF VATEX code list), with BT-120 in Norwegian.</summary>
    private const string ExemptionReasonCode = "VATEX-EU-O";
    private const string ExemptionReason = "Utenfor merverdiavgiftsloven";

    private static readonly XNamespace Cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    private static readonly XNamespace Cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    private static readonly XNamespace InvoiceNs = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    private static readonly XNamespace CreditNoteNs = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";

    /// <summary>
    /// The UBL document as UTF-8 XML text (declaration included, LF line ends, no timestamps: equal input gives equal output).
    /// Write it with UTF-8 without a BOM, e.g. <c>File.WriteAllText(path, xml)</c>.
    /// </summary>
    /// <exception cref="ArgumentException">A credit note without <see cref="InvoiceDocument.CreditedInvoiceNumber"/>.</exception>
    public static string ToXml(InvoiceDocument invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        if (invoice.IsCreditNote && string.IsNullOrWhiteSpace(invoice.CreditedInvoiceNumber))
        {
            throw new ArgumentException("A credit note must name the invoice it credits.", nameof(invoice));
        }

        var document = new XDocument(new XDeclaration("1.0", "UTF-8", null), Root(invoice));
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            document.Save(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static XElement Root(InvoiceDocument invoice)
    {
        var credit = invoice.IsCreditNote;
        var ns = credit ? CreditNoteNs : InvoiceNs;
        var currency = invoice.Currency;

        // Element order is fixed by the UBL 2.1 schemas (Invoice-2 and CreditNote-2 differ in the due date and type code).
        return new XElement(ns + (credit ? "CreditNote" : "Invoice"),
            new XAttribute(XNamespace.Xmlns + "cac", Cac.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "cbc", Cbc.NamespaceName),
            Text("CustomizationID", CustomizationId),
            Text("ProfileID", ProfileId),
            Text("ID", invoice.Number),
            Text("IssueDate", InvoiceFormat.XmlDate(invoice.IssueDate)),
            credit ? null : Text("DueDate", InvoiceFormat.XmlDate(invoice.DueDate)), // a CreditNote carries BT-9 in PaymentMeans
            credit ? Text("CreditNoteTypeCode", "381") : Text("InvoiceTypeCode", "380"),
            Text("Note", invoice.Note), // PEPPOL-EN16931-R002: at most one note
            Text("DocumentCurrencyCode", currency),
            Text("BuyerReference", invoice.EffectiveBuyerReference),
            credit
                ? new XElement(Cac + "BillingReference",
                    new XElement(Cac + "InvoiceDocumentReference",
                        Text("ID", invoice.CreditedInvoiceNumber),
                        invoice.CreditedInvoiceIssueDate is { } credited ? Text("IssueDate", InvoiceFormat.XmlDate(credited)) : null))
                : null,
            new XElement(Cac + "AccountingSupplierParty", Party(invoice.Seller, InvoiceFormat.Orgnr(invoice.Seller.Orgnr), identification: false)),
            new XElement(Cac + "AccountingCustomerParty", Party(invoice.Buyer, InvoiceFormat.Orgnr(invoice.BuyerEndpoint), identification: true)),
            PaymentMeans(invoice),
            new XElement(Cac + "PaymentTerms", Text("Note", PaymentTermsNote(invoice))),
            new XElement(Cac + "TaxTotal",
                Amount("TaxAmount", 0m, currency),
                new XElement(Cac + "TaxSubtotal",
                    Amount("TaxableAmount", invoice.Total, currency),
                    Amount("TaxAmount", 0m, currency),
                    new XElement(Cac + "TaxCategory",
                        Text("ID", VatCategory),
                        Text("TaxExemptionReasonCode", ExemptionReasonCode),
                        Text("TaxExemptionReason", ExemptionReason),
                        VatScheme()))),
            new XElement(Cac + "LegalMonetaryTotal",
                Amount("LineExtensionAmount", invoice.Total, currency),
                Amount("TaxExclusiveAmount", invoice.Total, currency),
                Amount("TaxInclusiveAmount", invoice.Total, currency),
                Amount("PayableAmount", invoice.Total, currency)),
            invoice.Lines.Select((line, i) => Line(line, i + 1, credit, currency)));
    }

    /// <summary>
    /// BG-4 / BG-7. No PartyTaxScheme: category O forbids a VAT identifier (BR-O-02), and the host is a public body, not
    /// in Foretaksregisteret, so the Norwegian warning NO-R-002 is expected and correct.
    /// </summary>
    private static XElement Party(InvoiceParty party, string endpoint, bool identification)
    {
        var orgnr = InvoiceFormat.Orgnr(party.Orgnr);
        return new XElement(Cac + "Party",
            new XElement(Cbc + "EndpointID", new XAttribute("schemeID", OrgnrScheme), endpoint),
            identification ? new XElement(Cac + "PartyIdentification", new XElement(Cbc + "ID", new XAttribute("schemeID", OrgnrScheme), orgnr)) : null,
            new XElement(Cac + "PartyName", Text("Name", party.Name)),
            new XElement(Cac + "PostalAddress",
                Text("StreetName", party.Street),
                Text("CityName", party.City),
                Text("PostalZone", party.PostalCode),
                new XElement(Cac + "Country", Text("IdentificationCode", party.CountryCode))),
            new XElement(Cac + "PartyLegalEntity",
                Text("RegistrationName", party.Name),
                new XElement(Cbc + "CompanyID", new XAttribute("schemeID", OrgnrScheme), orgnr)));
    }

    /// <summary>BG-16: credit transfer (UNCL4461 code 30) to the host's account, with the KID or invoice number as BT-83.</summary>
    private static XElement PaymentMeans(InvoiceDocument invoice) =>
        new(Cac + "PaymentMeans",
            new XElement(Cbc + "PaymentMeansCode", new XAttribute("name", "Credit transfer"), "30"),
            invoice.IsCreditNote ? Text("PaymentDueDate", InvoiceFormat.XmlDate(invoice.DueDate)) : null,
            Text("PaymentID", invoice.PaymentReference),
            new XElement(Cac + "PayeeFinancialAccount",
                Text("ID", InvoiceFormat.Digits(invoice.SellerBankAccount)),
                Text("Name", invoice.Seller.Name)));

    private static string PaymentTermsNote(InvoiceDocument invoice)
    {
        if (invoice.IsCreditNote)
        {
            return $"Krediterer faktura {invoice.CreditedInvoiceNumber}.";
        }

        var reference = string.IsNullOrWhiteSpace(invoice.PaymentReference) ? invoice.Number : invoice.PaymentReference.Trim();
        var kind = InvoiceFormat.IsKid(reference) ? "KID" : "referanse";
        return $"Forfall {InvoiceFormat.Date(invoice.DueDate)}. Betales til konto {InvoiceFormat.BankAccount(invoice.SellerBankAccount)}, merk betalingen med {kind} {reference}.";
    }

    private static XElement Line(InvoiceLine line, int number, bool credit, string currency) =>
        new(Cac + (credit ? "CreditNoteLine" : "InvoiceLine"),
            Text("ID", number.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new XElement(Cbc + (credit ? "CreditedQuantity" : "InvoicedQuantity"), new XAttribute("unitCode", line.UnitCode), InvoiceFormat.XmlQuantity(line.Quantity)),
            Amount("LineExtensionAmount", line.LineAmount, currency),
            new XElement(Cac + "Item",
                Text("Name", line.Description),
                new XElement(Cac + "ClassifiedTaxCategory", Text("ID", VatCategory), VatScheme())), // no Percent for O (BR-O-05)
            new XElement(Cac + "Price", Amount("PriceAmount", line.UnitPrice, currency, price: true)));

    private static XElement VatScheme() => new(Cac + "TaxScheme", Text("ID", "VAT"));

    private static XElement Amount(string name, decimal value, string currency, bool price = false) =>
        new(Cbc + name, new XAttribute("currencyID", currency), price ? InvoiceFormat.XmlPrice(value) : InvoiceFormat.XmlAmount(value));

    /// <summary>A cbc element, or nothing for a blank value (PEPPOL-EN16931-R008: no empty elements).</summary>
    private static XElement? Text(string name, string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : new XElement(Cbc + name, value.Trim());
}
