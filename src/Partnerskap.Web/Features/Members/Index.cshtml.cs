using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Members;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Members;

/// <summary>The member register with search and filters, on any date.</summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class IndexModel(PartnershipAccess access, ListMembers.Handler handler, TimeProvider clock, Texts t)
    : PartnershipPage(access)
{
    public List<ListMembers.Row> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public string? Q { get; private set; }

    public string? Kind { get; private set; }

    public string? Status { get; private set; }

    public DateOnly AsOf { get; private set; }

    public string? AsOfError { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string? q, string? kind, string? status, string? asOf, CancellationToken ct)
    {
        if (await LoadAsync(slug, "members", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        Q = q;
        Kind = kind;
        Status = status;
        AsOf = PartnershipTime.Today(clock);
        if (!string.IsNullOrWhiteSpace(asOf))
        {
            if (DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                AsOf = date;
            }
            else
            {
                AsOfError = t["Skriv datoen som åååå-mm-dd."];
            }
        }

        MemberKind? kindFilter = MemberNames.TryParseKind(kind, out var k) ? k : null;
        MembershipStatus? statusFilter = status switch
        {
            "member" => MembershipStatus.Member,
            "notice-given" => MembershipStatus.NoticeGiven,
            "exited" => MembershipStatus.Exited,
            _ => null,
        };

        // One read of the register: the total and the filtered rows both come from it.
        var all = await handler.AllAsync(Partnership.Id, AsOf, ct);
        Total = all.Count;
        Rows = ListMembers.Filter(all, new ListMembers.Query(Partnership.Id, AsOf, q, kindFilter, statusFilter));
        return Page();
    }
}
