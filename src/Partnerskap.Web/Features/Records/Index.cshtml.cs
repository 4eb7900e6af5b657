using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Features.Shared;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Records;

/// <summary>ORG-1: the records (cases, journal entries, documents) for the office and the board; the office files entries and exports.</summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class IndexModel(PartnershipAccess access, AppDbContext db, Records records, TimeProvider clock, Texts t) : PartnershipPage(access)
{
    public List<RecordsApi.CaseDto> Cases { get; private set; } = [];

    public bool IsOffice => User.IsOffice();

    public string? CaseKey { get; private set; }

    public string? CaseTitle { get; private set; }

    public string Type { get; private set; } = "I";

    public string? Title { get; private set; }

    public string? JournalDate { get; private set; }

    public string? Party { get; private set; }

    public bool Restricted { get; private set; }

    public string? LegalBasis { get; private set; }

    public string? PublicTitle { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        JournalDate = PartnershipTime.Today(clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return await LoadCasesAsync(slug, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string? caseKey, string? caseTitle, string? type, string? title, string? journalDate, string? party,
        bool restricted, string? legalBasis, string? publicTitle, CancellationToken ct)
    {
        if (await LoadCasesAsync(slug, ct) is { } denied)
        {
            return denied;
        }

        if (!IsOffice)
        {
            return Forbid();
        }

        (CaseKey, CaseTitle, Type, Title, JournalDate, Party, Restricted, LegalBasis, PublicTitle) =
            (caseKey, caseTitle, type ?? "I", title, journalDate, party, restricted, legalBasis, publicTitle);
        var date = FormDates.Parse(journalDate, "journalDate", ModelState, t);
        if (!RecordsApi.TryParseType(type, out var entryType))
        {
            ModelState.AddModelError("type", t["Velg type."]);
        }

        if (ModelState.IsValid && await FormErrors.TryAsync(ModelState, t, () => records.FileAsync(Partnership.Id, new Records.Filing(
                (caseKey ?? "").Trim(), string.IsNullOrWhiteSpace(caseTitle) ? title ?? "" : caseTitle, entryType, title ?? "", date ?? PartnershipTime.Today(clock),
                party, restricted, legalBasis, publicTitle), ct)))
        {
            TempData["Message"] = t["Journalposten er registrert."];
            return Redirect($"/{slug}/records");
        }

        return Page();
    }

    private async Task<IActionResult?> LoadCasesAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, "records", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        if (!RecordsApi.SeesRecords(User))
        {
            return Forbid();
        }

        var cases = await db.CaseFiles.AsNoTracking().Include(c => c.Entries).ThenInclude(e => e.Documents)
            .Where(c => c.PartnershipId == Partnership.Id).OrderByDescending(c => c.Year).ThenByDescending(c => c.Sequence).ToListAsync(ct);
        Cases = cases.Select(RecordsApi.ToDto).ToList();
        return null;
    }
}
