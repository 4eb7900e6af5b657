using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Records;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Features.Records;

/// <summary>
/// ORG-1: files formal items in the partnership's records (Noark 5 shaped: saksmappe → journalpost → dokumentbeskrivelse).
/// Modules call <see cref="FileAsync"/> inside their own transaction (or let it open one); filing again with the same
/// <see cref="Filing.CaseKey"/> adds an entry to the existing case. Case and journal numbers come from counter rows
/// locked for the transaction, so parallel filings never share a number.
/// </summary>
public sealed class Records(AppDbContext db, TimeProvider clock, AuditContext audit)
{
    /// <param name="CaseKey">Names the matter for the filing module, e.g. "member:920125298", "fee-model:2024", "consultation:7".</param>
    /// <param name="CaseTitle">Title of the case when it is created (later filings keep the first title).</param>
    /// <param name="Restricted">Exempt from public access; needs <paramref name="LegalBasis"/> ("offl. § 13 jf. fvl. § 13").</param>
    /// <param name="PublicTitle">The screened title for the public journal (restricted entries); default "Skjermet".</param>
    public sealed record Filing(
        string CaseKey,
        string CaseTitle,
        EntryType Type,
        string Title,
        DateOnly JournalDate,
        string? Party = null,
        bool Restricted = false,
        string? LegalBasis = null,
        string? PublicTitle = null,
        IReadOnlyList<FiledDocument>? Documents = null);

    /// <summary>A document already in the document store (a <see cref="StoredDocument"/> of the same partnership).</summary>
    public sealed record FiledDocument(int StoredDocumentId, string? Title = null);

    public async Task<JournalEntry> FileAsync(int partnershipId, Filing filing, CancellationToken ct)
    {
        await using var tx = await db.Database.JoinOrBeginTransactionAsync(ct);
        var entry = await FileInTransactionAsync(partnershipId, filing, ct);
        await tx.CommitAsync(ct);
        return entry;
    }

    private async Task<JournalEntry> FileInTransactionAsync(int partnershipId, Filing filing, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var year = PartnershipTime.Today(clock).Year;
        var actor = audit.CurrentActor;

        // Lock the journal counter first: every filing of this partnership and year waits here for the one before.
        var journalSequence = await NextAsync(partnershipId, year, "journal", ct);
        var caseFile = await db.CaseFiles.Include(c => c.Entries).SingleOrDefaultAsync(c => c.PartnershipId == partnershipId && c.Key == filing.CaseKey, ct);
        if (caseFile is null)
        {
            caseFile = new CaseFile(partnershipId, Guid.NewGuid(), filing.CaseKey, year, await NextAsync(partnershipId, year, "case", ct), filing.CaseTitle, now, actor);
            db.CaseFiles.Add(caseFile);
        }

        var entry = caseFile.AddEntry(new JournalEntry(
            Guid.NewGuid(), year, journalSequence, caseFile.Entries.Count + 1, filing.Type, filing.Title, filing.JournalDate,
            filing.Party, filing.Restricted, filing.LegalBasis, filing.PublicTitle, now, actor));

        var wanted = filing.Documents ?? [];
        var ids = wanted.Select(d => d.StoredDocumentId).ToList();
        var stored = await db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id) && d.PartnershipId == partnershipId).ToDictionaryAsync(d => d.Id, ct);
        var number = 0;
        foreach (var doc in wanted)
        {
            if (!stored.TryGetValue(doc.StoredDocumentId, out var s))
            {
                throw RuleViolation.Invalid("documents", $"No document {doc.StoredDocumentId} in this partnership.");
            }

            number++;
            entry.AddDocument(new RecordDocument(Guid.NewGuid(), Guid.NewGuid(), number, doc.Title ?? s.FileName, number == 1,
                s.Id, s.FileName, FormatOf(s.FileName), s.Length, s.Sha256));
        }

        await db.SaveChangesAsync(ct);
        return entry;
    }

    /// <summary>The extension without the dot, lower case ("pdf"); Arkade compares it with the file name.</summary>
    public static string FormatOf(string fileName) =>
        Path.GetExtension(fileName).TrimStart('.').ToLowerInvariant() is { Length: > 0 } ext ? ext : "bin";

    private async Task<int> NextAsync(int partnershipId, int year, string kind, CancellationToken ct)
    {
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO \"RecordCounters\" (\"PartnershipId\", \"Year\", \"Kind\", \"Next\") VALUES ({partnershipId}, {year}, {kind}, 1) ON CONFLICT DO NOTHING", ct);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE \"RecordCounters\" SET \"Next\" = \"Next\" WHERE \"PartnershipId\" = {partnershipId} AND \"Year\" = {year} AND \"Kind\" = {kind}", ct);
        var counter = await db.RecordCounters.SingleAsync(c => c.PartnershipId == partnershipId && c.Year == year && c.Kind == kind, ct);
        await db.Entry(counter).ReloadAsync(ct);
        var next = counter.Next;
        counter.Next++;
        return next;
    }
}
