using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Portfolio;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Features.Shared;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Portfolio;

/// <summary>
/// One project: participants, phase and gates, financing plan versions (FIN-7), expenditures and forecast under the
/// FIN-9 guard, escalations. The office proposes plans and records spending; board seat holders approve and decide.
/// </summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class ProjectModel(
    PartnershipAccess access, ProjectQueries queries, Funding.Handler funding, FinancingPlans.Handler plans, Spending.Handler spending, PhaseGates gates, IPortfolioBoard board,
    TimeProvider clock, Texts t) : PartnershipPage(access)
{
    public Project Project { get; private set; } = null!;

    public List<Expenditure> Expenditures { get; private set; } = [];

    public bool IsOffice => User.IsOffice();

    /// <summary>FIN-4: grants applied for this project, the plan's grant sources and how much of them is not yet granted.</summary>
    public List<Grant> ProjectGrants { get; private set; } = [];

    public decimal PlannedGrants { get; private set; }

    public decimal NotYetGranted { get; private set; }

    /// <summary>FIN-3: in-kind contributions per member (never invoiced).</summary>
    public List<InKind.MemberTotal> InKindTotals { get; private set; } = [];

    /// <summary>ORG-2: the user holds a voting board seat today (approves plans, decides escalations).</summary>
    public bool IsBoard { get; private set; }

    /// <summary>Which form was posted, so its errors show next to its own fields.</summary>
    public string? Posted { get; private set; }

    public decimal EarlyWarningPercent => queries.EarlyWarningPercent;

    public async Task<IActionResult> OnGetAsync(string slug, int id, CancellationToken ct) =>
        await LoadProjectAsync(slug, id, ct) ?? Page();

    public Task<IActionResult> OnPostProposeAsync(string slug, int id, string[]? kind, string[]? description, string[]? amount, CancellationToken ct) =>
        ActAsync(slug, id, "propose", officeOnly: true, async () =>
        {
            var sources = new List<FundingSource>();
            for (var i = 0; i < (kind?.Length ?? 0); i++)
            {
                var a = Amount(amount?.ElementAtOrDefault(i), $"sources[{sources.Count}].amount");
                if (a is null && string.IsNullOrWhiteSpace(description?.ElementAtOrDefault(i)))
                {
                    continue; // an empty row
                }

                var k = PortfolioNames.ParseSourceKind(kind![i]) ?? FundingSourceKind.Other;
                sources.Add(new FundingSource(k, description?.ElementAtOrDefault(i) ?? "", a ?? 0m, k == FundingSourceKind.MemberContribution ? CostSharingKey.PerCapita : null));
            }

            var plan = await plans.ProposeAsync(new FinancingPlans.Propose(id, sources, null), ct);
            return t.F("Versjon {0} av finansieringsplanen er foreslått og lagt fram for programstyret.", plan.Version);
        }, ct);

    public Task<IActionResult> OnPostApproveAsync(string slug, int id, int version, string? decisionRef, CancellationToken ct) =>
        ActAsync(slug, id, "approve", officeOnly: false, async () =>
        {
            await plans.ApproveAsync(new FinancingPlans.Approve(id, version, decisionRef), User, ct);
            return t.F("Versjon {0} er godkjent og er nå rammen for forbruket.", version);
        }, ct);

    public Task<IActionResult> OnPostSpendAsync(string slug, int id, string? date, string? amount, string? description, CancellationToken ct) =>
        ActAsync(slug, id, "spend", officeOnly: true, async () =>
        {
            var d = FormDates.Parse(date, "date", ModelState, t);
            var a = Amount(amount, "amount");
            if (!ModelState.IsValid)
            {
                return ""; // a bad date: shown next to the field, nothing sent
            }

            await spending.SpendAsync(new Spending.Spend(id, d, a, description), ct);
            return t["Utgiften er registrert."];
        }, ct);

    public Task<IActionResult> OnPostForecastAsync(string slug, int id, string? expectedTotalCost, CancellationToken ct) =>
        ActAsync(slug, id, "forecast", officeOnly: true, async () =>
        {
            var r = await spending.SetForecastAsync(new Spending.SetForecast(id, Amount(expectedTotalCost, "expectedTotalCost")), ct);
            return r.Verdict switch
            {
                ForecastVerdict.Deficit => t["Prognosen er over godkjent finansiering. Programstyret og de deltakende medlemmene er varslet (FIN-9)."],
                ForecastVerdict.EarlyWarning => t["Prognosen er lagret. Den er nær godkjent finansiering (tidlig varsel)."],
                _ => t["Prognosen er lagret."],
            };
        }, ct);

    public Task<IActionResult> OnPostDecideAsync(string slug, int id, int escalationId, string? decisionRef, string? outcome, string? newApprovedFinancing, CancellationToken ct) =>
        ActAsync(slug, id, "decide", officeOnly: false, async () =>
        {
            await spending.DecideAsync(new Spending.Decide(id, escalationId, decisionRef, outcome, Amount(newApprovedFinancing, "newApprovedFinancing")), User, ct);
            return t["Programstyrets vedtak om eskaleringen er registrert."];
        }, ct);

    public Task<IActionResult> OnPostPhaseAsync(string slug, int id, string? decisionRef, CancellationToken ct) =>
        ActAsync(slug, id, "phase", officeOnly: true, async () =>
        {
            await gates.AdvanceAsync(id, decisionRef, ct);
            return t["Prosjektet er flyttet til neste fase."];
        }, ct);

    public Task<IActionResult> OnPostGrantAsync(string slug, int id, string? funder, string? applied, CancellationToken ct) =>
        ActAsync(slug, id, "grant", officeOnly: true, async () =>
        {
            await funding.AddGrantAsync(new Funding.AddGrant(Partnership.Id, funder, "project", id, null, Amount(applied, "applied"), null, null), ct);
            return t["Søknaden om tilskudd er registrert."];
        }, ct);

    public Task<IActionResult> OnPostInKindAsync(string slug, int id, string? orgnr, string? description, string? hours, string? value, CancellationToken ct) =>
        ActAsync(slug, id, "inkind", officeOnly: true, async () =>
        {
            await funding.AddInKindAsync(new Funding.AddInKind(id, orgnr, null, description, Amount(hours, "hours"), Amount(value, "value")), ct);
            return t["Egeninnsatsen er registrert."];
        }, ct);

    public string? Error(string form, string field) => Posted == form ? FormErrors.For(ModelState, field) : null;

    private async Task<IActionResult> ActAsync(string slug, int id, string form, bool officeOnly, Func<Task<string>> action, CancellationToken ct)
    {
        if (await LoadProjectAsync(slug, id, ct) is { } denied)
        {
            return denied;
        }

        if (officeOnly && !IsOffice)
        {
            return Forbid();
        }

        Posted = form;
        string? message = null;
        var ok = await FormErrors.TryAsync(ModelState, t, async () => message = await action());
        if (!ok || !ModelState.IsValid)
        {
            await LoadProjectAsync(slug, id, ct); // show the state as saved: a refused request changed nothing (but may have raised an escalation)
            return Page();
        }

        TempData["Message"] = message;
        return Redirect($"/{slug}/portfolio/{id}");
    }

    private async Task<IActionResult?> LoadProjectAsync(string slug, int id, CancellationToken ct)
    {
        if (await LoadAsync(slug, "portfolio", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        var project = await queries.ProjectAsync(id, ct);
        if (project is null || project.PartnershipId != Partnership.Id)
        {
            return NotFound();
        }

        Project = project;
        Expenditures = await queries.ExpendituresAsync(id, ct);
        (ProjectGrants, PlannedGrants, NotYetGranted) = await funding.ProjectGrantsAsync(project, ct);
        InKindTotals = InKind.PerMember(await funding.InKindAsync(id, ct));
        IsBoard = await board.HoldsVotingSeatAsync(Partnership.Id, User, PartnershipTime.Today(clock), ct);
        ViewData["Title"] = project.Name;
        return null;
    }

    private decimal? Amount(string? value, string field) => PortfolioText.ParseAmount(t, value, field);
}
