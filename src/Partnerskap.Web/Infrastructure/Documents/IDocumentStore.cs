namespace Partnerskap.Web.Infrastructure.Documents;

/// <summary>A stored document. <see cref="FileName"/> is for display only; <see cref="Sha256"/> is lowercase hex.</summary>
public sealed record StoredFile(string StorageKey, string FileName, string ContentType, long Length, string Sha256);

/// <summary>The upload was refused (empty, too large or a content type we do not keep). The message can be shown to the user.</summary>
public sealed class DocumentRejectedException(string message) : Exception(message);

public interface IDocumentStore
{
    /// <summary>
    /// Validates (non-empty, at most <see cref="DocumentRules.MaxLength"/> bytes, content type one of
    /// <see cref="DocumentRules.AllowedContentTypes"/>) and stores the content; otherwise throws
    /// <see cref="DocumentRejectedException"/>.
    /// </summary>
    Task<StoredFile> SaveAsync(string fileName, string contentType, Stream content, CancellationToken ct);

    /// <summary>Opens a stored document for reading. Throws <see cref="FileNotFoundException"/> if it is missing.</summary>
    Task<Stream> OpenAsync(string storageKey, CancellationToken ct);

    /// <summary>Deletes a stored document; no error if it is already gone.</summary>
    Task DeleteAsync(string storageKey, CancellationToken ct);
}

public static class DocumentDownloads
{
    /// <summary>
    /// The stored document as a download with its own name and content type. The caller has checked that the user may
    /// read it.
    /// </summary>
    public static async Task<Microsoft.AspNetCore.Http.HttpResults.FileStreamHttpResult> DownloadAsync(this IDocumentStore store,
        Data.StoredDocument document, CancellationToken ct) =>
        TypedResults.File(await store.OpenAsync(document.StorageKey, ct), document.ContentType, document.FileName);
}
