using Partnerskap.Domain.Common;
using Partnerskap.Web.Data;
using Partnerskap.Web.Infrastructure.Documents;

namespace Partnerskap.Web.Features.Members;

/// <summary>An uploaded file as handlers receive it, from a form (IFormFile) or the API (base64).</summary>
public sealed record Upload(string FileName, string ContentType, Func<Stream> Open);

/// <summary>
/// Stores documents for a member. Files go to the document store before the database row; a handler that fails after
/// storing calls <see cref="DiscardAsync"/> so no orphan file stays behind.
/// </summary>
public sealed class MemberDocuments(IDocumentStore store, AppDbContext db, AuditContext audit, TimeProvider clock)
{
    private readonly List<string> _stored = [];

    public async Task<StoredDocument> AddAsync(int partnershipId, int? memberId, string kind, Upload upload, string field, CancellationToken ct)
    {
        StoredFile file;
        try
        {
            await using var content = upload.Open();
            file = await store.SaveAsync(upload.FileName, upload.ContentType, content, ct);
        }
        catch (DocumentRejectedException e)
        {
            throw RuleViolation.Invalid(field, e.Message);
        }

        _stored.Add(file.StorageKey);
        var document = new StoredDocument
        {
            PartnershipId = partnershipId,
            MemberId = memberId,
            Kind = kind,
            StorageKey = file.StorageKey,
            FileName = file.FileName,
            ContentType = file.ContentType,
            Length = file.Length,
            Sha256 = file.Sha256,
            UploadedAt = clock.GetUtcNow(),
            UploadedBy = audit.CurrentActor,
        };
        db.Documents.Add(document);
        return document;
    }

    public Task<StoredDocument> AddAsync(int partnershipId, int? memberId, string kind, string fileName, string contentType, byte[] bytes, CancellationToken ct) =>
        AddAsync(partnershipId, memberId, kind, new Upload(fileName, contentType, () => new MemoryStream(bytes)), "document", ct);

    /// <summary>Removes the files stored in this request (the transaction that would have recorded them failed).</summary>
    public async Task DiscardAsync()
    {
        foreach (var key in _stored)
        {
            await store.DeleteAsync(key, CancellationToken.None);
        }

        _stored.Clear();
    }
}
