using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnerskap.Domain.Portfolio;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Features.Shared;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Portfolio;

/// <summary>PUR-5, FIN-9: the portfolio overview: every project with phase, status, approved vs spent vs forecast and escalation flags.</summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class IndexModel(PartnershipAccess access, ProjectQueries queries, Texts t) : PartnershipPage(access)
{
    public List<ProjectQueries.OverviewRow> Rows => Overview.Rows;

    public ProjectQueries.OverviewPage Overview { get; private set; } = new([], 0, 1, ProjectQueries.OverviewFilter.DefaultPageSize, 0, 0, []);

    /// <summary>The filter as read from the query string (q, phase, status, flag, page); unknown values are ignored.</summary>
    public ProjectQueries.OverviewFilter Filter { get; private set; } = new();

    public BarChart? Chart { get; private set; }

    public bool IsOffice => User.IsOffice();

    public async Task<IActionResult> OnGetAsync(string slug, string? q, string? phase, string? status, string? flag,
        [FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        if (await LoadAsync(slug, "portfolio", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        Filter = new ProjectQueries.OverviewFilter(
            string.IsNullOrWhiteSpace(q) ? null : q.Trim(), OverviewNames.ParsePhase(phase), OverviewNames.ParseStatus(status), OverviewNames.ParseFlag(flag), pageNumber ?? 1);
        // ("page" is also Razor Pages' own route value, hence the explicit query binding.)
        Overview = await queries.OverviewPageAsync(Partnership.Id, Filter, ct);
        var charted = Overview.Largest;
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

    /// <summary>The overview's URL for another page with the same filter.</summary>
    public string PageUrl(int page)
    {
        var query = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add($"{key}={Uri.EscapeDataString(value)}");
            }
        }

        Add("q", Filter.Q);
        Add("phase", Filter.Phase?.ToApi());
        Add("status", Filter.Status?.ToApi());
        Add("flag", Filter.Flag?.ToApi());
        if (page > 1)
        {
            query.Add($"page={page}");
        }

        return $"/{Partnership.Slug}/portfolio" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }

    public string Phase(Domain.Portfolio.ProjectPhase p) => PortfolioText.Phase(t, p);

    public string Status(Domain.Portfolio.ProjectStatus s) => PortfolioText.Status(t, s);
}
