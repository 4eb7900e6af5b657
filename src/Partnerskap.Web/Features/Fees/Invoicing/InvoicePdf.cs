using Partnerskap.Web.Infrastructure.Pdf;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Partnerskap.Web.Features.Fees.Invoicing;

/// <summary>
/// Renders an <see cref="InvoiceDocument"/> as an A4 PDF laid out like a Norwegian invoice: seller top left, "Faktura" or
/// "Kreditnota" with number, dates and "Deres referanse" top right, the buyer where a window envelope shows it, the
/// lines table, "Å betale", payment details, the fee calculation ("Beregning") and "Side x av N" in the footer.
/// Long tables and calculations flow onto further pages (the table header is repeated).
/// </summary>
public static class InvoicePdf
{
    public static byte[] Render(InvoiceDocument invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        PdfFonts.EnsureRegistered();

        using var document = new PdfDocument();
        document.Info.Title = $"{Kind(invoice)} {invoice.Number}";
        document.Info.Author = invoice.Seller.Name;
        document.Info.Subject = invoice.Note;
        document.Info.Creator = "Partnerskap";

        using (var writer = new InvoiceWriter(document, invoice))
        {
            writer.Write();
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static string Kind(InvoiceDocument invoice) => invoice.IsCreditNote ? "Kreditnota" : "Faktura";

    private sealed class InvoiceWriter(PdfDocument document, InvoiceDocument invoice) : IDisposable
    {
        // Points (1/72 inch). A4 is 595 × 842 pt; margins as in LetterPdf, so letters and invoices line up in one envelope.
        private const double Left = 72;
        private const double Right = 595.28 - 57;
        private const double Width = Right - Left;
        private const double Top = 57;
        private const double BodyBottom = 842 - 78;
        private const double FooterTop = 842 - 52;
        private const double FactsLabel = 325;
        private const double FactsValue = 408;
        private const double RecipientTop = 150;

        // Lines table: description, then right-aligned quantity, unit price and amount (right edges).
        private const double AmountRight = Right - 4;
        private const double PriceRight = AmountRight - 84;
        private const double QuantityRight = PriceRight - 72;
        private const double DescriptionWidth = QuantityRight - 58 - Left - 4; // room for a quantity like "1 234 567,5"
        private const double CellPadding = 5;
        private const double BodyLine = 14;
        private const double SmallLine = 11;

        private static readonly XBrush Shade = new XSolidBrush(XColor.FromArgb(238, 240, 243));
        private static readonly XBrush LightShade = new XSolidBrush(XColor.FromArgb(246, 247, 249));
        private static readonly XPen StrongRule = new(XColor.FromArgb(60, 60, 60), 1);

        private readonly XFont _body = new(PdfFonts.Family, 10, XFontStyleEx.Regular);
        private readonly XFont _bodyBold = new(PdfFonts.Family, 10, XFontStyleEx.Bold);
        private readonly XFont _small = new(PdfFonts.Family, 8, XFontStyleEx.Regular);
        private readonly XFont _smallBold = new(PdfFonts.Family, 8.5, XFontStyleEx.Bold);
        private readonly XFont _seller = new(PdfFonts.Family, 12, XFontStyleEx.Bold);
        private readonly XFont _title = new(PdfFonts.Family, 20, XFontStyleEx.Bold);
        private readonly XFont _heading = new(PdfFonts.Family, 11.5, XFontStyleEx.Bold);
        private readonly XFont _total = new(PdfFonts.Family, 12, XFontStyleEx.Bold);
        private readonly XFont _paymentValue = new(PdfFonts.Family, 10.5, XFontStyleEx.Bold);

        private XGraphics? _g;
        private double _y;

        private XGraphics G => _g ?? throw new InvalidOperationException("No page is open.");

        private string Currency => string.IsNullOrWhiteSpace(invoice.Currency) ? "NOK" : invoice.Currency;

        public void Write()
        {
            NewPage();
            WriteHeader();
            WriteSubject();
            WriteLines();
            WriteTotals();
            WritePayment();
            WriteCalculation();
            _g?.Dispose();
            _g = null;
            WriteFooters();
        }

        public void Dispose() => _g?.Dispose();

        private void NewPage()
        {
            _g?.Dispose();
            var page = document.AddPage();
            page.Size = PageSize.A4;
            page.Orientation = PageOrientation.Portrait;
            _g = XGraphics.FromPdfPage(page);
            _y = Top;
            if (document.PageCount > 1)
            {
                // Continuation pages name the invoice, so a loose page can be put back.
                var header = $"{Kind(invoice)} {invoice.Number} – {invoice.Buyer.Name}";
                Draw(Ellipsize(header, Width, _small), _small, PdfPalette.Muted, Left, _y);
                _y += SmallLine + 16;
            }
        }

        private bool EnsureSpace(double height)
        {
            if (_y + height <= BodyBottom)
            {
                return false;
            }

            NewPage();
            return true;
        }

        private void WriteHeader()
        {
            // Seller, top left.
            var sellerWidth = FactsLabel - Left - 16;
            var left = Top;
            foreach (var line in Wrap(invoice.Seller.Name, sellerWidth, _seller))
            {
                Draw(line, _seller, PdfPalette.Ink, Left, left);
                left += 16;
            }

            left += 2;
            foreach (var line in AddressLines(invoice.Seller).Append($"Org.nr. {InvoiceFormat.OrgnrForPeople(invoice.Seller.Orgnr)}")
                         .SelectMany(l => Wrap(l, sellerWidth, _small)))
            {
                Draw(line, _small, PdfPalette.Muted, Left, left);
                left += SmallLine;
            }

            // Title and the invoice's facts, top right.
            Draw(Kind(invoice), _title, PdfPalette.Ink, FactsLabel, Top - 3);
            var right = Top + 30;
            var facts = new List<(string Label, string Value)>
            {
                (invoice.IsCreditNote ? "Kreditnotanr." : "Fakturanr.", invoice.Number),
                (invoice.IsCreditNote ? "Kreditnotadato" : "Fakturadato", InvoiceFormat.Date(invoice.IssueDate)),
            };
            if (invoice.IsCreditNote)
            {
                facts.Add(("Gjelder faktura", invoice.CreditedInvoiceNumber ?? ""));
                if (invoice.CreditedInvoiceIssueDate is { } credited)
                {
                    facts.Add(("Faktura datert", InvoiceFormat.Date(credited)));
                }
            }
            else
            {
                facts.Add(("Forfallsdato", InvoiceFormat.Date(invoice.DueDate)));
            }

            facts.Add(("Deres referanse", invoice.EffectiveBuyerReference));
            facts.Add(("Kundens org.nr.", InvoiceFormat.OrgnrForPeople(invoice.Buyer.Orgnr)));
            foreach (var (label, value) in facts)
            {
                Draw(label, _small, PdfPalette.Muted, FactsLabel, right + 1.5);
                var lines = Wrap(value, Right - FactsValue, _bodyBold);
                foreach (var line in lines)
                {
                    Draw(line, _bodyBold, PdfPalette.Ink, FactsValue, right);
                    right += BodyLine;
                }

                right += 1;
            }

            // Buyer, where a window envelope shows it (lower if the seller block is unusually tall).
            var buyerWidth = FactsLabel - Left - 16;
            _y = Math.Max(RecipientTop, left + 24);
            foreach (var line in Wrap(invoice.Buyer.Name, buyerWidth, _bodyBold))
            {
                Draw(line, _bodyBold, PdfPalette.Ink, Left, _y);
                _y += BodyLine;
            }

            foreach (var line in AddressLines(invoice.Buyer).SelectMany(l => Wrap(l, buyerWidth, _body)))
            {
                Draw(line, _body, PdfPalette.Ink, Left, _y);
                _y += BodyLine;
            }

            _y = Math.Max(Math.Max(_y, right) + 30, 262);
        }

        private void WriteSubject()
        {
            foreach (var line in Wrap(invoice.Note, Width, _heading))
            {
                Draw(line, _heading, PdfPalette.Ink, Left, _y);
                _y += 16;
            }

            _y += 8;
        }

        private void WriteLines()
        {
            WriteTableHeader();
            foreach (var line in invoice.Lines)
            {
                var description = Wrap(line.Description, DescriptionWidth, _body);
                var height = (description.Count * BodyLine) + (2 * CellPadding);
                if (EnsureSpace(Math.Min(height, 4 * BodyLine)))
                {
                    WriteTableHeader();
                }

                _y += CellPadding;
                DrawRight(InvoiceFormat.Quantity(line.Quantity), _body, PdfPalette.Ink, QuantityRight, _y);
                DrawRight(InvoiceFormat.Price(line.UnitPrice), _body, PdfPalette.Ink, PriceRight, _y);
                DrawRight(InvoiceFormat.Amount(line.LineAmount), _body, PdfPalette.Ink, AmountRight, _y);
                foreach (var text in description)
                {
                    if (EnsureSpace(BodyLine + CellPadding))
                    {
                        WriteTableHeader();
                    }

                    Draw(text, _body, PdfPalette.Ink, Left + 4, _y);
                    _y += BodyLine;
                }

                _y += CellPadding;
                G.DrawLine(PdfPalette.Rule, Left, _y, Right, _y);
            }
        }

        private void WriteTableHeader()
        {
            const double height = 20;
            EnsureSpace(height + BodyLine + (2 * CellPadding));
            G.DrawRectangle(Shade, Left, _y, Width, height);
            var y = _y + 5;
            Draw("Beskrivelse", _smallBold, PdfPalette.Ink, Left + 4, y);
            DrawRight("Antall", _smallBold, PdfPalette.Ink, QuantityRight, y);
            DrawRight("Enhetspris", _smallBold, PdfPalette.Ink, PriceRight, y);
            DrawRight($"Beløp {Currency}", _smallBold, PdfPalette.Ink, AmountRight, y);
            _y += height;
        }

        private void WriteTotals()
        {
            const double labelX = Right - 260;
            EnsureSpace((2 * BodyLine) + 40);
            _y += 8;
            Draw("Sum ekskl. merverdiavgift", _body, PdfPalette.Ink, labelX, _y);
            DrawRight(InvoiceFormat.Amount(invoice.Total), _body, PdfPalette.Ink, AmountRight, _y);
            _y += BodyLine + 2;
            Draw("Merverdiavgift", _body, PdfPalette.Ink, labelX, _y);
            DrawRight(InvoiceFormat.Amount(0m), _body, PdfPalette.Ink, AmountRight, _y);
            _y += BodyLine + 4;
            G.DrawLine(StrongRule, labelX, _y, Right, _y);
            _y += 6;
            Draw(invoice.IsCreditNote ? $"Kreditert beløp {Currency}" : $"Å betale {Currency}", _total, PdfPalette.Ink, labelX, _y);
            DrawRight(InvoiceFormat.Amount(invoice.Total), _total, PdfPalette.Ink, AmountRight, _y);
            _y += 18;
            G.DrawLine(StrongRule, labelX, _y, Right, _y);
            _y += 10;

            // Category O (EhfInvoice.VatCategory): say why there is no VAT, as the EHF does (BT-120).
            foreach (var line in Wrap("Merverdiavgift beregnes ikke: beløpet er utenfor merverdiavgiftsloven.", Width, _small))
            {
                DrawRight(line, _small, PdfPalette.Muted, Right, _y);
                _y += SmallLine;
            }

            _y += 18;
        }

        private void WritePayment()
        {
            if (invoice.IsCreditNote)
            {
                var text = $"Denne kreditnotaen krediterer faktura {invoice.CreditedInvoiceNumber}" +
                           (invoice.CreditedInvoiceIssueDate is { } date ? $" datert {InvoiceFormat.Date(date)}" : "") +
                           ". Beløpet motregnes mot fakturaen; er fakturaen betalt, tilbakebetales beløpet.";
                var lines = Wrap(text, Width - 24, _body);
                var boxHeight = (lines.Count * BodyLine) + 20;
                EnsureSpace(boxHeight);
                G.DrawRectangle(LightShade, Left, _y, Width, boxHeight);
                var y = _y + 10;
                foreach (var line in lines)
                {
                    Draw(line, _body, PdfPalette.Ink, Left + 12, y);
                    y += BodyLine;
                }

                _y += boxHeight + 24;
                return;
            }

            var reference = string.IsNullOrWhiteSpace(invoice.PaymentReference) ? invoice.Number : invoice.PaymentReference.Trim();
            var columns = new (string Label, string Value)[]
            {
                ("Kontonummer", InvoiceFormat.BankAccount(invoice.SellerBankAccount)),
                (InvoiceFormat.IsKid(reference) ? "KID" : "Betalingsreferanse", reference),
                ("Forfallsdato", InvoiceFormat.Date(invoice.DueDate)),
                ($"Beløp {Currency}", InvoiceFormat.Amount(invoice.Total)),
            };

            // Each column as wide as its label or value, the spare room shared between the gaps; if they do not fit, the
            // reference (up to 25 digits of KID, or a free-text reference) gives way and wraps.
            const double padding = 12;
            const double minGap = 14;
            const int referenceColumn = 1;
            var inner = Width - (2 * padding);
            var widths = columns.Select(c => Math.Max(Measure(c.Label, _small), Measure(c.Value, _paymentValue))).ToArray();
            var gap = (inner - widths.Sum()) / (columns.Length - 1);
            if (gap < minGap)
            {
                gap = minGap;
                widths[referenceColumn] = Math.Max(60, inner - (widths.Sum() - widths[referenceColumn]) - ((columns.Length - 1) * gap));
            }

            var wrapped = columns.Select((c, i) => Wrap(c.Value, widths[i], _paymentValue)).ToList();
            var height = padding + SmallLine + 2 + (wrapped.Max(w => w.Count) * BodyLine) + 10;
            EnsureSpace(20 + height);
            Draw("Betalingsinformasjon", _heading, PdfPalette.Ink, Left, _y);
            _y += 20;
            G.DrawRectangle(LightShade, Left, _y, Width, height);
            var x = Left + padding;
            for (var i = 0; i < columns.Length; i++)
            {
                var last = i == columns.Length - 1; // the amount is right-aligned with the amounts above it
                var y = _y + padding;
                if (last)
                {
                    DrawRight(columns[i].Label, _small, PdfPalette.Muted, Right - padding, y);
                }
                else
                {
                    Draw(columns[i].Label, _small, PdfPalette.Muted, x, y);
                }

                y += SmallLine + 2;
                foreach (var line in wrapped[i])
                {
                    if (last)
                    {
                        DrawRight(line, _paymentValue, PdfPalette.Ink, Right - padding, y);
                    }
                    else
                    {
                        Draw(line, _paymentValue, PdfPalette.Ink, x, y);
                    }

                    y += BodyLine;
                }

                x += widths[i] + gap;
            }

            _y += height + 24;
        }

        private void WriteCalculation()
        {
            var sheet = invoice.CalculationSheet ?? [];
            if (sheet.Count == 0)
            {
                return;
            }

            EnsureSpace(22 + (Math.Min(sheet.Count, 3) * BodyLine)); // keep the heading with the first lines
            Draw("Beregning", _heading, PdfPalette.Ink, Left, _y);
            _y += 20;
            foreach (var entry in sheet)
            {
                foreach (var line in Wrap(entry, Width, _body))
                {
                    EnsureSpace(BodyLine);
                    Draw(line, _body, PdfPalette.Ink, Left, _y);
                    _y += BodyLine;
                }

                _y += 2;
            }
        }

        private void WriteFooters()
        {
            // The page count is known only now: draw the footers on top of the finished pages.
            var count = document.PageCount;
            var seller = $"{invoice.Seller.Name} · Org.nr. {InvoiceFormat.OrgnrForPeople(invoice.Seller.Orgnr)} · Kontonr. {InvoiceFormat.BankAccount(invoice.SellerBankAccount)}";
            for (var i = 0; i < count; i++)
            {
                _g = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
                _g.DrawLine(PdfPalette.Rule, Left, FooterTop, Right, FooterTop);
                Draw(Ellipsize(seller, Width - 70, _small), _small, PdfPalette.Muted, Left, FooterTop + 6);
                DrawRight($"Side {i + 1} av {count}", _small, PdfPalette.Muted, Right, FooterTop + 6);
                _g.Dispose();
                _g = null;
            }
        }

        private static IEnumerable<string> AddressLines(InvoiceParty party)
        {
            if (!string.IsNullOrWhiteSpace(party.Street))
            {
                yield return party.Street.Trim();
            }

            var place = $"{party.PostalCode} {party.City}".Trim();
            if (place.Length > 0)
            {
                yield return place;
            }

            if (!string.IsNullOrWhiteSpace(party.CountryCode) && !party.CountryCode.Equals("NO", StringComparison.OrdinalIgnoreCase))
            {
                yield return party.CountryCode.ToUpperInvariant();
            }
        }

        private List<string> Wrap(string? text, double width, XFont font) => LetterPdf.Wrap(text, width, s => Measure(s, font));

        private string Ellipsize(string? text, double width, XFont font) => PdfText.Ellipsize(text, width, s => Measure(s, font));

        private double Measure(string text, XFont font) => text.Length == 0 ? 0 : G.MeasureString(text, font).Width;

        private void Draw(string text, XFont font, XBrush brush, double x, double y)
        {
            if (text.Length > 0)
            {
                G.DrawString(text, font, brush, new XPoint(x, y), XStringFormats.TopLeft);
            }
        }

        private void DrawRight(string text, XFont font, XBrush brush, double right, double y)
        {
            if (text.Length > 0)
            {
                G.DrawString(text, font, brush, new XPoint(right, y), XStringFormats.TopRight);
            }
        }
    }
}
