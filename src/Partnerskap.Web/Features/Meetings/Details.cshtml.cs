using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Meetings;
using Partnerskap.Domain.Members;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Features.Shared;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Meetings;

/// <summary>A meeting: rules, the credential list (who represents whom), roll call, and its votes. The office administers it here.</summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class DetailsModel(PartnershipAccess access, AppDbContext db, Credentials credentials, Voting voting, UserManager<AppUser> users, Texts t,
    AnnualMeeting.AnnualMeetings annual)
    : PartnershipPage(access)
{
    public List<AgendaItem> Agenda { get; private set; } = [];

    public List<Proposal> Proposals { get; private set; } = [];

    [BindProperty]
    public string? ItemTitle { get; set; }

    public Task<IActionResult> OnPostAgendaAsync(string slug, int id, CancellationToken ct) =>
        OfficeAsync(slug, id, "itemTitle", () => annual.AddAgendaItemAsync(Meeting, ItemTitle, null, ct), t["Saken er lagt til sakslisten."], ct);

    public Task<IActionResult> OnPostNoticeAsync(string slug, int id, CancellationToken ct) =>
        OfficeAsync(slug, id, "", async () =>
        {
            var sent = await annual.SendNoticeAsync(Meeting, ct);
            TempData["Message"] = t.F("Innkallingen er sendt til {0} adresser. {1} medlemmer mangler kontaktperson med e-post.", sent.Recipients.Count, sent.MembersWithoutContact.Count);
        }, null, ct);

    public Meeting Meeting { get; private set; } = null!;

    public VotingRules Rules { get; private set; } = VotingRules.Default;

    public List<CredentialDto> CredentialList { get; private set; } = [];

    public List<VoteView> Votes { get; private set; } = [];

    /// <summary>Members with rights on the meeting date (MEM-5), for the credential form.</summary>
    public List<Member> Eligible { get; private set; } = [];

    public int HeldByMe { get; private set; }

    [BindProperty]
    public string? Orgnr { get; set; }

    [BindProperty]
    public string? RepresentativeEmail { get; set; }

    [BindProperty]
    public string? Question { get; set; }

    [BindProperty]
    public string? Options { get; set; }

    [BindProperty]
    public bool Secret { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, int id, CancellationToken ct) =>
        await LoadAllAsync(slug, id, ct) ?? Page();

    public Task<IActionResult> OnPostCredentialAsync(string slug, int id, CancellationToken ct) =>
        OfficeAsync(slug, id, "orgnr", () => credentials.GrantAsync(Meeting, new GrantCredential(id, Orgnr, RepresentativeEmail), ct), t["Fullmakten er registrert."], ct);

    public Task<IActionResult> OnPostPresenceAsync(string slug, int id, int credentialId, bool present, CancellationToken ct) =>
        OfficeAsync(slug, id, "", () => credentials.SetPresentAsync(Meeting, credentialId, present, ct), present ? t["Registrert til stede."] : t["Registrert som gått."], ct);

    public Task<IActionResult> OnPostRevokeAsync(string slug, int id, int credentialId, CancellationToken ct) =>
        OfficeAsync(slug, id, "", () => credentials.RevokeAsync(Meeting, credentialId, ct), t["Fullmakten er trukket tilbake."], ct);

    public Task<IActionResult> OnPostVoteAsync(string slug, int id, CancellationToken ct)
    {
        var options = string.IsNullOrWhiteSpace(Options) ? null : Options.Split(['\n', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        return OfficeAsync(slug, id, "question", () => voting.CreateAsync(Meeting, Question, options, null, Secret, ct), t["Avstemningen er opprettet som utkast."], ct);
    }

    private async Task<IActionResult> OfficeAsync(string slug, int id, string field, Func<Task> action, string? done, CancellationToken ct)
    {
        if (!User.IsOffice())
        {
            return Forbid();
        }

        if (await LoadAllAsync(slug, id, ct) is { } denied)
        {
            return denied;
        }

        var ok = await FormErrors.TryAsync(ModelState, t, action);
        if (!ok)
        {
            if (field.Length > 0 && ModelState.TryGetValue("", out var general) && general.Errors.Count > 0)
            {
                foreach (var e in general.Errors.ToList())
                {
                    ModelState.AddModelError(field, e.ErrorMessage);
                }

                ModelState.Remove("");
            }

            await LoadAllAsync(slug, id, ct);
            return Page();
        }

        if (done is not null)
        {
            TempData["Message"] = done;
        }

        return Redirect($"/{slug}/meetings/{id}");
    }

    private async Task<IActionResult?> LoadAllAsync(string slug, int id, CancellationToken ct)
    {
        if (await LoadAsync(slug, "meetings", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        db.ChangeTracker.Clear();
        if (await MeetingPages.MeetingAsync(db, Partnership.Id, id, ct) is not { } meeting)
        {
            return NotFound();
        }

        Meeting = meeting;
        Rules = await voting.RulesAsync(meeting, ct);
        CredentialList = meeting.Kind == MeetingKind.Annual ? await credentials.ListAsync(meeting, ct) : [];
        var votes = await db.Votes.AsNoTracking().Where(v => v.MeetingId == id).OrderBy(v => v.Id).ToListAsync(ct);
        Votes = [];
        foreach (var v in votes)
        {
            Votes.Add(await voting.ViewAsync(v, meeting, ct));
        }

        var members = await db.Members.AsNoTracking().Include(m => m.Notices).Where(m => m.PartnershipId == Partnership.Id).ToListAsync(ct);
        Eligible = members.Where(m => m.HasRightsOn(meeting.Date)).OrderBy(m => m.Name).ToList();
        HeldByMe = (await MeetingPages.HeldAsync(db, meeting, users.GetUserId(User), ct)).Count;
        Agenda = await db.AgendaItems.AsNoTracking().Where(a => a.MeetingId == id).OrderBy(a => a.Number).ToListAsync(ct);
        Proposals = await db.Proposals.AsNoTracking().Where(p => p.MeetingId == id).OrderBy(p => p.Id).ToListAsync(ct);
        return null;
    }
}
