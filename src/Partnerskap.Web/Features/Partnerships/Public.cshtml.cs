using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Decisions;
using Partnerskap.Domain.Meetings;
using Partnerskap.Domain.Members;
using Partnerskap.Domain.Portfolio;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Features.Partnerships;

/// <summary>
/// ORG-1 (transparency): what the partnership publishes, no login. The members (name, kind, membership dates: no
/// contacts, no money), the public journal, the decision register (decisions on restricted cases left out), the results
/// of closed votes of annual meetings (rehearsals left out) and the portfolio (name, kind, phase, status, owner).
/// The same data as the internal views; nothing restricted.
/// </summary>
[AllowAnonymous]
public sealed class PublicModel(PartnershipAccess access, AppDbContext db, TimeProvider clock) : PartnershipPage(access)
{
    public sealed record Row(string Name, MemberKind Kind, DateOnly JoinedOn, MembershipStatus? Status, DateOnly? ExitOn);

    public List<Row> Members { get; private set; } = [];

    public int JournalEntries { get; private set; }

    public sealed record DecisionRow(string Number, DecisionBody Body, DateOnly DecidedOn, string Title, string Text, string? VoteResult);

    public List<DecisionRow> Decisions { get; private set; } = [];

    public sealed record ResultRow(int VoteId, string Meeting, DateTimeOffset StartsAt, string Question, string? Outcome);

    public List<ResultRow> Results { get; private set; } = [];

    public sealed record ProjectRow(string Name, ProjectKind Kind, ProjectPhase Phase, ProjectStatus Status, string Owner);

    public List<ProjectRow> Projects { get; private set; } = [];

    /// <summary>How many of the newest decisions and results the page lists.</summary>
    public const int Newest = 50;

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
            .OrderBy(r => r.Kind).ThenBy(r => r.Name, Bokmal.Order).ToList();
        JournalEntries = await db.JournalEntries.CountAsync(e => e.PartnershipId == Partnership.Id, ct);

        // ORG-1: decisions are public unless their case is restricted (a dispute, a screened matter).
        var restrictedCases = db.Cases.Where(c => c.PartnershipId == Partnership.Id && c.Restricted).Select(c => c.Id);
        Decisions = await db.Decisions.AsNoTracking()
            .Where(d => d.PartnershipId == Partnership.Id && (d.CaseId == null || !restrictedCases.Contains(d.CaseId.Value)))
            .OrderByDescending(d => d.Year).ThenByDescending(d => d.Sequence).Take(Newest)
            .Select(d => new DecisionRow(d.Number, d.Body, d.DecidedOn, d.Title, d.Text, d.VoteResult)).ToListAsync(ct);
        var results = await (
            from v in db.Votes.AsNoTracking()
            join m in db.Meetings.AsNoTracking() on v.MeetingId equals m.Id
            where m.PartnershipId == Partnership.Id && m.Kind == MeetingKind.Annual && !m.Rehearsal && v.Status == VoteStatus.Closed
            select new { v.Id, m.Title, m.StartsAt, v.Question, v.Outcome }).ToListAsync(ct);
        Results = results.OrderByDescending(r => r.StartsAt).ThenBy(r => r.Id).Take(Newest)
            .Select(r => new ResultRow(r.Id, r.Title, r.StartsAt, r.Question, r.Outcome)).ToList();
        var projects = await (
            from p in db.Projects.AsNoTracking()
            join m in db.Members.AsNoTracking() on p.OwnerMemberId equals m.Id
            where p.PartnershipId == Partnership.Id
            select new ProjectRow(p.Name, p.Kind, p.Phase, p.Status, m.Name)).ToListAsync(ct);
        Projects = projects.OrderBy(p => p.Name, Bokmal.Order).ToList();
        return Page();
    }
}
