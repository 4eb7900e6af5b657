using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Collaboration;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Records;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Members;

namespace Partnerskap.Web.Features.Collaboration;

/// <summary>
/// PUR-4: news and the shared document library. ORG-4: the agreement and the statutes are kept with every version, each
/// with the decision that adopted it; the current version is the newest in force. A new version of the agreement or the
/// statutes is filed in the records (case <c>library:{id}</c>).
/// </summary>
public sealed class Library(AppDbContext db, MemberDocuments documents, Records.Records records, AuditContext audit, TimeProvider clock)
{
    public const string DocumentKind = "library";

    public sealed record VersionDto(int Number, DateOnly ValidFrom, string? DecisionRef, string? ChangeNote, DateTimeOffset PublishedAt, string FileName,
        bool Current, string Url);

    public sealed record DocumentDto(int Id, string Kind, string Title, string? Description, VersionDto? Current, IReadOnlyList<VersionDto> Versions);

    public sealed record NewsDto(int Id, string Title, string Body, DateTimeOffset PublishedAt);

    public static LibraryKind ParseKind(string? kind) => kind?.Trim().ToLowerInvariant() switch
    {
        "agreement" => LibraryKind.Agreement,
        "statutes" => LibraryKind.Statutes,
        "template" => LibraryKind.Template,
        "document" or null or "" => LibraryKind.Document,
        _ => throw RuleViolation.Invalid("kind", "Kind is agreement, statutes, template or document.", "PUR-4"),
    };

    public static string KindName(LibraryKind kind) => kind.ToString().ToLowerInvariant();

    public static string CaseKey(int id) => $"library:{id}";

    public async Task<NewsItem> PublishNewsAsync(int partnershipId, string? title, string? body, CancellationToken ct)
    {
        var news = new NewsItem(partnershipId, title, body, clock.GetUtcNow(), audit.CurrentActor); // PUR-4
        db.News.Add(news);
        await db.SaveChangesAsync(ct);
        return news;
    }

    public async Task<List<NewsDto>> NewsAsync(int partnershipId, CancellationToken ct) =>
        (await db.News.AsNoTracking().Where(n => n.PartnershipId == partnershipId).ToListAsync(ct))
        .OrderByDescending(n => n.PublishedAt).ThenByDescending(n => n.Id).Select(n => new NewsDto(n.Id, n.Title, n.Body, n.PublishedAt)).ToList();

    public async Task<LibraryDocument?> FindAsync(int id, CancellationToken ct) =>
        await db.LibraryDocuments.Include(d => d.Versions).SingleOrDefaultAsync(d => d.Id == id, ct);

    /// <summary>PUR-4: a new library document with its first version (published as any later version is).</summary>
    public async Task<LibraryDocument> CreateAsync(int partnershipId, string? kind, string? title, string? description, Upload? file,
        DateOnly? validFrom, string? decisionRef, string? changeNote, CancellationToken ct)
    {
        var document = new LibraryDocument(partnershipId, ParseKind(kind), title, description);
        db.LibraryDocuments.Add(document);
        await PublishAsync(document, file, validFrom, decisionRef, changeNote, ct);
        return document;
    }

    /// <summary>ORG-4 / PUR-4: publishes a new version; the old ones stay. One transaction: the file, the version and its filing.</summary>
    public async Task<LibraryVersion> PublishAsync(LibraryDocument document, Upload? file, DateOnly? validFrom, string? decisionRef, string? changeNote, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            if (file is null)
            {
                throw RuleViolation.Invalid("file", "Choose the file to publish.", "PUR-4");
            }

            var today = PartnershipTime.Today(clock);
            var stored = await documents.AddAsync(document.PartnershipId, null, DocumentKind, file, "file", ct);
            await db.SaveChangesAsync(ct);
            var version = document.Publish(stored.Id, validFrom ?? today, decisionRef, changeNote, clock.GetUtcNow(), audit.CurrentActor); // ORG-4
            audit.DecisionRef = version.DecisionRef;
            await db.SaveChangesAsync(ct);
            if (document.IsGoverning)
            {
                // ORG-1 / ORG-4: a new version of the agreement or the statutes is a formal item and is filed.
                await records.FileAsync(document.PartnershipId, new Records.Records.Filing(
                    CaseKey(document.Id), document.Title, EntryType.InternalNoFollowUp, $"{document.Title}, versjon {version.Number} (gjelder fra {version.ValidFrom:dd.MM.yyyy})",
                    today, null, Documents: [new Records.Records.FiledDocument(stored.Id, $"{document.Title}, versjon {version.Number}")]), ct);
            }

            await tx.CommitAsync(ct);
            return version;
        }
        catch
        {
            await tx.RollbackAsync(CancellationToken.None);
            await documents.DiscardAsync();
            db.ChangeTracker.Clear(); // nothing of the refused document or version stays tracked
            throw;
        }
    }

    public async Task<List<DocumentDto>> ListAsync(int partnershipId, CancellationToken ct)
    {
        var list = await db.LibraryDocuments.AsNoTracking().Include(d => d.Versions).Where(d => d.PartnershipId == partnershipId).ToListAsync(ct);
        var names = await FileNamesAsync(list.SelectMany(d => d.Versions), ct);
        return list.OrderBy(d => d.Kind).ThenBy(d => d.Title).Select(d => ToDto(d, names)).ToList();
    }

    public async Task<DocumentDto> ToDtoAsync(LibraryDocument d, CancellationToken ct) => ToDto(d, await FileNamesAsync(d.Versions, ct));

    private async Task<Dictionary<int, string>> FileNamesAsync(IEnumerable<LibraryVersion> versions, CancellationToken ct)
    {
        var ids = versions.Select(v => v.StoredDocumentId).Distinct().ToList();
        return await db.Documents.AsNoTracking().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.FileName, ct);
    }

    private DocumentDto ToDto(LibraryDocument d, Dictionary<int, string> names)
    {
        var current = d.CurrentOn(PartnershipTime.Today(clock)); // ORG-4: the version in force today
        var versions = d.Versions.OrderByDescending(v => v.Number)
            .Select(v => new VersionDto(v.Number, v.ValidFrom, v.DecisionRef, v.ChangeNote, v.PublishedAt, names.GetValueOrDefault(v.StoredDocumentId, ""),
                v == current, $"/api/library/{d.Id}/versions/{v.Number}/file"))
            .ToList();
        return new DocumentDto(d.Id, KindName(d.Kind), d.Title, d.Description, versions.FirstOrDefault(v => v.Current), versions);
    }
}
