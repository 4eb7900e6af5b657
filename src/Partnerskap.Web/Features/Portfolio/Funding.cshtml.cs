using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Portfolio;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Features.Shared;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Portfolio;

/// <summary>FIN-5 base budget (grunnfinansiering) for a year with FIN-4 grants: does the base funding cover the two positions? The office adds lines and grants.</summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class FundingModel(PartnershipAccess access, Funding.Handler funding, ContributionInvoices.Handler contributions, TimeProvider clock, Texts t) : PartnershipPage(access)
{
    public int Year { get; private set; }

    public Funding.BaseBudgetView Budget { get; private set; } = null!;

    public List<Grant> Grants { get; private set; } = [];

    public bool IsOffice => User.IsOffice();

    /// <summary>FIN-7: approved plans with member contributions and how many participants are invoiced.</summary>
    public List<ContributionInvoices.PlanRow> Contributions { get; private set; } = [];

    public string? Posted { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, int? year, CancellationToken ct) =>
        await LoadFundingAsync(slug, year, ct) ?? Page();

    public Task<IActionResult> OnPostLineAsync(string slug, int? year, string? kind, string? description, string? budgeted, string? actual, string? forecast, CancellationToken ct) =>
        ActAsync(slug, year, "line", async () =>
        {
            await funding.AddLineAsync(new Funding.AddLine(Partnership.Id, Year, kind, description,
                PortfolioText.ParseAmount(t, budgeted, "budgeted"), PortfolioText.ParseAmount(t, actual, "actual"), PortfolioText.ParseAmount(t, forecast, "forecast")), ct);
            return t["Budsjettlinjen er lagt til."];
        }, ct);

    public Task<IActionResult> OnPostGrantAsync(string slug, int? year, string? funder, string? applied, string? appliedOn, string? grantDescription, CancellationToken ct) =>
        ActAsync(slug, year, "grant", async () =>
        {
            var on = FormDates.Parse(appliedOn, "appliedOn", ModelState, t);
            if (!ModelState.IsValid)
            {
                return "";
            }

            await funding.AddGrantAsync(new Funding.AddGrant(Partnership.Id, funder, "base-funding", null, Year, PortfolioText.ParseAmount(t, applied, "applied"), on, grantDescription), ct);
            return t["Søknaden om tilskudd er registrert."];
        }, ct);

    public Task<IActionResult> OnPostAwardAsync(string slug, int? year, int grantId, string? granted, string? received, string? conditions, string? reportingDeadline, CancellationToken ct) =>
        ActAsync(slug, year, "award", async () =>
        {
            var deadline = FormDates.Parse(reportingDeadline, "reportingDeadline", ModelState, t);
            if (!ModelState.IsValid)
            {
                return "";
            }

            if (!Grants.Any(g => g.Id == grantId))
            {
                throw RuleViolation.Invalid("grantId", t["Velg en søknad."], "FIN-4");
            }

            await funding.UpdateGrantAsync(new Funding.UpdateGrant(grantId, PortfolioText.ParseAmount(t, granted, "granted"), PortfolioText.ParseAmount(t, received, "received"), conditions, deadline), ct);
            return t["Tilskuddet er oppdatert."];
        }, ct);

    /// <summary>FIN-7: the office issues the member-contribution invoices of one approved plan version ("Fakturer medlemsbidrag").</summary>
    public Task<IActionResult> OnPostContributionsAsync(string slug, int? year, int projectId, int version, CancellationToken ct) =>
        ActAsync(slug, year, "contributions", async () =>
        {
            if (!Contributions.Any(c => c.ProjectId == projectId && c.Version == version))
            {
                throw RuleViolation.Invalid("contributions", t["Velg en godkjent finansieringsplan med medlemsbidrag."], "FIN-7");
            }

            try
            {
                var result = await contributions.IssueAsync(new ContributionInvoices.Command(projectId, version), ct);
                return result.Created == 0
                    ? t["Alle deltakerne er allerede fakturert for denne versjonen. Ingen nye fakturaer."]
                    : t.F("{0} fakturaer for medlemsbidrag er utstedt.", result.Created);
            }
            catch (RuleViolation v)
            {
                throw new RuleViolation(v.Kind, v.Message, v.Rule, "contributions");
            }
        }, ct);

    public string? Error(string form, string field) => Posted == form ? FormErrors.For(ModelState, field) : null;

    public string Kind(BudgetLineKind k) => PortfolioText.BudgetKind(t, k);

    public string Status(GrantStatus s) => PortfolioText.GrantStatus(t, s);

    private async Task<IActionResult> ActAsync(string slug, int? year, string form, Func<Task<string>> action, CancellationToken ct)
    {
        if (await LoadFundingAsync(slug, year, ct) is { } denied)
        {
            return denied;
        }

        if (!IsOffice)
        {
            return Forbid();
        }

        Posted = form;
        string? message = null;
        var ok = await FormErrors.TryAsync(ModelState, t, async () => message = await action());
        if (!ok || !ModelState.IsValid)
        {
            await LoadFundingAsync(slug, year, ct);
            return Page();
        }

        TempData["Message"] = message;
        return Redirect($"/{slug}/portfolio/funding?year={Year}");
    }

    private async Task<IActionResult?> LoadFundingAsync(string slug, int? year, CancellationToken ct)
    {
        if (await LoadAsync(slug, "portfolio", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        Year = year is >= 2000 and <= 2100 ? year.Value : PartnershipTime.Today(clock).Year;
        Budget = await funding.BaseBudgetAsync(Partnership.Id, Year, ct);
        Grants = await funding.GrantsAsync(Partnership.Id, ct);
        Contributions = await contributions.PlansAsync(Partnership.Id, ct);
        ViewData["Title"] = t.F("Grunnfinansiering og tilskudd {0}", Year);
        return null;
    }
}
