using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Collaboration;
using Partnerskap.Domain.Common;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Features.Shared;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Collaboration;

/// <summary>PUR-3: events and courses, and the competence overview per member; the office creates an event.</summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class EventsModel(PartnershipAccess access, AppDbContext db, Events events, TimeProvider clock, Texts t) : PartnershipPage(access)
{
    public List<Events.Summary> List { get; private set; } = [];

    public List<Events.CompetenceLine> Competence { get; private set; } = [];

    public List<(int Id, string Name)> NetworkChoices { get; private set; } = [];

    public int Year { get; private set; }

    public bool IsOffice => User.IsOffice();

    public Dictionary<string, string?> Form { get; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, int? year, CancellationToken ct)
    {
        var today = PartnershipTime.Today(clock);
        Form["date"] = today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Form["time"] = "09:00";
        Form["capacity"] = "30";
        return await LoadListAsync(slug, year, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string? title, string? kind, string? date, string? time, string? place, string? capacity,
        string? registrationDeadline, string? description, int? networkId, CancellationToken ct)
    {
        if (await LoadListAsync(slug, null, ct) is { } denied)
        {
            return denied;
        }

        if (!IsOffice)
        {
            return Forbid();
        }

        (Form["title"], Form["kind"], Form["date"], Form["time"], Form["place"], Form["capacity"], Form["registrationDeadline"], Form["description"]) =
            (title, kind, date, time, place, capacity, registrationDeadline, description);
        var day = FormDates.Parse(date, "startsAt", ModelState, t);
        var deadline = FormDates.Parse(registrationDeadline, "registrationDeadline", ModelState, t);
        DateTimeOffset? startsAt = null;
        if (day is { } d)
        {
            var clockTime = TimeOnly.TryParseExact(time ?? "", "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var tm) ? tm : new TimeOnly(9, 0);
            var local = d.ToDateTime(clockTime);
            startsAt = new DateTimeOffset(local, PartnershipTime.Oslo.GetUtcOffset(local)).ToUniversalTime();
        }

        int? places = int.TryParse(capacity, NumberStyles.Integer, CultureInfo.InvariantCulture, out var c) ? c : null;
        Event? created = null;
        if (ModelState.IsValid && await FormErrors.TryAsync(ModelState, t, async () =>
                created = await events.CreateAsync(Partnership.Id, title, kind, startsAt, place, places, deadline, description, networkId, ct)))
        {
            return Redirect($"/{slug}/events/{created!.Id}");
        }

        return Page();
    }

    private async Task<IActionResult?> LoadListAsync(string slug, int? year, CancellationToken ct)
    {
        if (await LoadAsync(slug, "events", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        Year = year ?? PartnershipTime.Today(clock).Year;
        List = await events.ListAsync(Partnership.Id, ct);
        var lines = await events.CompetenceAsync(Partnership.Id, Year, ct);
        Competence = IsOffice || User.IsInRole(Roles.Board) ? lines : lines.Where(l => l.Orgnr == User.Orgnr()).ToList();
        NetworkChoices = (await db.Networks.AsNoTracking().Where(n => n.PartnershipId == Partnership.Id && n.ClosedOn == null).OrderByBokmal(n => n.Name)
            .Select(n => new { n.Id, n.Name }).ToListAsync(ct)).Select(n => (n.Id, n.Name)).ToList();
        return null;
    }

    public string KindText(string kind) => CollaborationText.EventKind(t, kind);

    public static string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, PartnershipTime.Oslo).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);
}
