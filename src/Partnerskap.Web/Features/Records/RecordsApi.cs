using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Records;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Members;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Infrastructure;

namespace Partnerskap.Web.Features.Records;

public static class RecordsApi
{
    public sealed record DocumentDto(int StoredDocumentId, int Number, string Title, string FileName, string Format, long Length, string Sha256);

    /// <param name="Type">I (incoming), U (outgoing), N (internal, follow-up), X (internal, no follow-up).</param>
    public sealed record EntryDto(string Number, int JournalYear, int JournalSequence, string Type, string Title, string PublicTitle, DateOnly JournalDate,
        string? Party, bool Restricted, string? LegalBasis, IReadOnlyList<DocumentDto> Documents);

    public sealed record CaseDto(string Number, string Key, string Title, string Status, DateTimeOffset CreatedAt, IReadOnlyList<EntryDto> Entries);

    /// <summary>One line of the public journal: restricted entries show the screened title and the legal basis.</summary>
    public sealed record PublicEntryDto(string Number, string CaseTitle, string Type, string Title, DateOnly JournalDate, string? Party, bool Restricted, string? LegalBasis);

    public sealed record FileBody(string? CaseKey, string? CaseTitle, string? Type, string? Title, DateOnly? JournalDate, string? Party,
        bool? Restricted, string? LegalBasis, string? PublicTitle, int[]? DocumentIds);

    public static IServiceCollection AddRecords(this IServiceCollection services) => services
        .AddScoped<Records>()
        .AddScoped<RecordsExport>()
        .AddScoped<PublicJournal>();

    public static IEndpointRouteBuilder MapRecordsApi(this IEndpointRouteBuilder api)
    {
        var p = api.MapGroup("/partnerships/{slug}").WithTags("Records").AddEndpointFilter<RuleViolationFilter>();
        p.MapGet("/records", List).RequireAuthorization(Policies.LoggedIn)
            .WithSummary("Cases and journal entries (office and board; others get 403)");
        p.MapPost("/records", File).RequireAuthorization(Policies.Office)
            .WithSummary("File a journal entry in a case, created on first use of its key (office, ORG-1)");
        p.MapGet("/records/export", Export).RequireAuthorization(Policies.Office)
            .WithSummary("Noark 5 v5.0 arkivuttrekk as zip: arkivstruktur.xml, arkivuttrekk.xml, schemas, documents (office)");
        p.MapGet("/journal", Journal).AllowAnonymous()
            .WithSummary("The public journal (offentlig journal): every entry, restricted ones with screened title and legal basis");
        return api;
    }

    public static bool SeesRecords(ClaimsPrincipal user) => user.IsOffice() || user.IsInRole(Roles.Board);

    private static async Task<Results<Ok<List<CaseDto>>, ProblemHttpResult>> List(string slug, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, CancellationToken ct)
    {
        var (outcome, p) = await access.ReadAsync(slug, user, ct);
        if (outcome != PartnershipAccess.Outcome.Allowed)
        {
            return MembersApi.Denied(outcome, slug);
        }

        if (!SeesRecords(user))
        {
            return Problems.Forbidden("The records are for the office and the board; the public journal is at /api/partnerships/{slug}/journal.");
        }

        var cases = await db.CaseFiles.AsNoTracking().Include(c => c.Entries).ThenInclude(e => e.Documents)
            .Where(c => c.PartnershipId == p!.Id).OrderBy(c => c.Year).ThenBy(c => c.Sequence).ToListAsync(ct);
        return TypedResults.Ok(cases.Select(ToDto).ToList());
    }

    public static CaseDto ToDto(CaseFile c) => new(c.Number, c.Key, c.Title, c.Status == CaseStatus.Closed ? "closed" : "open", c.CreatedAt,
        c.Entries.OrderBy(e => e.EntryNumber).Select(e => ToDto(c, e)).ToList());

    public static EntryDto ToDto(CaseFile c, JournalEntry e) => new($"{c.Number}-{e.EntryNumber}", e.JournalYear, e.JournalSequence, e.TypeCode, e.Title, e.PublicTitle,
        e.JournalDate, e.Party, e.Restricted, e.LegalBasis,
        e.Documents.OrderBy(d => d.Number).Select(d => new DocumentDto(d.StoredDocumentId, d.Number, d.Title, d.FileName, d.Format, d.Length, d.Sha256)).ToList());

    public static bool TryParseType(string? code, out EntryType type)
    {
        (var ok, type) = code?.Trim().ToUpperInvariant() switch
        {
            "I" => (true, EntryType.Incoming),
            "U" => (true, EntryType.Outgoing),
            "N" => (true, EntryType.InternalFollowUp),
            "X" => (true, EntryType.InternalNoFollowUp),
            _ => (false, EntryType.Incoming),
        };
        return ok;
    }

    private static async Task<Results<Created<EntryDto>, ProblemHttpResult>> File(string slug, FileBody body, ClaimsPrincipal user, PartnershipAccess access,
        Records records, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (outcome, p) = await access.ReadAsync(slug, user, ct);
        if (outcome != PartnershipAccess.Outcome.Allowed)
        {
            return MembersApi.Denied(outcome, slug);
        }

        if (!TryParseType(body.Type, out var type))
        {
            return Problems.Invalid("type", "type is I (incoming), U (outgoing), N (internal, follow-up) or X (internal, no follow-up).");
        }

        var entry = await records.FileAsync(p!.Id, new Records.Filing(
            body.CaseKey ?? "", body.CaseTitle ?? body.Title ?? "", type, body.Title ?? "", body.JournalDate ?? PartnershipTime.Today(clock),
            body.Party, body.Restricted ?? false, body.LegalBasis, body.PublicTitle,
            (body.DocumentIds ?? []).Select(id => new Records.FiledDocument(id)).ToList()), ct);
        var caseFile = await db.CaseFiles.AsNoTracking().SingleAsync(c => c.Id == entry.CaseFileId, ct);
        return TypedResults.Created($"/api/partnerships/{slug}/records", ToDto(caseFile, entry));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(string slug, ClaimsPrincipal user, PartnershipAccess access, RecordsExport export, TimeProvider clock, CancellationToken ct)
    {
        var (outcome, p) = await access.ReadAsync(slug, user, ct);
        if (outcome != PartnershipAccess.Outcome.Allowed)
        {
            return MembersApi.Denied(outcome, slug);
        }

        var zip = await export.ZipAsync(p!, ct);
        return TypedResults.File(zip, "application/zip", $"arkivuttrekk-{slug}-{PartnershipTime.Today(clock):yyyy-MM-dd}.zip");
    }

    private static async Task<Results<Ok<List<PublicEntryDto>>, ProblemHttpResult>> Journal(string slug, DateOnly? from, DateOnly? to, PublicJournal journal, CancellationToken ct)
    {
        var entries = await journal.ReadAsync(slug, from, to, ct);
        return entries is null ? Problems.NotFound($"No partnership '{slug}'.") : TypedResults.Ok(entries);
    }
}

/// <summary>
/// ORG-1: the public journal (offentlig journal). Lists every journal entry; for a restricted one only the screened
/// title and the legal basis, never the title, the party or the documents.
/// </summary>
public sealed class PublicJournal(AppDbContext db)
{
    public async Task<List<RecordsApi.PublicEntryDto>?> ReadAsync(string slug, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var partnership = await db.Partnerships.AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug, ct);
        if (partnership is null)
        {
            return null;
        }

        var query = db.JournalEntries.AsNoTracking().Where(e => e.PartnershipId == partnership.Id);
        if (from is { } f)
        {
            query = query.Where(e => e.JournalDate >= f);
        }

        if (to is { } t)
        {
            query = query.Where(e => e.JournalDate <= t);
        }

        var rows = await query
            .Join(db.CaseFiles, e => e.CaseFileId, c => c.Id, (e, c) => new { Entry = e, c.Year, c.Sequence, c.Title })
            .OrderByDescending(r => r.Entry.JournalYear).ThenByDescending(r => r.Entry.JournalSequence)
            .Take(500)
            .ToListAsync(ct);
        return rows.Select(r => new RecordsApi.PublicEntryDto(
            $"{r.Year}/{r.Sequence}-{r.Entry.EntryNumber}",
            r.Entry.Restricted ? JournalEntry.ScreenedTitle : r.Title,
            r.Entry.TypeCode,
            r.Entry.PublicTitle,
            r.Entry.JournalDate,
            r.Entry.Restricted ? null : r.Entry.Party,
            r.Entry.Restricted,
            r.Entry.LegalBasis)).ToList();
    }
}
