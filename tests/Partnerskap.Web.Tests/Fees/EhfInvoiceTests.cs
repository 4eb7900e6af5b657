using System.Xml.Linq;
using Partnerskap.Web.Features.Fees.Invoicing;
using Partnerskap.Web.Tests.Infrastructure;

namespace Partnerskap.Web.Tests.Fees;

public class EhfInvoiceTests
{
    private static readonly XNamespace Cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    private static readonly XNamespace Cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    private static readonly XNamespace Inv = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    private static readonly XNamespace Cn = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";

    [Fact]
    public void Samples_pass_the_EHF_validator_in_one_call()
    {
        var samples = new Dictionary<string, InvoiceDocument>
        {
            ["asker-kommune-2022-0001.xml"] = InvoiceSamples.AskerInvoice(),
            ["viken-fylkeskommune-2022-0002.xml"] = InvoiceSamples.VikenInvoice(),
            ["kreditnota-asker-2022-0101.xml"] = InvoiceSamples.AskerCreditNote(),
            ["ampersand-2022-0003.xml"] = InvoiceSamples.AmpersandInvoice(),
        };
        using var folder = new TempDirectory();
        var files = samples.Select(s => Write(folder, s.Key, s.Value)).ToList();

        var result = EhfValidator.Run(files);

        Assert.True(result.ExitCode == 0, $"validate-ehf exited with {result.ExitCode}:\n{result.Output}");
        Assert.Contains("4 file(s): 4 valid, 0 invalid", result.Output, StringComparison.Ordinal);
        // The one expected warning: a public body is not in Foretaksregisteret (NO-R-002); anything else is news.
        var warnings = result.Output.Split('\n').Where(l => l.TrimStart().StartsWith("warning |", StringComparison.Ordinal));
        Assert.All(warnings, w => Assert.Contains("| NO-R-002 |", w, StringComparison.Ordinal));
    }

    [Fact]
    public void A_total_that_differs_from_the_sum_of_the_lines_is_rejected_by_the_validator()
    {
        var broken = InvoiceSamples.AskerInvoice() with { Total = 288_265.00m };
        using var folder = new TempDirectory();

        var result = EhfValidator.Run([Write(folder, "broken-total.xml", broken)]);

        Assert.True(result.ExitCode == 1, $"expected exit 1, got {result.ExitCode}:\n{result.Output}");
        Assert.Contains("INVALID", result.Output, StringComparison.Ordinal);
        Assert.Contains("| BR-CO-10 |", result.Output, StringComparison.Ordinal); // sum of line net amounts ≠ BT-106
    }

    [Fact]
    public void An_invoice_carries_the_Peppol_identifiers_parties_payment_and_VAT_category_O()
    {
        var xml = EhfInvoice.ToXml(InvoiceSamples.AskerInvoice());
        var root = XDocument.Parse(xml).Root!;

        Assert.Equal(Inv + "Invoice", root.Name);
        Assert.Equal("urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0", root.Element(Cbc + "CustomizationID")?.Value);
        Assert.Equal("urn:fdc:peppol.eu:2017:poacc:billing:01:1.0", root.Element(Cbc + "ProfileID")?.Value);
        Assert.Equal("380", root.Element(Cbc + "InvoiceTypeCode")?.Value);
        Assert.Equal("2022-03-31", root.Element(Cbc + "DueDate")?.Value);
        Assert.Equal("4021 Ola Nordmann", root.Element(Cbc + "BuyerReference")?.Value);
        Assert.Single(root.Elements(Cbc + "Note"));

        var seller = root.Element(Cac + "AccountingSupplierParty")!.Element(Cac + "Party")!;
        var buyer = root.Element(Cac + "AccountingCustomerParty")!.Element(Cac + "Party")!;
        Assert.Equal(("0192", "921693230"), Scheme(seller.Element(Cbc + "EndpointID")));
        Assert.Equal(("0192", "921693230"), Scheme(seller.Element(Cac + "PartyLegalEntity")?.Element(Cbc + "CompanyID")));
        Assert.Equal(("0192", "920125298"), Scheme(buyer.Element(Cbc + "EndpointID")));
        Assert.Equal(("0192", "920125298"), Scheme(buyer.Element(Cac + "PartyLegalEntity")?.Element(Cbc + "CompanyID")));
        Assert.Empty(root.Descendants(Cac + "PartyTaxScheme")); // BR-O-02: no VAT identifiers

        var payment = root.Element(Cac + "PaymentMeans")!;
        Assert.Equal("30", payment.Element(Cbc + "PaymentMeansCode")?.Value);
        Assert.Equal("202200010", payment.Element(Cbc + "PaymentID")?.Value);
        Assert.Equal("12345678903", payment.Element(Cac + "PayeeFinancialAccount")?.Element(Cbc + "ID")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(root.Element(Cac + "PaymentTerms")?.Element(Cbc + "Note")?.Value));

        var subtotal = root.Element(Cac + "TaxTotal")!.Element(Cac + "TaxSubtotal")!;
        Assert.Equal("288264.00", subtotal.Element(Cbc + "TaxableAmount")?.Value);
        Assert.Equal("0.00", subtotal.Element(Cbc + "TaxAmount")?.Value);
        Assert.Equal(EhfInvoice.VatCategory, subtotal.Element(Cac + "TaxCategory")?.Element(Cbc + "ID")?.Value);
        Assert.Empty(root.Descendants(Cbc + "Percent")); // BR-O-05

        var totals = root.Element(Cac + "LegalMonetaryTotal")!;
        Assert.All(["LineExtensionAmount", "TaxExclusiveAmount", "TaxInclusiveAmount", "PayableAmount"],
            name => Assert.Equal("288264.00", totals.Element(Cbc + name)?.Value));
        Assert.All(root.Descendants().Where(e => e.Attribute("currencyID") is not null), e => Assert.Equal("NOK", e.Attribute("currencyID")!.Value));

        var line = Assert.Single(root.Elements(Cac + "InvoiceLine"));
        Assert.Equal("96088", line.Element(Cbc + "InvoicedQuantity")?.Value);
        Assert.Equal("3.00", line.Element(Cac + "Price")?.Element(Cbc + "PriceAmount")?.Value);
        Assert.Equal("O", line.Element(Cac + "Item")?.Element(Cac + "ClassifiedTaxCategory")?.Element(Cbc + "ID")?.Value);
    }

    [Fact]
    public void A_credit_note_is_a_UBL_CreditNote_that_references_the_credited_invoice()
    {
        var root = XDocument.Parse(EhfInvoice.ToXml(InvoiceSamples.AskerCreditNote())).Root!;

        Assert.Equal(Cn + "CreditNote", root.Name);
        Assert.Equal("381", root.Element(Cbc + "CreditNoteTypeCode")?.Value);
        Assert.Null(root.Element(Cbc + "DueDate")); // not in UBL CreditNote; BT-9 goes in PaymentMeans
        Assert.Equal("2022-04-05", root.Element(Cac + "PaymentMeans")?.Element(Cbc + "PaymentDueDate")?.Value);
        var reference = root.Element(Cac + "BillingReference")?.Element(Cac + "InvoiceDocumentReference");
        Assert.Equal("2022-0001", reference?.Element(Cbc + "ID")?.Value);
        Assert.Equal("2022-03-01", reference?.Element(Cbc + "IssueDate")?.Value);
        var line = Assert.Single(root.Elements(Cac + "CreditNoteLine"));
        Assert.Equal("96088", line.Element(Cbc + "CreditedQuantity")?.Value);
        Assert.Equal("288264.00", root.Element(Cac + "LegalMonetaryTotal")?.Element(Cbc + "PayableAmount")?.Value);
    }

    [Fact]
    public void A_credit_note_without_the_credited_invoice_is_refused() =>
        Assert.Throws<ArgumentException>(() => EhfInvoice.ToXml(InvoiceSamples.AskerCreditNote() with { CreditedInvoiceNumber = null }));

    [Fact]
    public void Without_a_buyer_reference_the_invoice_number_is_sent_as_BT_10()
    {
        var root = XDocument.Parse(EhfInvoice.ToXml(InvoiceSamples.VikenInvoice())).Root!;

        Assert.Equal("2022-0002", root.Element(Cbc + "BuyerReference")?.Value);
    }

    [Fact]
    public void Names_with_ampersand_and_Norwegian_letters_are_escaped_and_read_back_unchanged()
    {
        var invoice = InvoiceSamples.AmpersandInvoice();
        var xml = EhfInvoice.ToXml(invoice);
        var root = XDocument.Parse(xml).Root!;

        Assert.Contains("Ås &amp; Frogn Økonomi-, lønn- og regnskapskontor &lt;IKS&gt;", xml, StringComparison.Ordinal);
        var buyer = root.Element(Cac + "AccountingCustomerParty")!.Element(Cac + "Party")!;
        Assert.Equal(invoice.Buyer.Name, buyer.Element(Cac + "PartyName")?.Element(Cbc + "Name")?.Value);
        Assert.Equal(invoice.Buyer.Street, buyer.Element(Cac + "PostalAddress")?.Element(Cbc + "StreetName")?.Value);
        Assert.Equal(invoice.BuyerReference, root.Element(Cbc + "BuyerReference")?.Value);
        Assert.Equal(invoice.Note, root.Element(Cbc + "Note")?.Value);
        Assert.Equal("0.125", root.Elements(Cac + "InvoiceLine").Last().Element(Cac + "Price")?.Element(Cbc + "PriceAmount")?.Value);
        Assert.Equal("2.5", root.Elements(Cac + "InvoiceLine").Last().Element(Cbc + "InvoicedQuantity")?.Value);
    }

    [Fact]
    public void Output_is_deterministic_UTF8_XML_without_empty_elements()
    {
        var invoice = InvoiceSamples.AskerInvoice() with { Buyer = InvoiceSamples.Asker with { Street = null, City = " " } };

        var first = EhfInvoice.ToXml(invoice);
        var second = EhfInvoice.ToXml(invoice with { Lines = [.. invoice.Lines] });

        Assert.Equal(first, second);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Invoice ", first, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", first, StringComparison.Ordinal);
        Assert.All(XDocument.Parse(first).Descendants(), e => Assert.True(e.HasElements || e.Value.Trim().Length > 0, $"empty element {e.Name.LocalName}"));
    }

    private static string Write(TempDirectory folder, string name, InvoiceDocument invoice)
    {
        var path = Path.Combine(folder.Path, name);
        File.WriteAllText(path, EhfInvoice.ToXml(invoice));
        return path;
    }

    private static (string?, string?) Scheme(XElement? element) => (element?.Attribute("schemeID")?.Value, element?.Value);
}
