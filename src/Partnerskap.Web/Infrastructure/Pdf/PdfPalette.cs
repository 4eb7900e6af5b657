using PdfSharp.Drawing;

namespace Partnerskap.Web.Infrastructure.Pdf;

/// <summary>The colours every PDF the app writes shares (letters, invoices, the portfolio report).</summary>
internal static class PdfPalette
{
    /// <summary>Body text: near-black, 16:1 on white.</summary>
    public static readonly XBrush Ink = new XSolidBrush(XColor.FromArgb(26, 26, 26));

    /// <summary>Secondary text (labels, footers): 7:1 on white.</summary>
    public static readonly XBrush Muted = new XSolidBrush(XColor.FromArgb(90, 90, 90));

    /// <summary>Thin grey rules between sections and table rows.</summary>
    public static readonly XPen Rule = new(XColor.FromArgb(200, 200, 200), 0.6);
}
