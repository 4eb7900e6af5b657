using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Partnerskap.Web.Infrastructure.Documents;

/// <summary>
/// Keeps documents under {DataDirectory}/documents/{yyyy}/{guid}{ext}. The storage key is the path relative to the
/// documents folder with '/' separators ("2026/3f2a….pdf"); the uploader's file name never becomes part of a path.
/// Content is written to a temporary file in the target folder and then moved into place, so a reader never sees
/// a half-written document.
/// </summary>
public sealed partial class FileSystemDocumentStore(IOptions<PartnerskapOptions> options, TimeProvider clock) : IDocumentStore
{
    private const int BufferSize = 81920;

    public string Root { get; } = Path.Combine(options.Value.DataDirectoryFullPath, "documents");

    public async Task<StoredFile> SaveAsync(string fileName, string contentType, Stream content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var mediaType = DocumentRules.NormalizeContentType(contentType);
        var extension = DocumentRules.AllowedContentTypes[mediaType];
        var displayName = DocumentRules.SanitizeFileName(fileName, extension);
        if (content.CanSeek && content.Length - content.Position > DocumentRules.MaxLength)
        {
            throw TooLarge();
        }

        var year = clock.GetUtcNow().Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        var key = $"{year}/{Guid.NewGuid():N}{extension}";
        var finalPath = FullPath(key);
        var folder = Path.GetDirectoryName(finalPath)!;
        Directory.CreateDirectory(folder);
        var tempPath = Path.Combine(folder, $".{Guid.NewGuid():N}.tmp");
        try
        {
            long length = 0;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var target = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    length += read;
                    if (length > DocumentRules.MaxLength)
                    {
                        throw TooLarge();
                    }

                    hash.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer.AsMemory(0, read), ct);
                }

                await target.FlushAsync(ct);
            }

            if (length == 0)
            {
                throw new DocumentRejectedException("The file is empty.");
            }

            File.Move(tempPath, finalPath, overwrite: false);
            return new StoredFile(key, displayName, mediaType, length, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        finally
        {
            File.Delete(tempPath); // no-op after a successful move
        }
    }

    public Task<Stream> OpenAsync(string storageKey, CancellationToken ct)
    {
        var path = FullPath(storageKey);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No stored document with key '{storageKey}'.", storageKey);
        }

        Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return Task.FromResult(stream);
    }

    public Task DeleteAsync(string storageKey, CancellationToken ct)
    {
        var path = FullPath(storageKey);
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        return Task.CompletedTask;
    }

    /// <summary>Only keys this store made ("yyyy/{32 hex}.ext") map to a path, so a key can never point outside <see cref="Root"/>.</summary>
    private string FullPath(string storageKey)
    {
        ArgumentNullException.ThrowIfNull(storageKey);
        if (!StorageKeyPattern().IsMatch(storageKey))
        {
            throw new ArgumentException($"'{storageKey}' is not a document storage key.", nameof(storageKey));
        }

        return Path.Combine(Root, storageKey.Replace('/', Path.DirectorySeparatorChar));
    }

    private static DocumentRejectedException TooLarge() =>
        new($"The file is larger than {DocumentRules.MaxLength / (1024 * 1024)} MB.");

    [GeneratedRegex("^[0-9]{4}/[0-9a-f]{32}\\.[a-z]{3,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex StorageKeyPattern();
}
