using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Meetings;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Features.Board;

/// <summary>A recurring date in the year wheel: month/day, title, and the rule or source it comes from.</summary>
public sealed record YearWheelDate(int Month, int Day, string Title, string Source);

/// <summary>
/// Settings for the year wheel (<c>Partnerskap:YearWheel:Dates</c>): the office's recurring dates. When none are
/// configured, <see cref="YearWheel.Defaults"/> apply.
/// </summary>
public sealed class YearWheelOptions
{
    public List<YearWheelDate> Dates { get; set; } = [];
}

/// <summary>One entry on the year wheel: an all-day date or a meeting with its start time.</summary>
public sealed record YearWheelEntry(DateOnly Date, DateTimeOffset? StartsAt, string Title, string Source, string Uid, string? Location);

/// <summary>
/// The year wheel (årshjul): the recurring dates from the agreement and the settings, plus the planned annual and board
/// meetings, as a page and an iCalendar feed (RFC 5545, via Ical.Net). The feed carries only what is public
/// (dates, meeting titles and times; no agendas, cases or papers), so calendar apps may read it without logging in.
/// </summary>
public sealed class YearWheel(AppDbContext db, Microsoft.Extensions.Options.IOptions<YearWheelOptions> options)
{
    public static readonly IReadOnlyList<YearWheelDate> Defaults =
    [
        new(3, 1, "Søknadsfrist for tilskudd (skjønnsmidler)", "Innstilling: tilskuddssøknader"),
        new(6, 15, "Porteføljerapport til programstyret (juni)", "ORG-2: styret følger prosjektene"),
        new(6, 30, "Frist for oppsigelse med virkning fra neste år", "MEM-3, partneravtalen § 4"),
        new(10, 15, "Forslag til budsjett og kontingent til årsmøtet", "Innstilling: budsjett"),
        new(12, 1, "Porteføljerapport til programstyret (desember)", "ORG-2: styret følger prosjektene"),
        new(12, 31, "Siste frist for årsmøtet", "ORG-1: årsmøtet holdes innen 31. desember"),
    ];

    public IReadOnlyList<YearWheelDate> Dates => options.Value.Dates.Count > 0 ? options.Value.Dates : Defaults;

    /// <summary>The year's recurring dates and the partnership's meetings in that year, in date order.</summary>
    public async Task<List<YearWheelEntry>> EntriesAsync(int partnershipId, string slug, int year, CancellationToken ct)
    {
        var entries = Dates
            .Where(d => d.Day <= DateTime.DaysInMonth(year, d.Month))
            .Select(d => new YearWheelEntry(new DateOnly(year, d.Month, d.Day), null, d.Title, d.Source, $"{slug}-{year}-{d.Month:00}{d.Day:00}-{Slug(d.Title)}@partnerskap", null))
            .ToList();
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.PartnershipId == partnershipId).ToListAsync(ct);
        entries.AddRange(meetings.Where(m => m.Date.Year == year).Select(m => new YearWheelEntry(m.Date, m.StartsAt,
            m.Title, m.Kind == MeetingKind.Annual ? "Årsmøtet (ORG-1)" : "Programstyret (ORG-2)", $"{slug}-meeting-{m.Id}@partnerskap", m.Location)));
        return entries.OrderBy(e => e.Date).ThenBy(e => e.StartsAt).ToList();
    }

    /// <summary>RFC 5545 calendar text for the entries (all-day dates as VALUE=DATE, meetings with UTC start and two hours).</summary>
    public static string ToICalendar(string calendarName, IEnumerable<YearWheelEntry> entries, DateTimeOffset stamp)
    {
        var calendar = new Calendar { ProductId = "-//Partnerskap//Årshjul//NB" };
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        foreach (var e in entries)
        {
            var ev = new CalendarEvent
            {
                Uid = e.Uid,
                Summary = e.Title,
                Description = e.Source,
                Location = e.Location,
                DtStamp = new CalDateTime(stamp.UtcDateTime),
            };
            if (e.StartsAt is { } start)
            {
                ev.DtStart = new CalDateTime(start.UtcDateTime);
                ev.DtEnd = new CalDateTime(start.UtcDateTime.AddHours(2));
            }
            else
            {
                ev.DtStart = new CalDateTime(e.Date);
                ev.DtEnd = new CalDateTime(e.Date.AddDays(1));
            }

            calendar.Events.Add(ev);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static string Slug(string title) =>
        new(title.ToLowerInvariant().Where(c => c is >= 'a' and <= 'z' or >= '0' and <= '9').Take(24).ToArray());
}
