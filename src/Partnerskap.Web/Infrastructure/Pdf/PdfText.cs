namespace Partnerskap.Web.Infrastructure.Pdf;

/// <summary>Text-fitting helpers shared by PDF writers (line breaking itself is <see cref="LetterPdf.Wrap"/>).</summary>
internal static class PdfText
{
    /// <summary>One line: the text, or as much of it as fits <paramref name="width"/> followed by "…".</summary>
    public static string Ellipsize(string? text, double width, Func<string, double> measure)
    {
        text = (text ?? "").ReplaceLineEndings(" ");
        if (measure(text) <= width)
        {
            return text;
        }

        var take = text.Length;
        while (take > 0 && measure(text[..take].TrimEnd() + "…") > width)
        {
            take--;
        }

        return text[..take].TrimEnd() + "…";
    }
}
