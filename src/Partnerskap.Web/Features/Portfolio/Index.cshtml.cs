using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Features.Shared;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Portfolio;

/// <summary>PUR-5, FIN-9: the portfolio overview: every project with phase, status, approved vs spent vs forecast and escalation flags.</summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class IndexModel(PartnershipAccess access, ProjectQueries queries, Texts t) : PartnershipPage(access)
{
    public List<ProjectQueries.OverviewRow> Rows { get; private set; } = [];

    public BarChart? Chart { get; private set; }

    public bool IsOffice => User.IsOffice();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, "portfolio", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        Rows = await queries.OverviewAsync(Partnership.Id, ct);
        var charted = Rows.Where(r => r.Approved is not null).OrderByDescending(r => r.Approved).Take(20).ToList();
        if (charted.Count > 0)
        {
            Chart = new BarChart(
                t["Forbruk mot godkjent finansiering (de 20 største prosjektene)"],
                t["Stolpediagram: godkjent finansiering og forbruk per prosjekt. Tallene står i tabellen."],
                t["Godkjent finansiering"],
                t["Forbrukt"],
                charted.Select(r => new BarChart.Bar(r.Name.Length > 28 ? r.Name[..27] + "…" : r.Name, r.Approved!.Value, r.Spent)).ToList());
        }

        return Page();
    }

    public string Phase(Domain.Portfolio.ProjectPhase p) => PortfolioText.Phase(t, p);

    public string Status(Domain.Portfolio.ProjectStatus s) => PortfolioText.Status(t, s);
}
