using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Board;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Meetings;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Features.Shared;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Board;

/// <summary>The programme board: seats with terms and roles, the office as secretariat, the register of interests, meetings.</summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class IndexModel(PartnershipAccess access, AppDbContext db, BoardWork work, TimeProvider clock, Texts t) : BoardPage(access, t)
{
    public sealed record SeatRow(int Id, string Name, string Email, BoardRole Role, DateOnly From, DateOnly? To, string? Orgnr, bool Current);

    public sealed record InterestRow(string Name, string Organisation, string? Orgnr, string Role, DateOnly From, DateOnly? To);

    public List<SeatRow> Seats { get; private set; } = [];

    public List<InterestRow> Interests { get; private set; } = [];

    public List<Meeting> Meetings { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) => await LoadBoardAsync(slug, ct) ?? await ShowAsync(ct);

    public async Task<IActionResult> OnPostSeatAsync(string slug, string? userEmail, string? role, string? from, string? to, CancellationToken ct)
    {
        if (await LoadOfficeAsync(slug, ct) is { } denied)
        {
            return denied;
        }

        var f = FormDates.Parse(from, "from", ModelState, T);
        var e = FormDates.Parse(to, "to", ModelState, T);
        return (ModelState.IsValid ? await RunAsync(() => work.AddSeatAsync(Partnership.Id, userEmail, role, f, e, ct), T["Styreplassen er registrert."], Here()) : null)
            ?? await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostEndAsync(string slug, int seatId, string? to, CancellationToken ct)
    {
        if (await LoadOfficeAsync(slug, ct) is { } denied)
        {
            return denied;
        }

        var e = FormDates.Parse(to, "to", ModelState, T);
        return (ModelState.IsValid ? await RunAsync(() => work.EndSeatAsync(Partnership.Id, seatId, e, ct), T["Perioden er avsluttet."], Here()) : null)
            ?? await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostInterestAsync(string slug, string? userEmail, string? organisation, string? orgnr, string? interestRole, CancellationToken ct)
    {
        if (await LoadOfficeAsync(slug, ct) is { } denied)
        {
            return denied;
        }

        return await RunAsync(() => work.AddInterestAsync(Partnership.Id, userEmail, organisation, orgnr, interestRole, null, null, ct), T["Vervet er registrert."], Here())
            ?? await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostMeetingAsync(string slug, string? title, string? date, string? time, string? location, CancellationToken ct)
    {
        if (await LoadOfficeAsync(slug, ct) is { } denied)
        {
            return denied;
        }

        var d = FormDates.Parse(date, "date", ModelState, T);
        TimeOnly? at = TimeOnly.TryParse(time, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        Meeting? meeting = null;
        if (ModelState.IsValid && await FormErrors.TryAsync(ModelState, T, async () => meeting = await work.PlanMeetingAsync(Partnership.Id, title, d, at, location, ct)))
        {
            TempData["Message"] = T["Styremøtet er opprettet."];
            return Redirect($"/{Partnership.Slug}/board/meetings/{meeting!.Id}");
        }

        return await ShowAsync(ct);
    }

    private string Here() => $"/{Partnership.Slug}/board";

    private async Task<IActionResult?> LoadOfficeAsync(string slug, CancellationToken ct) =>
        await LoadBoardAsync(slug, ct) ?? (User.IsOffice() ? null : Forbid());

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Today = PartnershipTime.Today(clock);
        var seats = await (from s in db.BoardSeats.AsNoTracking()
                           join u in db.Users on s.UserId equals u.Id
                           where s.PartnershipId == Partnership.Id
                           select new { s, u.Name, u.Email }).ToListAsync(ct);
        Seats = seats.Select(x => new SeatRow(x.s.Id, x.Name, x.Email ?? "", x.s.Role, x.s.From, x.s.To, x.s.OrganisationOrgnr, x.s.IsHeldOn(Today)))
            .OrderByDescending(x => x.Current).ThenBy(x => x.Role).ThenBy(x => x.Name, Bokmal.Order).ToList();
        var interests = await (from i in db.DeclaredInterests.AsNoTracking()
                               join u in db.Users on i.UserId equals u.Id
                               where i.PartnershipId == Partnership.Id
                               select new { i, u.Name }).ToListAsync(ct);
        Interests = interests.Select(x => new InterestRow(x.Name, x.i.Organisation, x.i.Orgnr, x.i.Role, x.i.From, x.i.To)).OrderBy(x => x.Name, Bokmal.Order).ToList();
        Meetings = (await db.Meetings.AsNoTracking().Where(m => m.PartnershipId == Partnership.Id && m.Kind == MeetingKind.Board).ToListAsync(ct))
            .OrderByDescending(m => m.StartsAt).ToList();
        return Page();
    }
}
