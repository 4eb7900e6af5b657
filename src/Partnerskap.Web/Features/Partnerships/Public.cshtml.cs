using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Members;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Features.Partnerships;

/// <summary>
/// ORG-1 (transparency): what the partnership publishes, no login. The members (name, kind, membership dates: no
/// contacts, no money), the public journal, and places where the annual meeting's results, the board's decisions and
/// the portfolio are shown when those modules publish them. Nothing restricted.
/// </summary>
[AllowAnonymous]
public sealed class PublicModel(PartnershipAccess access, AppDbContext db, TimeProvider clock) : PartnershipPage(access)
{
    public sealed record Row(string Name, MemberKind Kind, DateOnly JoinedOn, MembershipStatus? Status, DateOnly? ExitOn);

    public List<Row> Members { get; private set; } = [];

    public int JournalEntries { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, "public", publicPage: true, ct) is { } denied)
        {
            return denied;
        }

        var today = PartnershipTime.Today(clock);
        var register = await db.Members.AsNoTracking().Include(m => m.Notices)
            .Where(m => m.PartnershipId == Partnership.Id && m.JoinedOn <= today).ToListAsync(ct);
        Members = register.Select(m => new Row(m.Name, m.Kind, m.JoinedOn, m.StatusOn(today), m.ExitOn(today)))
            .Where(r => r.Status is not null)
            .OrderBy(r => r.Kind).ThenBy(r => r.Name, StringComparer.Create(new System.Globalization.CultureInfo("nb-NO"), false)).ToList();
        JournalEntries = await db.JournalEntries.CountAsync(e => e.PartnershipId == Partnership.Id, ct);
        return Page();
    }
}
