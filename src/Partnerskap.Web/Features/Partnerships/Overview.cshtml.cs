using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Members;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Members;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Partnerships;

/// <summary>The partnership's front page: members, population, agreement, next deadlines. Public (no restricted data).</summary>
[AllowAnonymous]
public sealed class OverviewModel(PartnershipAccess access, AppDbContext db, TimeProvider clock, Texts t)
    : PartnershipPage(access)
{
    public sealed record Deadline(DateOnly Date, string What, string Rule);

    public int MemberCount { get; private set; }

    public int CountyCount { get; private set; }

    public int MunicipalityCount { get; private set; }

    public long? Population { get; private set; }

    public int? PopulationYear { get; private set; }

    public List<Deadline> Deadlines { get; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, "overview", publicPage: true, ct) is { } denied)
        {
            return denied;
        }

        var today = PartnershipTime.Today(clock);
        // One read of the register; the counts and the population both come from it.
        var register = await db.Members.AsNoTracking()
            .WithStatus()
            .Where(m => m.PartnershipId == Partnership.Id && m.JoinedOn <= today)
            .ToListAsync(ct);
        var current = register.Where(m => m.StatusOn(today) is MembershipStatus.Member or MembershipStatus.NoticeGiven).ToList();
        MemberCount = current.Count;
        CountyCount = current.Count(m => m.Kind == MemberKind.County);
        MunicipalityCount = current.Count(m => m.Kind == MemberKind.Municipality);

        var numbers = current.Select(m => m.MunicipalityNumberOn(today)).Where(n => n is not null).ToList();
        PopulationYear = await db.PopulationFigures.Where(p => numbers.Contains(p.MunicipalityNumber)).MaxAsync(p => (int?)p.Year, ct);
        if (PopulationYear is { } year)
        {
            // Numbers as of 1 January of that year (they changed in 2024).
            var januaryFirst = new DateOnly(year, 1, 1);
            var asOfYear = current.Select(m => m.MunicipalityNumberOn(januaryFirst)).Where(n => n is not null).ToList();
            Population = await db.PopulationFigures
                .Where(p => p.Year == year && asOfYear.Contains(p.MunicipalityNumber))
                .SumAsync(p => (long)p.Population, ct);
        }

        Deadlines.Add(new Deadline(Resignation.NextDeadline(today), t["Frist for skriftlig oppsigelse med virkning fra neste kalenderår"], "MEM-3"));
        var meetingDeadline = new DateOnly(today.Year, 12, 31);
        Deadlines.Add(new Deadline(meetingDeadline, t["Årsmøtet holdes innen utgangen av året"], "ORG-1"));
        Deadlines.Sort((a, b) => a.Date.CompareTo(b.Date));
        return Page();
    }
}
