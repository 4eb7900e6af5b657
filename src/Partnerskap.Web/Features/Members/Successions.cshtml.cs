using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Members;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Features.Shared;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Members;

/// <summary>MEM-1: successions (mergers, splits). Everyone logged in sees them; the office records them.</summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class SuccessionsModel(PartnershipAccess access, AppDbContext db, RecordSuccession.Handler handler, ListMembers.Handler members, TimeProvider clock, Texts t)
    : PartnershipPage(access)
{
    public List<Succession> List { get; private set; } = [];

    public List<ListMembers.Row> Members { get; private set; } = [];

    public bool IsOffice => User.IsOffice();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) => await LoadAsync(slug, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(
        string slug, string? kind, string? effectiveOn, string[] predecessors, string[] successorOrgnr, string[] successorName,
        string[] successorKind, string[] successorMember, string? description, string? decisionRef, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } denied)
        {
            return denied;
        }

        if (!IsOffice)
        {
            return Forbid();
        }

        DateOnly? date = DateOnly.TryParseExact(effectiveOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var successors = successorOrgnr
            .Select((orgnr, i) => (orgnr, i))
            .Where(x => !string.IsNullOrWhiteSpace(x.orgnr))
            .Select(x => new RecordSuccession.Successor(
                x.orgnr.Trim(), successorName.ElementAtOrDefault(x.i), successorKind.ElementAtOrDefault(x.i), null,
                successorMember.ElementAtOrDefault(x.i) != "false"))
            .ToList();
        var ok = await FormErrors.TryAsync(ModelState, t, () => handler.Handle(new RecordSuccession.Command(
            Partnership.Id, kind, date, description, decisionRef, predecessors, successors), ct));
        if (!ok)
        {
            return Page();
        }

        TempData["Message"] = t["Endringen er registrert. Medlemsregisteret og historikken er oppdatert."];
        return Redirect($"/{slug}/successions");
    }

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, "members", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        List = await db.Successions.AsNoTracking().Include(s => s.Parties)
            .Where(s => s.PartnershipId == Partnership.Id).OrderByDescending(s => s.EffectiveOn).ToListAsync(ct);
        Members = (await members.Handle(new ListMembers.Query(Partnership.Id, PartnershipTime.Today(clock)), ct))
            .Where(r => r.Status != MembershipStatus.Exited).ToList();
        return null;
    }
}
