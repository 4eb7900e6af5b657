using PdfSharp.Fonts;

namespace Partnerskap.Web.Infrastructure.Pdf;

/// <summary>
/// PDFsharp's Core build finds no system fonts on Linux: it needs a font resolver, set once per process before the first
/// font is used. We ship DejaVu Sans (regular and bold) in the assembly, so PDFs look the same on every machine.
/// </summary>
public static class PdfFonts
{
    public const string Family = "DejaVu Sans";

    private static readonly Lock Gate = new();
    private static volatile bool _registered;

    /// <summary>Sets <see cref="GlobalFontSettings.FontResolver"/> to <see cref="PdfFontResolver"/> unless a resolver is already set. Thread-safe; cheap after the first call.</summary>
    public static void EnsureRegistered()
    {
        if (_registered)
        {
            return;
        }

        lock (Gate)
        {
            if (!_registered)
            {
                GlobalFontSettings.FontResolver ??= new PdfFontResolver();
                _registered = true;
            }
        }
    }
}

/// <summary>Resolves every family to the embedded DejaVu Sans faces (italic is simulated: we ship no oblique face).</summary>
public sealed class PdfFontResolver : IFontResolver
{
    public const string RegularFace = "DejaVuSans";
    public const string BoldFace = "DejaVuSans-Bold";

    private static readonly Lazy<byte[]> Regular = new(() => Load(RegularFace));
    private static readonly Lazy<byte[]> Bold = new(() => Load(BoldFace));

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? BoldFace : RegularFace, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => faceName switch
    {
        RegularFace => Regular.Value,
        BoldFace => Bold.Value,
        _ => null,
    };

    private static byte[] Load(string face)
    {
        var name = $"Partnerskap.Web.Infrastructure.Pdf.Fonts.{face}.ttf";
        using var stream = typeof(PdfFontResolver).Assembly.GetManifestResourceStream(name)
                           ?? throw new InvalidOperationException($"Embedded font {name} is missing (see Partnerskap.Web.csproj).");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
