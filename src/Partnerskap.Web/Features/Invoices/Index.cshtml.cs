using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnerskap.Domain.Common;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Fees;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Invoices;

/// <summary>Invoices and the income overview (invoiced vs paid per member). A member contact sees its own organisation's.</summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class IndexModel(PartnershipAccess access, AppDbContext db, TimeProvider clock, Texts t) : PartnershipPage(access)
{
    public sealed record MemberIncome(string Name, decimal Invoiced, decimal Paid);

    public int? Year { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public List<FeesApi.InvoiceDto> Invoices { get; private set; } = [];

    public List<MemberIncome> PerMember { get; private set; } = [];

    public decimal Invoiced { get; private set; }

    public decimal Paid { get; private set; }

    public bool IsOffice => User.IsOffice();

    public async Task<IActionResult> OnGetAsync(string slug, int? year, CancellationToken ct)
    {
        if (await LoadAsync(slug, "fees", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        var thisYear = PartnershipTime.Today(clock).Year;
        Years = Enumerable.Range(Partnership.AgreementInForceFrom.Year, thisYear + 2 - Partnership.AgreementInForceFrom.Year).Reverse().ToList();
        Year = year;
        Invoices = await FeesApi.ListAsync(db, Partnership.Id, year, User, ct);
        var standing = Invoices.Where(i => i.Kind == "invoice" && i.Status != "credited").ToList();
        Invoiced = standing.Sum(i => i.Amount);
        Paid = standing.Where(i => i.Status == "paid").Sum(i => i.Amount);
        PerMember = standing.GroupBy(i => i.BuyerName)
            .Select(g => new MemberIncome(g.Key, g.Sum(i => i.Amount), g.Where(i => i.Status == "paid").Sum(i => i.Amount)))
            .OrderByDescending(m => m.Invoiced)
            .ToList();
        return Page();
    }

    public string StatusText(string status) => status switch
    {
        "issued" => t["Utstedt"],
        "sent" => t["Sendt"],
        "paid" => t["Betalt"],
        "credited" => t["Kreditert"],
        _ => status,
    };
}
