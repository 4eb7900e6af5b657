using System.Globalization;
using Partnerskap.Web.Infrastructure.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Partnerskap.Web.Features.Portfolio;

/// <summary>
/// The board's portfolio report as an A4 PDF (PDFsharp, DejaVu Sans): the money per project as a table and a bar chart
/// (approved, spent, forecast mark), the open escalations (FIN-9), and benefit realisation (FIN-8) as a chart and tables,
/// with who has not reported. "Side x av N" in the footer; long tables flow onto further pages with their header repeated.
/// </summary>
public static class PortfolioReportPdf
{
    private static readonly CultureInfo Nb = CultureInfo.GetCultureInfo("nb-NO");

    public static byte[] Render(PortfolioReport.Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        PdfFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = Title(report);
        document.Info.Author = report.PartnershipName;
        document.Info.Creator = "Partnerskap";
        using (var writer = new Writer(document, report))
        {
            writer.Write();
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    public static string Title(PortfolioReport.Report r) => $"Porteføljerapport {PeriodName(r.Period)}";

    /// <summary>"juni 2026" / "desember 2026".</summary>
    public static string PeriodName(PortfolioReport.Period p) => $"{(p.Month == 6 ? "juni" : "desember")} {p.Year}";

    internal static string Kr(decimal? v) => v is { } x ? x.ToString("N0", Nb) : "–";

    internal static string Percent(decimal? v) => v is { } x ? (x * 100).ToString("0", Nb) + " %" : "–";

    private sealed class Writer(PdfDocument document, PortfolioReport.Report report) : IDisposable
    {
        private const double Left = 50;
        private const double Right = 595.28 - 45;
        private const double Top = 50;
        private const double Bottom = 842 - 60;
        private const double FooterTop = 842 - 40;
        private const double Width = Right - Left;

        private static readonly XBrush Approved = new XSolidBrush(XColor.FromArgb(160, 190, 222));
        private static readonly XBrush Spent = new XSolidBrush(XColor.FromArgb(30, 84, 148));
        private static readonly XBrush Danger = new XSolidBrush(XColor.FromArgb(193, 37, 45));
        private static readonly XBrush Zebra = new XSolidBrush(XColor.FromArgb(242, 244, 247));
        private static readonly XPen ForecastPen = new(XColor.FromArgb(193, 37, 45), 1.6);
        private static readonly XPen Outline = new(XColor.FromArgb(30, 84, 148), 0.8);

        private readonly XFont _title = new(PdfFonts.Family, 17, XFontStyleEx.Bold);
        private readonly XFont _heading = new(PdfFonts.Family, 12, XFontStyleEx.Bold);
        private readonly XFont _body = new(PdfFonts.Family, 9, XFontStyleEx.Regular);
        private readonly XFont _bold = new(PdfFonts.Family, 9, XFontStyleEx.Bold);
        private readonly XFont _small = new(PdfFonts.Family, 7.5, XFontStyleEx.Regular);
        private readonly XFont _smallBold = new(PdfFonts.Family, 7.5, XFontStyleEx.Bold);

        private XGraphics? _g;
        private double _y;

        private XGraphics G => _g!;

        public void Write()
        {
            NewPage();
            var r = report;
            Draw(Title(r), _title, PdfPalette.Ink, Left, _y);
            _y += 24;
            Draw($"{r.PartnershipName} · {FormatDate(r.Period.Start)}–{FormatDate(r.Period.End)} · laget {FormatDate(r.Today)}", _body, PdfPalette.Muted, Left, _y);
            _y += 16;
            Paragraph($"{r.Projects.Count} prosjekter og anskaffelser. Godkjent finansiering {Kr(r.Totals.Approved)} kr, forbrukt {Kr(r.Totals.Spent)} kr, "
                + $"prognose {Kr(r.Totals.Forecast)} kr. {r.Escalations.Count} åpne eskaleringer (FIN-9). {r.Benefits.Count} gevinster, "
                + $"{r.Benefits.Count(b => b.Reported)} rapportert for perioden (FIN-8).");

            Heading("Økonomi per prosjekt");
            MoneyChart();
            Table(
                [("Prosjekt", 0.31, false), ("Fase", 0.12, false), ("Godkjent (kr)", 0.13, true), ("Forbrukt (kr)", 0.13, true), ("Prognose (kr)", 0.13, true), ("Varsel", 0.18, false)],
                r.Projects.Select(p => new[] { p.Name, Phase(p.Phase), Kr(p.Approved), Kr(p.Spent), Kr(p.Forecast), Flag(p) }).ToList(),
                ["Sum", "", Kr(r.Totals.Approved), Kr(r.Totals.Spent), Kr(r.Totals.Forecast), ""]);

            Heading("Åpne eskaleringer (FIN-9)");
            if (r.Escalations.Count == 0)
            {
                Paragraph("Ingen åpne eskaleringer.");
            }
            else
            {
                Table(
                    [("Prosjekt", 0.3, false), ("Meldt", 0.14, false), ("Årsak", 0.56, false)],
                    r.Escalations.Select(e => new[] { e.ProjectName, DateOnly.FromDateTime(e.RaisedAt.UtcDateTime).ToString("dd.MM.yyyy", Nb), e.Reason }).ToList(), null, wrapLast: true);
            }

            Heading("Gevinstrealisering (FIN-8)");
            if (r.Benefits.Count == 0)
            {
                Paragraph("Ingen gevinster er planlagt ennå.");
                return;
            }

            BenefitChart();
            SubHeading("Per prosjekt");
            Table(
                [("Prosjekt", 0.46, false), ("Gevinster", 0.16, true), ("Rapportert", 0.19, true), ("Oppnådd av mål", 0.19, true)],
                r.ByProject.Select(s => new[] { s.Name, s.Benefits.ToString(Nb), s.Reported.ToString(Nb), Percent(s.Achieved) }).ToList(), null);
            SubHeading("Per medlem");
            Table(
                [("Medlem", 0.46, false), ("Gevinster", 0.16, true), ("Rapportert", 0.19, true), ("Oppnådd av mål", 0.19, true)],
                r.ByMember.Select(s => new[] { s.Name, s.Benefits.ToString(Nb), s.Reported.ToString(Nb), Percent(s.Achieved) }).ToList(), null);
            SubHeading("Mål og siste måling per gevinst");
            Table(
                [("Prosjekt", 0.2, false), ("Medlem", 0.13, false), ("Indikator", 0.22, false), ("Utgangspunkt", 0.15, true), ("Mål", 0.09, true), ("Siste", 0.1, true), ("Oppnådd", 0.11, true)],
                r.Benefits.Select(b => new[] { b.ProjectName, b.MemberName, b.Indicator + (b.Unit is null ? "" : $" ({b.Unit})"), Num(b.Baseline), Num(b.Target), Num(b.Latest), Percent(b.Achieved) }).ToList(), null);
            SubHeading($"Ikke rapportert for perioden (per {FormatDate(r.Period.End)})");
            if (r.NotReported.Count == 0)
            {
                Paragraph("Alle har rapportert.");
            }
            else
            {
                Table([("Prosjekt", 0.5, false), ("Medlem", 0.5, false)], r.NotReported.Select(n => new[] { n.ProjectName, n.MemberName }).ToList(), null);
            }
        }

        public void Dispose()
        {
            _g?.Dispose();
            _g = null;
            WriteFooters();
        }

        private static string FormatDate(DateOnly d) => d.ToString("d. MMMM yyyy", Nb);

        private static string Num(decimal? v) => v is { } x ? x.ToString(decimal.Round(x) == x ? "N0" : "N2", Nb) : "–";

        private static string Phase(Domain.Portfolio.ProjectPhase p) => p switch
        {
            Domain.Portfolio.ProjectPhase.Idea => "Idé",
            Domain.Portfolio.ProjectPhase.Concept => "Konsept",
            Domain.Portfolio.ProjectPhase.Planning => "Planlegging",
            Domain.Portfolio.ProjectPhase.Execution => "Gjennomføring",
            _ => "Avslutning",
        };

        private static string Flag(ProjectQueries.OverviewRow p) =>
            p.OpenEscalation ? "Eskalert"
            : p.ForecastVerdict == Domain.Portfolio.ForecastVerdict.Deficit ? "Underdekning"
            : p.ForecastVerdict == Domain.Portfolio.ForecastVerdict.EarlyWarning ? "Tidlig varsel"
            : "";

        private void NewPage()
        {
            _g?.Dispose();
            var page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            _g = XGraphics.FromPdfPage(page);
            _y = Top;
        }

        private void EnsureSpace(double height)
        {
            if (_y + height > Bottom)
            {
                NewPage();
            }
        }

        private void Draw(string text, XFont font, XBrush brush, double x, double y) =>
            G.DrawString(text, font, brush, new XPoint(x, y), XStringFormats.TopLeft);

        private void DrawRight(string text, XFont font, XBrush brush, double right, double y) =>
            G.DrawString(text, font, brush, new XPoint(right, y), XStringFormats.TopRight);

        private string Fit(string text, double width, XFont font) => PdfText.Ellipsize(text, width, s => G.MeasureString(s, font).Width);

        private void Heading(string text)
        {
            EnsureSpace(60);
            _y += 10;
            Draw(text, _heading, PdfPalette.Ink, Left, _y);
            _y += 20;
        }

        private void SubHeading(string text)
        {
            EnsureSpace(45);
            _y += 4;
            Draw(text, _bold, PdfPalette.Ink, Left, _y);
            _y += 15;
        }

        private void Paragraph(string text)
        {
            foreach (var line in LetterPdf.Wrap(text, Width, s => G.MeasureString(s, _body).Width))
            {
                EnsureSpace(13);
                Draw(line, _body, PdfPalette.Ink, Left, _y);
                _y += 13;
            }

            _y += 4;
        }

        /// <summary>A table: header row (repeated on a new page), zebra rows, numbers right-aligned; the last column may wrap.</summary>
        private void Table(IReadOnlyList<(string Header, double Share, bool Number)> columns, List<string[]> rows, string[]? total, bool wrapLast = false)
        {
            const double pad = 3;
            var xs = new List<double>();
            var x = Left;
            foreach (var c in columns)
            {
                xs.Add(x);
                x += c.Share * Width;
            }

            void Header()
            {
                G.DrawRectangle(Zebra, Left, _y, Width, 15);
                for (var i = 0; i < columns.Count; i++)
                {
                    var w = columns[i].Share * Width - 2 * pad;
                    var text = Fit(columns[i].Header, w, _smallBold);
                    if (columns[i].Number)
                    {
                        DrawRight(text, _smallBold, PdfPalette.Ink, xs[i] + columns[i].Share * Width - pad, _y + 3.5);
                    }
                    else
                    {
                        Draw(text, _smallBold, PdfPalette.Ink, xs[i] + pad, _y + 3.5);
                    }
                }

                _y += 15;
                G.DrawLine(PdfPalette.Rule, Left, _y, Right, _y);
            }

            EnsureSpace(15 + 14);
            Header();
            foreach (var (row, index) in rows.Select((r, i) => (r, i)).Append((total!, -1)))
            {
                if (row is null)
                {
                    continue;
                }

                var font = index < 0 ? _bold : _body;
                var lastWidth = columns[^1].Share * Width - 2 * pad;
                var wrapped = wrapLast ? LetterPdf.Wrap(row[^1], lastWidth, s => G.MeasureString(s, font).Width) : [row[^1]];
                var height = 4 + 11 * wrapped.Count;
                if (_y + height > Bottom)
                {
                    NewPage();
                    Header();
                }

                if (index < 0)
                {
                    G.DrawLine(PdfPalette.Rule, Left, _y, Right, _y);
                }

                for (var i = 0; i < columns.Count; i++)
                {
                    var w = columns[i].Share * Width - 2 * pad;
                    if (i == columns.Count - 1 && wrapLast)
                    {
                        for (var l = 0; l < wrapped.Count; l++)
                        {
                            Draw(wrapped[l], font, PdfPalette.Ink, xs[i] + pad, _y + 2 + 11 * l);
                        }

                        continue;
                    }

                    var text = Fit(row[i], w, font);
                    var brush = text is "Eskalert" or "Underdekning" ? Danger : PdfPalette.Ink;
                    if (columns[i].Number)
                    {
                        DrawRight(text, font, brush, xs[i] + columns[i].Share * Width - pad, _y + 2);
                    }
                    else
                    {
                        Draw(text, font, brush, xs[i] + pad, _y + 2);
                    }
                }

                _y += height;
                G.DrawLine(PdfPalette.Rule, Left, _y, Right, _y);
            }

            _y += 8;
        }

        /// <summary>Horizontal bars: approved financing (light), spent (dark, inside), forecast as a red mark; the table below has the numbers.</summary>
        private void MoneyChart()
        {
            var bars = report.Projects.Where(p => p.Approved is not null || p.Spent > 0).OrderByDescending(p => p.Approved ?? 0).Take(20).ToList();
            if (bars.Count == 0)
            {
                return;
            }

            const double labelWidth = 150;
            const double row = 16;
            var chartLeft = Left + labelWidth;
            var chartWidth = Width - labelWidth - 10;
            var max = Math.Max(1m, bars.Max(b => Math.Max(b.Approved ?? 0, Math.Max(b.Spent, b.Forecast ?? 0))));
            EnsureSpace(30 + row * Math.Min(bars.Count, 8));
            Draw(bars.Count < report.Projects.Count(p => p.Approved is not null || p.Spent > 0)
                ? "Forbruk mot godkjent finansiering (de 20 største prosjektene)" : "Forbruk mot godkjent finansiering", _smallBold, PdfPalette.Ink, Left, _y);
            _y += 13;
            Legend([(Approved, null, "Godkjent finansiering"), (Spent, null, "Forbrukt"), (null, ForecastPen, "Prognose")]);
            foreach (var b in bars)
            {
                EnsureSpace(row);
                Draw(Fit(b.Name, labelWidth - 8, _small), _small, PdfPalette.Ink, Left, _y + 3);
                var approvedWidth = (double)((b.Approved ?? 0) / max) * chartWidth;
                var spentWidth = (double)(b.Spent / max) * chartWidth;
                G.DrawRectangle(Approved, chartLeft, _y + 1, Math.Max(0.5, approvedWidth), 12);
                G.DrawRectangle(b.Approved is { } a && b.Spent > a ? Danger : Spent, chartLeft, _y + 4, Math.Max(0.5, spentWidth), 6);
                if (b.Forecast is { } f)
                {
                    var fx = chartLeft + (double)(f / max) * chartWidth;
                    G.DrawLine(ForecastPen, fx, _y, fx, _y + 14);
                }

                _y += row;
            }

            G.DrawLine(PdfPalette.Rule, chartLeft, _y, chartLeft + chartWidth, _y);
            Draw("0", _small, PdfPalette.Muted, chartLeft, _y + 2);
            DrawRight($"{Kr(max)} kr", _small, PdfPalette.Muted, chartLeft + chartWidth, _y + 2);
            _y += 18;
        }

        /// <summary>Per project: the target (100 %) as an outline, the share reached at the period's end as a fill.</summary>
        private void BenefitChart()
        {
            var bars = report.ByProject.Take(20).ToList();
            const double labelWidth = 150;
            const double row = 16;
            var chartLeft = Left + labelWidth;
            var chartWidth = Width - labelWidth - 50;
            var scale = Math.Max(1m, bars.Max(b => b.Achieved ?? 0));
            EnsureSpace(30 + row * Math.Min(bars.Count, 8));
            Draw("Oppnådd mot planlagt gevinst per prosjekt (andel av veien fra utgangspunkt til mål)", _smallBold, PdfPalette.Ink, Left, _y);
            _y += 13;
            Legend([(null, Outline, "Planlagt (mål = 100 %)"), (Spent, null, "Oppnådd ved periodens slutt")]);
            foreach (var b in bars)
            {
                EnsureSpace(row);
                Draw(Fit(b.Name, labelWidth - 8, _small), _small, PdfPalette.Ink, Left, _y + 3);
                var target = (double)(1m / scale) * chartWidth;
                G.DrawRectangle(Outline, chartLeft, _y + 1, target, 12);
                if (b.Achieved is { } a && a > 0)
                {
                    G.DrawRectangle(Spent, chartLeft, _y + 3, (double)(Math.Min(a, scale) / scale) * chartWidth, 8);
                }

                Draw(b.Achieved is null ? "ikke målt" : Percent(b.Achieved), _small, PdfPalette.Ink, chartLeft + chartWidth + 6, _y + 3);
                _y += row;
            }

            _y += 8;
        }

        private void Legend(IReadOnlyList<(XBrush? Fill, XPen? Pen, string Text)> items)
        {
            var x = Left;
            foreach (var (fill, pen, text) in items)
            {
                if (fill is not null)
                {
                    G.DrawRectangle(fill, x, _y + 1, 10, 8);
                }
                else if (pen == ForecastPen)
                {
                    G.DrawLine(pen, x + 5, _y, x + 5, _y + 10);
                }
                else if (pen is not null)
                {
                    G.DrawRectangle(pen, x, _y + 1, 10, 8);
                }

                Draw(text, _small, PdfPalette.Ink, x + 14, _y + 1);
                x += 14 + G.MeasureString(text, _small).Width + 16;
            }

            _y += 15;
        }

        private void WriteFooters()
        {
            var count = document.PageCount;
            for (var i = 0; i < count; i++)
            {
                using var g = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
                g.DrawLine(PdfPalette.Rule, Left, FooterTop, Right, FooterTop);
                g.DrawString($"{Title(report)} · {report.PartnershipName}", _small, PdfPalette.Muted, new XPoint(Left, FooterTop + 5), XStringFormats.TopLeft);
                g.DrawString($"Side {i + 1} av {count}", _small, PdfPalette.Muted, new XPoint(Right, FooterTop + 5), XStringFormats.TopRight);
            }
        }
    }
}
