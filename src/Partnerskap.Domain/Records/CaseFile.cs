using Partnerskap.Domain.Common;

namespace Partnerskap.Domain.Records;

/// <summary>Noark 5 journalposttype: I inngående, U utgående, N organinternt for oppfølging, X organinternt uten oppfølging.</summary>
public enum EntryType
{
    Incoming,
    Outgoing,
    InternalFollowUp,
    InternalNoFollowUp,
}

/// <summary>Noark 5 saksstatus: B under behandling, A avsluttet.</summary>
public enum CaseStatus
{
    Open,
    Closed,
}

/// <summary>
/// ORG-1 (transparency of decisions): a case (Noark 5 saksmappe) in the partnership's records. Every formal item (a
/// member joining, a resignation, a fee decision, a consultation, later board and annual-meeting cases) is filed as a
/// case with journal entries. <see cref="Key"/> identifies the matter for the module that files it ("member:920125298",
/// "fee-model:2024"): filing again with the same key adds an entry to the same case.
/// </summary>
public sealed class CaseFile
{
    private readonly List<JournalEntry> _entries = [];

    private CaseFile()
    {
        Key = Title = CreatedBy = "";
    }

    public CaseFile(int partnershipId, Guid systemId, string key, int year, int sequence, string title, DateTimeOffset createdAt, string createdBy)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            throw RuleViolation.Invalid("caseKey", "A case needs a key that names the matter.");
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            throw RuleViolation.Invalid("caseTitle", "A case needs a title.");
        }

        PartnershipId = partnershipId;
        SystemId = systemId;
        Key = key.Trim();
        Year = year;
        Sequence = sequence;
        Title = title.Trim();
        CreatedAt = createdAt;
        CreatedBy = createdBy;
    }

    public int Id { get; private set; }

    public int PartnershipId { get; private set; }

    /// <summary>Noark 5 systemID.</summary>
    public Guid SystemId { get; private set; }

    public string Key { get; private set; }

    /// <summary>saksaar.</summary>
    public int Year { get; private set; }

    /// <summary>sakssekvensnummer: 1, 2, … per partnership and year.</summary>
    public int Sequence { get; private set; }

    public string Title { get; private set; }

    public CaseStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public IReadOnlyList<JournalEntry> Entries => _entries;

    /// <summary>Saksnummer / mappeID, e.g. "2026/3".</summary>
    public string Number => $"{Year}/{Sequence}";

    public JournalEntry AddEntry(JournalEntry entry)
    {
        if (Status == CaseStatus.Closed)
        {
            throw RuleViolation.Conflict($"Case {Number} is closed; open a new case for the matter.");
        }

        entry.PartnershipId = PartnershipId;
        _entries.Add(entry);
        return entry;
    }

    public void Close(DateTimeOffset at)
    {
        Status = CaseStatus.Closed;
        ClosedAt = at;
    }
}

/// <summary>
/// A journal entry (Noark 5 journalpost) in a case: a letter in, a letter out, an internal note. A restricted entry
/// names its legal basis in offentleglova (e.g. "offl. § 13 jf. fvl. § 13"); the public journal shows it with the
/// screened title, never the title itself.
/// </summary>
public sealed class JournalEntry
{
    private readonly List<RecordDocument> _documents = [];

    private JournalEntry()
    {
        Title = PublicTitle = CreatedBy = "";
    }

    public JournalEntry(Guid systemId, int journalYear, int journalSequence, int entryNumber, EntryType type, string title, DateOnly journalDate,
        string? party, bool restricted, string? legalBasis, string? publicTitle, DateTimeOffset createdAt, string createdBy)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw RuleViolation.Invalid("title", "A journal entry needs a title.");
        }

        if (restricted && string.IsNullOrWhiteSpace(legalBasis))
        {
            // Offentleglova: an exemption from public access must name its legal basis.
            throw RuleViolation.Invalid("legalBasis", "A restricted entry must name its legal basis in offentleglova, e.g. \"offl. § 13 jf. fvl. § 13\".", "ORG-1");
        }

        if (!restricted && !string.IsNullOrWhiteSpace(legalBasis))
        {
            throw RuleViolation.Invalid("legalBasis", "Only a restricted entry has a legal basis for exemption.", "ORG-1");
        }

        SystemId = systemId;
        JournalYear = journalYear;
        JournalSequence = journalSequence;
        EntryNumber = entryNumber;
        Type = type;
        Title = title.Trim();
        JournalDate = journalDate;
        Party = string.IsNullOrWhiteSpace(party) ? null : party.Trim();
        Restricted = restricted;
        LegalBasis = restricted ? legalBasis!.Trim() : null;
        PublicTitle = restricted ? (string.IsNullOrWhiteSpace(publicTitle) ? ScreenedTitle : publicTitle.Trim()) : Title;
        CreatedAt = createdAt;
        CreatedBy = createdBy;
    }

    /// <summary>What the public journal shows for a restricted entry that gives no screened title of its own.</summary>
    public const string ScreenedTitle = "Skjermet";

    public int Id { get; private set; }

    public int CaseFileId { get; private set; }

    public int PartnershipId { get; internal set; }

    public Guid SystemId { get; private set; }

    /// <summary>journalaar.</summary>
    public int JournalYear { get; private set; }

    /// <summary>journalsekvensnummer: 1, 2, … per partnership and year, across cases.</summary>
    public int JournalSequence { get; private set; }

    /// <summary>journalpostnummer: 1, 2, … within the case (the "-n" in "2026/3-2").</summary>
    public int EntryNumber { get; private set; }

    public EntryType Type { get; private set; }

    public string Title { get; private set; }

    /// <summary>offentligTittel: the title with restricted words screened; equals <see cref="Title"/> when the entry is public.</summary>
    public string PublicTitle { get; private set; }

    public DateOnly JournalDate { get; private set; }

    /// <summary>Sender or recipient (korrespondansepart).</summary>
    public string? Party { get; private set; }

    public bool Restricted { get; private set; }

    /// <summary>skjermingshjemmel, e.g. "offl. § 13 jf. fvl. § 13".</summary>
    public string? LegalBasis { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; }

    public IReadOnlyList<RecordDocument> Documents => _documents;

    public RecordDocument AddDocument(RecordDocument document)
    {
        _documents.Add(document);
        return document;
    }

    /// <summary>Noark 5 journalposttype code.</summary>
    public string TypeCode => Type switch
    {
        EntryType.Incoming => "I",
        EntryType.Outgoing => "U",
        EntryType.InternalFollowUp => "N",
        _ => "X",
    };
}

/// <summary>
/// A document in a journal entry (Noark 5 dokumentbeskrivelse with one dokumentobjekt): the stored file it points to,
/// with format, size and SHA-256 checksum as they were when filed.
/// </summary>
public sealed class RecordDocument
{
    private RecordDocument()
    {
        Title = FileName = Format = Sha256 = "";
    }

    public RecordDocument(Guid systemId, Guid objectSystemId, int number, string title, bool main, int storedDocumentId, string fileName, string format, long length, string sha256)
    {
        if (sha256.Length != 64)
        {
            throw RuleViolation.Invalid("documents", "A filed document needs its SHA-256 checksum.");
        }

        SystemId = systemId;
        ObjectSystemId = objectSystemId;
        Number = number;
        Title = string.IsNullOrWhiteSpace(title) ? fileName : title.Trim();
        Main = main;
        StoredDocumentId = storedDocumentId;
        FileName = fileName;
        Format = format;
        Length = length;
        Sha256 = sha256;
    }

    public int Id { get; private set; }

    public int JournalEntryId { get; private set; }

    /// <summary>systemID of the dokumentbeskrivelse.</summary>
    public Guid SystemId { get; private set; }

    /// <summary>systemID of the dokumentobjekt.</summary>
    public Guid ObjectSystemId { get; private set; }

    /// <summary>dokumentnummer within the entry.</summary>
    public int Number { get; private set; }

    public string Title { get; private set; }

    /// <summary>Hoveddokument (true) or Vedlegg.</summary>
    public bool Main { get; private set; }

    public int StoredDocumentId { get; private set; }

    public string FileName { get; private set; }

    /// <summary>File format as the extension without the dot ("pdf"), which Arkade compares with the file name.</summary>
    public string Format { get; private set; }

    public long Length { get; private set; }

    public string Sha256 { get; private set; }
}
