using Partnerskap.Web.Features.Fees.Invoicing;
using Partnerskap.Web.Tests.Infrastructure;
using PdfSharp.Pdf.IO;

namespace Partnerskap.Web.Tests.Fees;

public class InvoicePdfTests
{
    /// <summary>Rendered samples stay in the test output folder (bin/.../invoice-samples) to look at.</summary>
    private static string SamplePath(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "invoice-samples");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    private static string Render(InvoiceDocument invoice, string name)
    {
        var path = SamplePath(name);
        File.WriteAllBytes(path, InvoicePdf.Render(invoice));
        TestContext.Current.SendDiagnosticMessage($"Sample invoice: {path}");
        return path;
    }

    [Fact]
    public void An_invoice_shows_number_dates_buyer_lines_total_payment_and_calculation()
    {
        var invoice = InvoiceSamples.AskerInvoice();
        var path = Render(invoice, "asker-2022-0001.pdf");

        var text = PopplerTools.PdfToText(path);
        Assert.All(
            [
                "Viken fylkeskommune", "Org.nr. 921 693 230", "Faktura", "2022-0001", "Fakturadato", "01.03.2022", "Forfallsdato", "31.03.2022",
                "Asker kommune", "Katrineåsveien 20", "1383 Asker", "Deres referanse", "4021 Ola Nordmann",
                "Beskrivelse", "Antall", "Enhetspris", "Beløp", "96 088", "3,00", "288 264,00", "Å betale NOK",
                "Kontonummer", "1234 56 78903", "KID", "202200010", "Beregning", "Side 1 av 1",
                .. invoice.CalculationSheet,
            ],
            expected => Assert.Contains(expected, text, StringComparison.Ordinal));
        Assert.DoesNotContain("Kreditnota", text, StringComparison.Ordinal);

        PopplerTools.PdfToPng(path, SamplePath("asker-2022-0001"));
        Assert.True(File.Exists(SamplePath("asker-2022-0001-1.png")));
    }

    [Fact]
    public void A_credit_note_names_the_credited_invoice_and_asks_for_no_payment()
    {
        var path = Render(InvoiceSamples.AskerCreditNote(), "kreditnota-2022-0101.pdf");

        var text = PopplerTools.PdfToText(path);
        Assert.Contains("Kreditnota", text, StringComparison.Ordinal);
        Assert.Contains("2022-0101", text, StringComparison.Ordinal);
        Assert.Contains("Gjelder faktura", text, StringComparison.Ordinal);
        Assert.Contains("2022-0001", text, StringComparison.Ordinal);
        Assert.Contains("Kreditert beløp NOK", text, StringComparison.Ordinal);
        Assert.Contains("288 264,00", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Å betale", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_payment_reference_is_not_called_KID()
    {
        var path = Render(InvoiceSamples.AmpersandInvoice(), "ampersand-2022-0003.pdf");

        var text = PopplerTools.PdfToText(path);
        Assert.Contains("Betalingsreferanse", text, StringComparison.Ordinal);
        Assert.DoesNotContain("KID", text, StringComparison.Ordinal);
        Assert.Contains("Ås & Frogn Økonomi-, lønn- og", text, StringComparison.Ordinal);
        Assert.Contains("1 000,31", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_invoice_flows_over_pages_inside_the_margins_without_overlapping_text()
    {
        var invoice = InvoiceSamples.AmpersandInvoice() with
        {
            Seller = InvoiceSamples.Host with { Name = "Viken fylkeskommune, vertskap for DigiViken – digitaliseringssamarbeidet i Akershus, Buskerud og Østfold" },
            BuyerReference = "Bestiller 4021, Økonomiavdelingen, ansvar 1200, tjeneste 1201, prosjekt 9999-DIGIVIKEN-2022",
            Lines = [.. Enumerable.Range(1, 45).Select(i => new InvoiceLine(
                $"Linje {i}: medlemskontingent for delprosjekt nummer {i} med en beskrivelse som må brytes over flere linjer", 1_234_567.5m, "C62", 0.1m, 123_456.75m))],
            Total = 45 * 123_456.75m,
            CalculationSheet = [.. Enumerable.Range(1, 30).Select(i => $"Beregningslinje {i}: 3 kr × 96 088 innbyggere = 288 264 kr, avrundet til hele kroner (FIN-1).")],
            PaymentReference = "1234567890123456789012344",
        };
        var path = Render(invoice, "long-invoice.pdf");

        using (var document = PdfReader.Open(path, PdfDocumentOpenMode.Import))
        {
            Assert.True(document.PageCount >= 3, $"expected at least 3 pages, got {document.PageCount}");
        }

        var pages = PopplerTools.Words(path);
        foreach (var (words, index) in pages.Select((w, i) => (w, i + 1)))
        {
            Assert.Contains(words, w => w.Text == $"{index}" && words.Any(v => v.Text == "Side"));
            foreach (var w in words)
            {
                Assert.True(w.XMin >= 71 && w.XMax <= 595.28 - 56, $"page {index}: '{w.Text}' runs into the side margin ({w.XMin:0}–{w.XMax:0})");
                Assert.True(w.YMin >= 50 && w.YMax <= 842 - 30, $"page {index}: '{w.Text}' runs into the top or bottom margin ({w.YMin:0}–{w.YMax:0})");
            }

            for (var i = 0; i < words.Count; i++)
            {
                for (var j = i + 1; j < words.Count; j++)
                {
                    var (a, b) = (words[i], words[j]);
                    var overlaps = a.XMin + 1 < b.XMax - 1 && b.XMin + 1 < a.XMax - 1 && a.YMin + 1 < b.YMax - 1 && b.YMin + 1 < a.YMax - 1;
                    Assert.False(overlaps, $"page {index}: '{a.Text}' overlaps '{b.Text}'");
                }
            }
        }

        var text = PopplerTools.PdfToText(path);
        Assert.Contains("Linje 45:", text, StringComparison.Ordinal);
        Assert.Contains("Beregningslinje 30:", text, StringComparison.Ordinal);
        Assert.Contains("5 555 553,75", text, StringComparison.Ordinal);
        Assert.True(pages.Count(p => p.Any(w => w.Text == "Beskrivelse")) >= 2, "the table header is repeated on the next page");
    }

    [Fact]
    public void Norwegian_formats_amounts_accounts_and_KID()
    {
        Assert.Equal("288 264,00", InvoiceFormat.Amount(288_264m));
        Assert.Equal("0,31", InvoiceFormat.Amount(0.305m));
        Assert.Equal("288264.00", InvoiceFormat.XmlAmount(288_264m));
        Assert.Equal("96 088", InvoiceFormat.Quantity(96_088m));
        Assert.Equal("1234 56 78903", InvoiceFormat.BankAccount("1234.56.78903"));
        Assert.Equal("921 693 230", InvoiceFormat.OrgnrForPeople("921693230"));
        Assert.True(InvoiceFormat.IsKid("202200010"));   // MOD10
        Assert.True(InvoiceFormat.IsKid("12345678903")); // MOD11
        Assert.False(InvoiceFormat.IsKid("202200011"));
        Assert.False(InvoiceFormat.IsKid("2022-0001"));
    }
}
