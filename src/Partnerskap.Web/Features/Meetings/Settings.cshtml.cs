using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnerskap.Domain.Meetings;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Features.Shared;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Meetings;

/// <summary>ORG-1/ORG-4: the annual meeting's rules from the statutes (deadlines, majority, quorum) with their source; the office changes them.</summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class SettingsModel(PartnershipAccess access, AnnualMeeting.AnnualMeetings annual, Texts t) : PartnershipPage(access)
{
    [BindProperty]
    public int NoticeDays { get; set; }

    [BindProperty]
    public int ProposalDays { get; set; }

    [BindProperty]
    public int ReminderDays { get; set; }

    [BindProperty]
    public MajorityRule Majority { get; set; }

    [BindProperty]
    public int? QuorumPercent { get; set; }

    [BindProperty]
    public QuorumPolicy QuorumPolicy { get; set; }

    [BindProperty]
    public string? Source { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, "meetings", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        var s = await annual.SettingsAsync(Partnership.Id, ct);
        (NoticeDays, ProposalDays, ReminderDays, Majority, QuorumPercent, QuorumPolicy, Source) =
            (s.NoticeDays, s.ProposalDays, s.ReminderDays, s.Majority, s.QuorumPercent, s.QuorumPolicy, s.Source);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (!User.IsOffice())
        {
            return Forbid();
        }

        if (await LoadAsync(slug, "meetings", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!await FormErrors.TryAsync(ModelState, t, () => annual.ChangeSettingsAsync(Partnership.Id, NoticeDays, ProposalDays, ReminderDays,
                new VotingRules(Majority, QuorumPercent, QuorumPolicy, Source), Source, ct)))
        {
            return Page();
        }

        TempData["Message"] = t["Reglene for årsmøtet er lagret."];
        return Redirect($"/{slug}/meetings/settings");
    }
}
