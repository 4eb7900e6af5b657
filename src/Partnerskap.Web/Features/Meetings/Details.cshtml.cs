using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Meetings;
using Partnerskap.Domain.Members;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Members;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Features.Shared;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Meetings;

/// <summary>A meeting: rules, the credential list (who represents whom), roll call, and its votes. The office administers it here.</summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class DetailsModel(PartnershipAccess access, AppDbContext db, Credentials credentials, Voting voting, UserManager<AppUser> users, Texts t,
    AnnualMeeting.AnnualMeetings annual, MemberDocuments documents, TimeProvider clock)
    : PartnershipPage(access)
{
    public List<AnnualMeeting.AnnualMeetings.AgendaPaper> Papers { get; private set; } = [];

    /// <summary>The member a member contact proposes for (its own), or null.</summary>
    public string? OwnOrgnr { get; private set; }

    /// <summary>Proposals may still be submitted (ORG-4: before the statutes' deadline).</summary>
    public bool ProposalsOpen { get; private set; }

    [BindProperty]
    public string? ProposalOrgnr { get; set; }

    [BindProperty]
    public string? ProposalTitle { get; set; }

    [BindProperty]
    public string? ProposalText { get; set; }

    [BindProperty]
    public int? Weight { get; set; }

    /// <summary>ORG-4: a member's proposal before the deadline; a member contact for its own member, the office for any member.</summary>
    public async Task<IActionResult> OnPostProposalAsync(string slug, int id, CancellationToken ct)
    {
        if (await LoadAllAsync(slug, id, ct) is { } denied)
        {
            return denied;
        }

        var orgnr = User.IsOffice() ? ProposalOrgnr?.Trim() : User.Orgnr();
        if (orgnr is null or "")
        {
            return Forbid();
        }

        var by = User.Identity?.Name ?? "";
        return await FinishAsync(slug, id, "proposalTitle", () => annual.ProposeAsync(Meeting, orgnr, ProposalTitle, ProposalText, by, ct),
            t["Forslaget er sendt inn. Styret gir sin innstilling før møtet."], ct);
    }

    /// <summary>The office enters the board's recommendation (styrets innstilling) beside a proposal.</summary>
    public Task<IActionResult> OnPostRecommendAsync(string slug, int id, int proposalId, string? recommendation, CancellationToken ct) =>
        OfficeAsync(slug, id, $"recommendation-{proposalId}", () => annual.RecommendAsync(proposalId, Partnership.Id, recommendation, ct), t["Styrets innstilling er lagret."], ct);

    /// <summary>The office attaches a paper to an agenda item.</summary>
    public Task<IActionResult> OnPostAgendaDocumentAsync(string slug, int id, int itemId, IFormFile? agendaDocument, CancellationToken ct) =>
        OfficeAsync(slug, id, $"agendaDocument-{itemId}", () => agendaDocument is { Length: > 0 }
            ? annual.AttachAgendaDocumentAsync(Meeting, itemId, new Upload(agendaDocument.FileName, agendaDocument.ContentType, agendaDocument.OpenReadStream), ct)
            : throw Domain.Common.RuleViolation.Invalid($"agendaDocument-{itemId}", t["Velg en fil."]), t["Dokumentet er lagt ved saken."], ct);

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

    /// <summary>Registers a representative or a proxy, with the signed authorisation (fullmakt) uploaded in the same step: both or neither are saved.</summary>
    public Task<IActionResult> OnPostCredentialAsync(string slug, int id, IFormFile? proxyDocument, CancellationToken ct) =>
        OfficeAsync(slug, id, "orgnr", async () =>
        {
            if (proxyDocument is not { Length: > 0 })
            {
                await credentials.GrantAsync(Meeting, new GrantCredential(id, Orgnr, RepresentativeEmail, Weight), ct);
                return;
            }

            var memberId = await db.Members.Where(m => m.PartnershipId == Partnership.Id && m.Orgnr == (Orgnr ?? "").Trim()).Select(m => (int?)m.Id).SingleOrDefaultAsync(ct);
            try
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var document = await documents.AddAsync(Partnership.Id, memberId, "proxy", new Upload(proxyDocument.FileName, proxyDocument.ContentType, proxyDocument.OpenReadStream),
                    "proxyDocument", ct);
                await db.SaveChangesAsync(ct);
                await credentials.GrantAsync(Meeting, new GrantCredential(id, Orgnr, RepresentativeEmail, Weight, document.Id), ct);
                await tx.CommitAsync(ct);
            }
            catch
            {
                await documents.DiscardAsync();
                throw;
            }
        }, t["Fullmakten er registrert."], ct);

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

        return await FinishAsync(slug, id, field, action, done, ct);
    }

    private async Task<IActionResult> FinishAsync(string slug, int id, string field, Func<Task> action, string? done, CancellationToken ct)
    {
        var ok = await FormErrors.TryAsync(ModelState, t, action);
        if (!ok)
        {
            if (field.Length > 0)
            {
                FormErrors.Move(ModelState, "", field);
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
        Eligible = members.Where(m => m.HasRightsOn(meeting.Date)).OrderBy(m => m.Name, Bokmal.Order).ToList();
        HeldByMe = (await MeetingPages.HeldAsync(db, meeting, users.GetUserId(User), ct)).Count;
        Agenda = await db.AgendaItems.AsNoTracking().Where(a => a.MeetingId == id).OrderBy(a => a.Number).ToListAsync(ct);
        Proposals = await db.Proposals.AsNoTracking().Where(p => p.MeetingId == id).OrderBy(p => p.Id).ToListAsync(ct);
        Papers = await annual.AgendaPapersAsync(id, ct);
        OwnOrgnr = User.Orgnr();
        ProposalsOpen = meeting.Kind == MeetingKind.Annual && meeting.Status != MeetingStatus.Closed
            && (meeting.ProposalDeadline is not { } last || Domain.Common.PartnershipTime.Today(clock) <= last);
        return null;
    }
}
