using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnerskap.Web.Features.Partnerships;

namespace Partnerskap.Web.Features.Records;

/// <summary>ORG-1: the public journal (offentlig journal), no login. Restricted entries show only the screened title and the legal basis.</summary>
[AllowAnonymous]
public sealed class JournalModel(PartnershipAccess access, PublicJournal journal) : PartnershipPage(access)
{
    public List<RecordsApi.PublicEntryDto> Entries { get; private set; } = [];

    public DateOnly? From { get; private set; }

    public DateOnly? To { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (await LoadAsync(slug, "journal", publicPage: true, ct) is { } denied)
        {
            return denied;
        }

        (From, To) = (from, to);
        Entries = await journal.ReadAsync(slug, from, to, ct) ?? [];
        return Page();
    }

    public string TypeText(string code) => code switch
    {
        "I" => "Inngående",
        "U" => "Utgående",
        "N" => "Internt notat",
        _ => "Internt notat uten oppfølging",
    };
}
