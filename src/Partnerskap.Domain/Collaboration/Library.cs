using Partnerskap.Domain.Common;

namespace Partnerskap.Domain.Collaboration;

/// <summary>What a library document is: the agreement, the statutes, a template, or another shared document.</summary>
public enum LibraryKind
{
    Agreement,
    Statutes,
    Template,
    Document,
}

/// <summary>
/// PUR-4: the shared document library. ORG-4: the agreement and the statutes are kept with every version; a new version
/// names the decision that adopted it and the day it takes effect; the current version is the newest in force. Where
/// they conflict the agreement prevails.
/// </summary>
public sealed class LibraryDocument
{
    private readonly List<LibraryVersion> _versions = [];

    private LibraryDocument()
    {
        Title = "";
    }

    public LibraryDocument(int partnershipId, LibraryKind kind, string? title, string? description)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw RuleViolation.Invalid("title", "A document needs a title.", "PUR-4");
        }

        PartnershipId = partnershipId;
        Kind = kind;
        Title = title.Trim();
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
    }

    public int Id { get; private set; }

    public int PartnershipId { get; private set; }

    public LibraryKind Kind { get; private set; }

    public string Title { get; private set; }

    public string? Description { get; private set; }

    public IReadOnlyList<LibraryVersion> Versions => _versions;

    /// <summary>True for the agreement and the statutes: their versions need the adopting decision (ORG-4).</summary>
    public bool IsGoverning => Kind is LibraryKind.Agreement or LibraryKind.Statutes;

    /// <summary>
    /// ORG-4 / PUR-4: publishes a new version; earlier versions are kept. The agreement and the statutes need the
    /// decision that adopted the version; a version cannot take effect before the one it follows.
    /// </summary>
    public LibraryVersion Publish(int storedDocumentId, DateOnly validFrom, string? decisionRef, string? changeNote, DateTimeOffset at, string by)
    {
        if (IsGoverning && string.IsNullOrWhiteSpace(decisionRef))
        {
            throw RuleViolation.Invalid("decisionRef", "Name the decision that adopted this version (e.g. the annual meeting's decision).", "ORG-4");
        }

        var latest = _versions.OrderByDescending(v => v.Number).FirstOrDefault();
        if (latest is not null && validFrom < latest.ValidFrom)
        {
            throw RuleViolation.Invalid("validFrom", $"A new version cannot take effect before version {latest.Number} ({latest.ValidFrom:yyyy-MM-dd}).", "ORG-4");
        }

        var version = new LibraryVersion((latest?.Number ?? 0) + 1, storedDocumentId, validFrom,
            string.IsNullOrWhiteSpace(decisionRef) ? null : decisionRef.Trim(), string.IsNullOrWhiteSpace(changeNote) ? null : changeNote.Trim(), at, by);
        _versions.Add(version);
        return version;
    }

    /// <summary>ORG-4: the version in force on <paramref name="on"/>: the newest whose valid-from day has come.</summary>
    public LibraryVersion? CurrentOn(DateOnly on) => CurrentOf(_versions, on);

    public static LibraryVersion? CurrentOf(IEnumerable<LibraryVersion> versions, DateOnly on) =>
        versions.Where(v => v.ValidFrom <= on).OrderByDescending(v => v.Number).FirstOrDefault();
}

/// <summary>One version of a library document; never changed or removed.</summary>
public sealed class LibraryVersion
{
    private LibraryVersion()
    {
        PublishedBy = "";
    }

    internal LibraryVersion(int number, int storedDocumentId, DateOnly validFrom, string? decisionRef, string? changeNote, DateTimeOffset at, string by)
    {
        Number = number;
        StoredDocumentId = storedDocumentId;
        ValidFrom = validFrom;
        DecisionRef = decisionRef;
        ChangeNote = changeNote;
        PublishedAt = at;
        PublishedBy = by;
    }

    public int Id { get; private set; }

    public int LibraryDocumentId { get; private set; }

    public int Number { get; private set; }

    public int StoredDocumentId { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    /// <summary>ORG-4: the decision that adopted this version.</summary>
    public string? DecisionRef { get; private set; }

    public string? ChangeNote { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }

    public string PublishedBy { get; private set; }
}

/// <summary>PUR-4: news to the members.</summary>
public sealed class NewsItem
{
    private NewsItem()
    {
        Title = Body = PublishedBy = "";
    }

    public NewsItem(int partnershipId, string? title, string? body, DateTimeOffset publishedAt, string publishedBy)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw RuleViolation.Invalid("title", "News needs a title.", "PUR-4");
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            throw RuleViolation.Invalid("body", "Write the news text.", "PUR-4");
        }

        PartnershipId = partnershipId;
        Title = title.Trim();
        Body = body.Trim();
        PublishedAt = publishedAt;
        PublishedBy = publishedBy;
    }

    public int Id { get; private set; }

    public int PartnershipId { get; private set; }

    public string Title { get; private set; }

    public string Body { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }

    public string PublishedBy { get; private set; }
}
