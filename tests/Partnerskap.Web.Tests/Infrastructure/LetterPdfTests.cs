using Partnerskap.Web.Infrastructure.Pdf;
using PdfSharp.Pdf.IO;

namespace Partnerskap.Web.Tests.Infrastructure;

public class LetterPdfTests
{
    private const string Title = "Faktura for partnerskapsavgift 2027";

    /// <summary>A letter long enough for two pages, with Norwegian letters in every part.</summary>
    public static Letter TwoPageLetter() => new(
        SenderName: "DigiViken – digitaliseringssamarbeid",
        SenderAddressLines: ["Postboks 1234 Sentrum", "0101 Oslo", "Org.nr. 921 693 230"],
        RecipientName: "Bærum kommune",
        RecipientAddressLines: ["Att.: Økonomiavdelingen", "Postboks 700", "1304 Sandvika"],
        Date: new DateOnly(2026, 11, 25),
        Reference: "2026/4711-3",
        Title: Title,
        Paragraphs:
        [
            "Vi viser til samarbeidsavtalen om digitalisering og sender med dette fakturagrunnlaget for partnerskapsavgiften for 2027. " +
            "Avgiften er beregnet etter avtalens punkt om fordeling mellom kommunene i Akershus, Buskerud og Østfold, med folketallet per 1. januar 2026 som grunnlag.",
            .. Enumerable.Range(1, 7).Select(i =>
                $"Avsnitt {i}: Styret behandlet budsjettet i møte 12. oktober, og årsmøtet vedtok avgiftsmodellen for perioden. " +
                "Beløpet forfaller til betaling innen 30 dager. Spørsmål om fakturaen kan rettes til sekretariatet, som også kan gi " +
                "innsyn i beregningen for hver enkelt medlemskommune. Tallene er avrundet til hele kroner i tråd med avtalen."),
            "Et svært langt ord bryter linjen: Akershus-Buskerud-Østfold-partnerskapsavgiftsberegningsgrunnlagsdokumentasjonen.",
        ],
        Facts:
        [
            ("Medlem", "Bærum kommune (org.nr. 935 478 715)"),
            ("Kommunenummer", "3201 (3024 til 2023)"),
            ("Innbyggertall", "128 000"),
            ("Avgift 2027", "412 350 kr"),
            ("Forfallsdato", "25. desember 2026"),
            ("Merknad", "Fylkeskommunens andel faktureres Østfold, Akershus og Buskerud fylkeskommuner hver for seg etter samme modell."),
        ],
        Closing: "Med vennlig hilsen\nSekretariatet i DigiViken");

    /// <summary>Rendered samples stay in the test output folder (bin/.../letter-samples) to look at: `pdftoppm -png -r 60 FILE out`.</summary>
    private static string SamplePath(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "letter-samples");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    [Fact]
    public void Dates_are_written_the_Norwegian_way() =>
        Assert.Equal("25. november 2026", LetterPdf.FormatDate(new DateOnly(2026, 11, 25)));

    [Fact]
    public void A_long_letter_becomes_two_pages_with_its_text_and_page_numbers()
    {
        var pdf = LetterPdf.Render(TwoPageLetter());
        var path = SamplePath("two-page-letter.pdf");
        File.WriteAllBytes(path, pdf);
        TestContext.Current.SendDiagnosticMessage($"Sample letter: {path}");

        using (var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import))
        {
            Assert.Equal(2, document.PageCount);
            Assert.Equal(Title, document.Info.Title);
            Assert.Equal("DigiViken – digitaliseringssamarbeid", document.Info.Author);
        }

        Assert.All(PopplerTools.Words(path), words => Assert.All(words, w => Assert.True(w.XMax <= 595.28 - 56, $"'{w.Text}' runs into the right margin")));
        var text = PopplerTools.PdfToText(path);
        Assert.Contains("Bærum", text, StringComparison.Ordinal);
        Assert.Contains("Østfold", text, StringComparison.Ordinal);
        Assert.Contains("Side 1 av 2", text, StringComparison.Ordinal);
        Assert.Contains("Side 2 av 2", text, StringComparison.Ordinal);
        Assert.Contains(Title, text, StringComparison.Ordinal);
        Assert.Contains("25. november 2026", text, StringComparison.Ordinal);
        Assert.Contains("2026/4711-3", text, StringComparison.Ordinal);
        Assert.Contains("412 350 kr", text, StringComparison.Ordinal);
        Assert.Contains("Sekretariatet i DigiViken", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extreme_content_stays_inside_the_margins_without_overlapping_text()
    {
        var longValue = string.Join(' ', Enumerable.Repeat("Fakta-verdien går over mange linjer og flere sider.", 60));
        var letter = TwoPageLetter() with
        {
            SenderName = "Interkommunalt samarbeid om digitalisering i Akershus, Buskerud og Østfold (DigiViken)",
            RecipientName = "Bærum kommune v/ kommunedirektøren, økonomi- og virksomhetsstyringsavdelingen",
            Reference = "2026/4711-3 (saksbehandler: Åse Øvrebø, tlf. 99 99 99 99)",
            Title = "Et svært langt brevtittel som må brytes over flere linjer fordi den ikke får plass på én linje i brevet",
            Facts =
            [
                ("En uvanlig lang etikett som må brytes over flere linjer", "Kort verdi"),
                ("Lenke", "https://data.brreg.no/enhetsregisteret/api/enheter/921693230/underenheter/og/enda/lengre/sti/uten/mellomrom"),
                ("Lang verdi", longValue),
            ],
        };
        var path = SamplePath("extreme-letter.pdf");
        File.WriteAllBytes(path, LetterPdf.Render(letter));

        var pages = PopplerTools.Words(path);
        Assert.True(pages.Count >= 3, $"expected at least 3 pages, got {pages.Count}");
        foreach (var (words, index) in pages.Select((w, i) => (w, i + 1)))
        {
            Assert.Contains(words, w => w.Text == $"{index}" && words.Any(v => v.Text == "Side"));
            foreach (var w in words)
            {
                Assert.True(w.XMin >= 71 && w.XMax <= 595.28 - 56, $"page {index}: '{w.Text}' runs into the side margin ({w.XMin:0}–{w.XMax:0})");
                Assert.True(w.YMin >= 50 && w.YMax <= 842 - 30, $"page {index}: '{w.Text}' runs into the top or bottom margin ({w.YMin:0}–{w.YMax:0})");
            }

            // Boxes of different words must not overlap (shrunk by 1 pt for the fonts' generous ascent/descent).
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
    }

    [Fact]
    public void A_short_letter_without_reference_facts_or_closing_is_one_page()
    {
        var letter = TwoPageLetter() with { Reference = null, Paragraphs = ["Kort brev."], Facts = [], Closing = null };
        var path = Path.Combine(Path.GetTempPath(), $"partnerskap-letter-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, LetterPdf.Render(letter));
        try
        {
            var text = PopplerTools.PdfToText(path);
            Assert.Contains("Kort brev.", text, StringComparison.Ordinal);
            Assert.Contains("Side 1 av 1", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Vår referanse", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Letters_can_be_rendered_in_parallel()
    {
        var pdfs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => LetterPdf.Render(TwoPageLetter()), TestContext.Current.CancellationToken)));
        Assert.All(pdfs, pdf => Assert.True(pdf.Length > 1000 && pdf.AsSpan(0, 5).SequenceEqual("%PDF-"u8)));
    }

    [Fact]
    public void Wrap_breaks_between_words_keeps_hard_breaks_and_splits_a_word_wider_than_the_line()
    {
        static double Chars(string s) => s.Length;

        Assert.Equal(["aaa bbb", "ccc"], LetterPdf.Wrap("aaa bbb ccc", 7, Chars));
        Assert.Equal(["one", "two"], LetterPdf.Wrap("one\ntwo", 20, Chars));
        Assert.Equal(["abcd", "efgh", "ij"], LetterPdf.Wrap("abcdefghij", 4, Chars));
        Assert.Equal(["a", "bcdef", "g"], LetterPdf.Wrap("a bcdef g", 5, Chars));
        Assert.Equal(["https://", "data.brreg.no/", "enheter"], LetterPdf.Wrap("https://data.brreg.no/enheter", 14, Chars));
        Assert.Equal([""], LetterPdf.Wrap("", 10, Chars));
    }
}
