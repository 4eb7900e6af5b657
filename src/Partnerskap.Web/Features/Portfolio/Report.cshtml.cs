using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnerskap.Domain.Common;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Features.Shared;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Portfolio;

/// <summary>
/// The portfolio report for the programme board (June and December): money per project with a chart (FIN-9), open
/// escalations, benefits achieved vs planned per project and per member, who has not reported (FIN-8); PDF and Excel.
/// Read like the portfolio overview: anyone logged in with access to the partnership.
/// </summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class ReportModel(PartnershipAccess access, PortfolioReport reports, TimeProvider clock, Texts t) : PartnershipPage(access)
{
    public PortfolioReport.Report Report { get; private set; } = null!;

    public List<PortfolioReport.Period> Periods { get; private set; } = [];

    public BarChart? MoneyChart { get; private set; }

    public BarChart? BenefitChart { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string? period, CancellationToken ct)
    {
        if (await LoadAsync(slug, "portfolio", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        var today = PartnershipTime.Today(clock);
        var chosen = PortfolioReport.Period.Parse(period) ?? PortfolioReport.Period.Current(today);
        Periods = PortfolioReport.Period.Since(Math.Min(chosen.Year, Partnership.AgreementInForceFrom.Year), today);
        if (!Periods.Contains(chosen))
        {
            Periods.Insert(0, chosen);
        }

        Report = await reports.BuildAsync(Partnership.Id, chosen, ct);
        ViewData["Title"] = t.F("Porteføljerapport {0}", PeriodName(chosen));
        var money = Report.Projects.Where(p => p.Approved is not null).OrderByDescending(p => p.Approved).Take(20).ToList();
        if (money.Count > 0)
        {
            MoneyChart = new BarChart(
                t["Forbruk mot godkjent finansiering (de 20 største prosjektene)"],
                t["Stolpediagram: godkjent finansiering og forbruk per prosjekt. Tallene står i tabellen under."],
                t["Godkjent finansiering"], t["Forbrukt"],
                money.Select(r => new BarChart.Bar(Short(r.Name), r.Approved!.Value, r.Spent)).ToList());
        }

        var benefits = Report.ByProject.Take(20).ToList();
        if (benefits.Count > 0)
        {
            BenefitChart = new BarChart(
                t["Oppnådd mot planlagt gevinst per prosjekt"],
                t["Stolpediagram: planlagt gevinst (100 prosent av målet) og oppnådd andel per prosjekt ved periodens slutt. Tallene står i tabellen «Gevinster per prosjekt»."],
                t["Planlagt (mål = 100 %)"], t["Oppnådd"],
                benefits.Select(b => new BarChart.Bar(Short(b.Name), 100m, Math.Max(0m, (b.Achieved ?? 0m) * 100m))).ToList());
        }

        return Page();
    }

    public string PeriodName(PortfolioReport.Period p) => p.Month == 6 ? t.F("juni {0}", p.Year) : t.F("desember {0}", p.Year);

    public string Phase(Domain.Portfolio.ProjectPhase p) => PortfolioText.Phase(t, p);

    public static string Percent(decimal? v) => v is { } x ? (x * 100).ToString("0", System.Globalization.CultureInfo.CurrentCulture) + " %" : "–";

    public static string Number(decimal? v) => v is { } x ? x.ToString(decimal.Round(x) == x ? "N0" : "N2", System.Globalization.CultureInfo.CurrentCulture) : "–";

    private static string Short(string name) => name.Length > 28 ? name[..27] + "…" : name;
}
