using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Meetings;
using Partnerskap.Web.Data;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Meetings;

/// <summary>What the meeting pages share: loading within the partnership, and the words for statuses and outcomes.</summary>
public static class MeetingPages
{
    public static Task<Meeting?> MeetingAsync(AppDbContext db, int partnershipId, int id, CancellationToken ct) =>
        db.Meetings.SingleOrDefaultAsync(m => m.Id == id && m.PartnershipId == partnershipId, ct);

    public static async Task<(Vote Vote, Meeting Meeting)?> VoteAsync(AppDbContext db, int partnershipId, int id, CancellationToken ct)
    {
        var vote = await db.Votes.SingleOrDefaultAsync(v => v.Id == id, ct);
        var meeting = vote is null ? null : await MeetingAsync(db, partnershipId, vote.MeetingId, ct);
        return meeting is null ? null : (vote!, meeting);
    }

    /// <summary>The members this user holds at the meeting (own representative and proxies), with names.</summary>
    public static async Task<List<(Credential Credential, string Name)>> HeldAsync(AppDbContext db, Meeting meeting, string? userId, CancellationToken ct)
    {
        if (userId is null)
        {
            return [];
        }

        var partnershipId = meeting.PartnershipId;
        var rows = await (from c in db.Credentials.AsNoTracking()
                          join m in db.Members.Where(m => m.PartnershipId == partnershipId) on c.Orgnr equals m.Orgnr
                          where c.MeetingId == meeting.Id && c.RepresentativeUserId == userId && c.RevokedAt == null
                          select new { c, m.Name }).ToListAsync(ct);
        return rows.OrderBy(r => r.c.ViaOrgnr != null).ThenBy(r => r.Name, Bokmal.Order).Select(r => (r.c, r.Name)).ToList();
    }

    public static string? UserId(UserManager<AppUser> users, System.Security.Claims.ClaimsPrincipal user) => users.GetUserId(user);

    public static string Status(Texts t, string status) => status switch
    {
        "draft" => t["Utkast"],
        "open" => t["Åpen"],
        "closed" => t["Avsluttet"],
        _ => status,
    };

    public static string MeetingStatus(Texts t, MeetingStatus status) => status switch
    {
        Domain.Meetings.MeetingStatus.Planned => t["Planlagt"],
        Domain.Meetings.MeetingStatus.NoticeSent => t["Innkalt"],
        Domain.Meetings.MeetingStatus.InSession => t["Pågår"],
        _ => t["Avsluttet"],
    };

    public static string Option(Texts t, string option) => option switch
    {
        "for" => t["For"],
        "mot" => t["Mot"],
        "avstår" => t["Avstår"],
        _ => option,
    };

    public static string Outcome(Texts t, string? outcome) => outcome switch
    {
        null => "",
        Tally.Adopted => t["Vedtatt"],
        Tally.Rejected => t["Ikke vedtatt"],
        Tally.Tie => t["Stemmelikhet"],
        Tally.NoQuorum => t["Ikke beslutningsdyktig"],
        _ => t.F("Valgt: {0}", outcome),
    };
}
