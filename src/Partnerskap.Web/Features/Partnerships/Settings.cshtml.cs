using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Members;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Members;
using Partnerskap.Web.Features.Shared;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Partnerships;

/// <summary>Policy settings the agreement leaves open (MEM-3 late notice, MEM-5 withdrawal), each change with its decision.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class SettingsModel(PartnershipAccess access, AppDbContext db, AuditContext audit, Texts t) : PartnershipPage(access)
{
    public string LateNoticePolicy { get; private set; } = "";

    public bool NoticeWithdrawalAllowed { get; private set; }

    public string? DecisionRef { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, "settings", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        (LateNoticePolicy, NoticeWithdrawalAllowed, DecisionRef) =
            (RegisterApi.PolicyName(Partnership.LateNoticePolicy), Partnership.NoticeWithdrawalAllowed, Partnership.PolicyDecisionRef);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string? lateNoticePolicy, bool noticeWithdrawalAllowed, string? decisionRef, CancellationToken ct)
    {
        if (await LoadAsync(slug, "settings", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        (LateNoticePolicy, NoticeWithdrawalAllowed, DecisionRef) = (lateNoticePolicy ?? "", noticeWithdrawalAllowed, decisionRef);
        var p = await db.Partnerships.SingleAsync(x => x.Id == Partnership.Id, ct);
        var policy = lateNoticePolicy == "refused" ? Domain.Members.LateNoticePolicy.Refused : Domain.Members.LateNoticePolicy.EffectiveYearAfterNext;
        var ok = await FormErrors.TryAsync(ModelState, t, async () =>
        {
            p.ChangePolicy(policy, noticeWithdrawalAllowed, decisionRef ?? "");
            audit.DecisionRef = p.PolicyDecisionRef;
            await db.SaveChangesAsync(ct);
        });
        if (!ok)
        {
            return Page();
        }

        TempData["Message"] = t["Innstillingene er lagret."];
        return Redirect($"/{slug}/settings");
    }
}
