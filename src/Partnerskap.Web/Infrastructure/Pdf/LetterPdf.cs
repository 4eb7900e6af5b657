using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Partnerskap.Web.Infrastructure.Pdf;

/// <summary>
/// Renders a <see cref="Letter"/> as an A4 PDF in a plain Norwegian public-sector layout: sender top left, date and
/// reference top right, recipient where a window envelope shows it, bold title, body text, a facts table, the closing
/// line and "Side x av N" in the footer. Long content flows onto further pages.
/// </summary>
public static class LetterPdf
{
    private static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");

    /// <summary>"25. november 2026".</summary>
    public static string FormatDate(DateOnly date) => date.ToString("d. MMMM yyyy", Norwegian);

    public static byte[] Render(Letter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        PdfFonts.EnsureRegistered();

        using var document = new PdfDocument();
        document.Info.Title = letter.Title ?? "";
        document.Info.Author = letter.SenderName ?? "";
        document.Info.Subject = string.IsNullOrWhiteSpace(letter.Reference) ? letter.Title ?? "" : $"{letter.Title} ({letter.Reference})";
        document.Info.Creator = "Partnerskap";

        using (var writer = new LetterWriter(document, letter))
        {
            writer.Write();
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>
    /// Greedy line breaking: words (split on spaces) are added while the line fits <paramref name="width"/>; a word wider
    /// than a whole line is broken between characters (after a '/' or '-' where there is one). '\n' forces a break; an empty input gives one empty line.
    /// </summary>
    internal static List<string> Wrap(string? text, double width, Func<string, double> measure)
    {
        var lines = new List<string>();
        foreach (var hardLine in (text ?? "").ReplaceLineEndings("\n").Replace('\t', ' ').Split('\n'))
        {
            var current = "";
            foreach (var word in hardLine.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (measure(candidate) <= width)
                {
                    current = candidate;
                    continue;
                }

                if (current.Length > 0)
                {
                    lines.Add(current);
                }

                current = word;
                while (current.Length > 1 && measure(current) > width)
                {
                    var take = current.Length - 1;
                    while (take > 1 && measure(current[..take]) > width)
                    {
                        take--;
                    }

                    if (char.IsHighSurrogate(current[take - 1]) && take > 1)
                    {
                        take--;
                    }

                    // Prefer to break a long URL or compound after '/' or '-' when that keeps most of the line.
                    var soft = current.AsSpan(0, take).LastIndexOfAny('/', '-') + 1;
                    if (soft > take / 2)
                    {
                        take = soft;
                    }

                    lines.Add(current[..take]);
                    current = current[take..];
                }
            }

            lines.Add(current);
        }

        return lines;
    }

    /// <summary>Keeps the current page, its graphics and the vertical position; adds pages as content needs them.</summary>
    private sealed class LetterWriter(PdfDocument document, Letter letter) : IDisposable
    {
        // Points (1/72 inch). A4 is 595 × 842 pt; 25 mm left margin, 20 mm right, window-envelope recipient at ~50 mm.
        private const double Left = 72;
        private const double Right = 595.28 - 57;
        private const double Top = 57;
        private const double BodyBottom = 842 - 78;
        private const double FooterTop = 842 - 52;
        private const double RightColumn = 380;
        private const double RecipientTop = 150;
        private const double Width = Right - Left;
        private const double BodySize = 10;
        private const double BodyLine = 14;
        private const double SmallSize = 8;
        private const double SmallLine = 11;


        private readonly XFont _body = new(PdfFonts.Family, BodySize, XFontStyleEx.Regular);
        private readonly XFont _bodyBold = new(PdfFonts.Family, BodySize, XFontStyleEx.Bold);
        private readonly XFont _small = new(PdfFonts.Family, SmallSize, XFontStyleEx.Regular);
        private readonly XFont _sender = new(PdfFonts.Family, 12, XFontStyleEx.Bold);
        private readonly XFont _title = new(PdfFonts.Family, 13.5, XFontStyleEx.Bold);

        private XGraphics? _g;
        private double _y;

        private XGraphics G => _g ?? throw new InvalidOperationException("No page is open.");

        public void Write()
        {
            NewPage();
            WriteHeader();
            WriteTitle();
            foreach (var paragraph in letter.Paragraphs ?? [])
            {
                WriteLines(Wrap(paragraph, Width, _body), _body, BodyLine);
                _y += 7;
            }

            WriteFacts();
            WriteClosing();
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
                // Continuation pages name the letter, so a loose page can be put back.
                var header = string.IsNullOrWhiteSpace(letter.Reference) ? letter.Title : $"{letter.Title} – {letter.Reference}";
                Draw(Ellipsize(header, Width, _small), _small, PdfPalette.Muted, Left, _y);
                _y += SmallLine + 16;
            }
        }

        private void EnsureSpace(double height)
        {
            if (_y + height > BodyBottom)
            {
                NewPage();
            }
        }

        private void WriteHeader()
        {
            // Sender, top left.
            var left = Top;
            foreach (var line in Wrap(letter.SenderName, RightColumn - Left - 16, _sender))
            {
                Draw(line, _sender, PdfPalette.Ink, Left, left);
                left += 16;
            }

            left += 2;
            foreach (var line in (letter.SenderAddressLines ?? []).SelectMany(l => Wrap(l, RightColumn - Left - 16, _small)))
            {
                Draw(line, _small, PdfPalette.Muted, Left, left);
                left += SmallLine;
            }

            // Date and reference, top right.
            var right = Top + 2;
            right = LabelledValue("Vår dato", FormatDate(letter.Date), right);
            if (!string.IsNullOrWhiteSpace(letter.Reference))
            {
                right = LabelledValue("Vår referanse", letter.Reference, right + 6);
            }

            // Recipient, where a window envelope shows it (lower if the header is unusually tall).
            _y = Math.Max(RecipientTop, Math.Max(left, right) + 24);
            foreach (var line in Wrap(letter.RecipientName, RightColumn - Left - 16, _body))
            {
                Draw(line, _body, PdfPalette.Ink, Left, _y);
                _y += BodyLine;
            }

            foreach (var line in (letter.RecipientAddressLines ?? []).SelectMany(l => Wrap(l, RightColumn - Left - 16, _body)))
            {
                Draw(line, _body, PdfPalette.Ink, Left, _y);
                _y += BodyLine;
            }

            _y = Math.Max(_y + 36, 260);
        }

        private double LabelledValue(string label, string value, double y)
        {
            Draw(label, _small, PdfPalette.Muted, RightColumn, y);
            y += SmallLine;
            foreach (var line in Wrap(value, Right - RightColumn, _body))
            {
                Draw(line, _body, PdfPalette.Ink, RightColumn, y);
                y += BodyLine;
            }

            return y;
        }

        private void WriteTitle()
        {
            var lines = Wrap(letter.Title, Width, _title);
            EnsureSpace((lines.Count * 18) + (3 * BodyLine)); // keep the title with the first lines of text
            foreach (var line in lines)
            {
                Draw(line, _title, PdfPalette.Ink, Left, _y);
                _y += 18;
            }

            _y += 10;
        }

        private void WriteLines(List<string> lines, XFont font, double lineHeight)
        {
            foreach (var line in lines)
            {
                EnsureSpace(lineHeight);
                Draw(line, font, PdfPalette.Ink, Left, _y);
                _y += lineHeight;
            }
        }

        private void WriteFacts()
        {
            var facts = letter.Facts ?? [];
            if (facts.Count == 0)
            {
                return;
            }

            const double padding = 4;
            const double gutter = 16;
            var widest = facts.Max(f => Measure(f.Label ?? "", _bodyBold));
            var labelWidth = Math.Clamp(widest, Width * 0.2, Width * 0.4);
            var valueX = Left + labelWidth + gutter;
            var valueWidth = Right - valueX;

            _y += 4;
            EnsureSpace(BodyLine + (2 * padding) + 1);
            G.DrawLine(PdfPalette.Rule, Left, _y, Right, _y);
            foreach (var (label, value) in facts)
            {
                var labelLines = Wrap(label, labelWidth, _bodyBold);
                var valueLines = Wrap(value, valueWidth, _body);
                var rows = Math.Max(labelLines.Count, valueLines.Count);
                EnsureSpace((Math.Min(rows, 3) * BodyLine) + (2 * padding)); // do not strand one line of a short row
                _y += padding;
                for (var i = 0; i < rows; i++)
                {
                    EnsureSpace(BodyLine + padding);
                    if (i < labelLines.Count)
                    {
                        Draw(labelLines[i], _bodyBold, PdfPalette.Ink, Left, _y);
                    }

                    if (i < valueLines.Count)
                    {
                        Draw(valueLines[i], _body, PdfPalette.Ink, valueX, _y);
                    }

                    _y += BodyLine;
                }

                _y += padding;
                G.DrawLine(PdfPalette.Rule, Left, _y, Right, _y);
            }

            _y += 12;
        }

        private void WriteClosing()
        {
            if (string.IsNullOrWhiteSpace(letter.Closing))
            {
                return;
            }

            var lines = Wrap(letter.Closing, Width, _body);
            _y += 8;
            EnsureSpace(lines.Count * BodyLine); // a closing is short: keep it in one piece
            WriteLines(lines, _body, BodyLine);
        }

        private void WriteFooters()
        {
            // The page count is known only now: draw the footers on top of the finished pages.
            var count = document.PageCount;
            for (var i = 0; i < count; i++)
            {
                _g = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
                _g.DrawLine(PdfPalette.Rule, Left, FooterTop, Right, FooterTop);
                Draw(Ellipsize(letter.SenderName, Width * 0.75, _small), _small, PdfPalette.Muted, Left, FooterTop + 6);
                _g.DrawString($"Side {i + 1} av {count}", _small, PdfPalette.Muted, new XPoint(Right, FooterTop + 6), XStringFormats.TopRight);
                _g.Dispose();
                _g = null;
            }
        }

        private List<string> Wrap(string? text, double width, XFont font) => LetterPdf.Wrap(text, width, s => Measure(s, font));

        /// <summary>One line: the text, or as much of it as fits followed by "…".</summary>
        private string Ellipsize(string? text, double width, XFont font)
        {
            text = (text ?? "").ReplaceLineEndings(" ");
            if (Measure(text, font) <= width)
            {
                return text;
            }

            var take = text.Length;
            while (take > 0 && Measure(text[..take].TrimEnd() + "…", font) > width)
            {
                take--;
            }

            return text[..take].TrimEnd() + "…";
        }

        private double Measure(string text, XFont font) => text.Length == 0 ? 0 : G.MeasureString(text, font).Width;

        private void Draw(string text, XFont font, XBrush brush, double x, double y)
        {
            if (text.Length > 0)
            {
                G.DrawString(text, font, brush, new XPoint(x, y), XStringFormats.TopLeft);
            }
        }
    }
}
