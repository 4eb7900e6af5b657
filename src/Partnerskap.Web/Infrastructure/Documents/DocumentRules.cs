namespace Partnerskap.Web.Infrastructure.Documents;

/// <summary>What the document store accepts, and how it turns an uploaded file name into a safe display name.</summary>
public static class DocumentRules
{
    /// <summary>20 MB (20 × 1024 × 1024 bytes).</summary>
    public const long MaxLength = 20L * 1024 * 1024;

    /// <summary>Accepted media types and the file extension each is stored with (never the uploader's extension).</summary>
    public static IReadOnlyDictionary<string, string> AllowedContentTypes { get; } =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["application/pdf"] = ".pdf",
            ["image/png"] = ".png",
            ["image/jpeg"] = ".jpg",
            ["text/plain"] = ".txt",
            ["message/rfc822"] = ".eml",
            ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = ".docx",
        };

    private const int MaxFileNameLength = 200;

    // Characters that are not allowed in file names on Windows (a superset of Linux's '/' and NUL).
    private const string ForbiddenInFileNames = "<>:\"/\\|?*";

    /// <summary>
    /// The media type without parameters, lowercased ("Text/Plain; charset=utf-8" → "text/plain"),
    /// or throws <see cref="DocumentRejectedException"/> when it is not accepted.
    /// </summary>
    public static string NormalizeContentType(string? contentType)
    {
        var mediaType = (contentType ?? "").Split(';', 2)[0].Trim().ToLowerInvariant();
        if (mediaType.Length == 0)
        {
            throw new DocumentRejectedException("The file has no content type. Upload a PDF, PNG, JPEG, plain text, e-mail (.eml) or Word (.docx) file.");
        }

        if (!AllowedContentTypes.ContainsKey(mediaType))
        {
            throw new DocumentRejectedException(
                $"Files of type '{mediaType}' are not accepted. Upload a PDF, PNG, JPEG, plain text, e-mail (.eml) or Word (.docx) file.");
        }

        return mediaType;
    }

    /// <summary>
    /// A display name without any directory part, control or path characters ("../../x.pdf" → "x.pdf").
    /// Falls back to "document" + the stored extension when nothing is left.
    /// </summary>
    public static string SanitizeFileName(string? fileName, string extension)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string([.. name.Where(c => !char.IsControl(c) && !ForbiddenInFileNames.Contains(c))]);
        name = name.Trim().Trim('.').Trim();
        if (name.Length > MaxFileNameLength)
        {
            var ext = Path.GetExtension(name);
            name = ext.Length is > 0 and <= 10
                ? name[..(MaxFileNameLength - ext.Length)] + ext
                : name[..MaxFileNameLength];
        }

        return name.Length == 0 ? "document" + extension : name;
    }
}
