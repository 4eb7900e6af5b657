using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnerskap.Domain.Benefits;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Portfolio;
using Partnerskap.Web.Features.Members;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Features.Shared;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Portfolio;

/// <summary>
/// FIN-8: a project's benefits broken down per participating member, each with its owner at the member, indicator,
/// baseline, target and measurements; the office plans benefits; a member's contact reports its own; and who has not
/// reported for a period.
/// </summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class BenefitsModel(PartnershipAccess access, ProjectQueries queries, Benefits.Handler benefits, TimeProvider clock, Texts t) : PartnershipPage(access)
{
    public Project Project { get; private set; } = null!;

    public List<Benefit> All { get; private set; } = [];

    /// <summary>The period the overview and the report forms are for (a half-year's last day by default).</summary>
    public DateOnly Period { get; private set; }

    public List<Benefits.MemberStatus> Status { get; private set; } = [];

    public bool IsOffice => User.IsOffice();

    /// <summary>Which form was posted ("plan" or "report-{benefitId}"), so its errors show next to its own fields.</summary>
    public string? Posted { get; private set; }

    public bool CanReport(Benefit b) => MemberAccess.CanEdit(User, b.Orgnr);

    public string? Error(string form, string field) => Posted == form ? FormErrors.For(ModelState, field) : null;

    public async Task<IActionResult> OnGetAsync(string slug, int id, string? period, CancellationToken ct)
    {
        if (await LoadProjectAsync(slug, id, ct) is { } denied)
        {
            return denied;
        }

        if (FormDates.Parse(period, "period", ModelState, t) is { } p)
        {
            Period = p;
            Status = Benefits.ReportingStatus(Project.Participants, All, Period);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostPlanAsync(string slug, int id, string? orgnr, string? ownerName, string? ownerEmail, string? indicator, string? unit,
        string? baseline, string? target, CancellationToken ct)
    {
        if (await LoadProjectAsync(slug, id, ct) is { } denied)
        {
            return denied;
        }

        if (!IsOffice)
        {
            return Forbid();
        }

        Posted = "plan";
        var ok = await FormErrors.TryAsync(ModelState, t, async () =>
        {
            if (string.IsNullOrWhiteSpace(ownerName))
            {
                ModelState.AddModelError("ownerName", t["Oppgi gevinsteieren hos medlemmet (FIN-8)."]);
            }

            if (string.IsNullOrWhiteSpace(indicator))
            {
                ModelState.AddModelError("indicator", t["Oppgi indikatoren: hvordan gevinsten måles (FIN-8)."]);
            }

            var b = Number(baseline, "baseline");
            var g = Number(target, "target");
            if (ModelState.IsValid)
            {
                await benefits.PlanAsync(new Benefits.Plan(id, orgnr, ownerName, ownerEmail, indicator, unit, b, g), ct);
            }
        });
        return await DoneAsync(slug, id, ok, "plan-", t["Gevinsten er planlagt."], ct);
    }

    public async Task<IActionResult> OnPostReportAsync(string slug, int id, int benefitId, string? period, string? value, string? comment, CancellationToken ct)
    {
        if (await LoadProjectAsync(slug, id, ct) is { } denied)
        {
            return denied;
        }

        var benefit = All.FirstOrDefault(b => b.Id == benefitId);
        if (benefit is null)
        {
            return NotFound();
        }

        // FIN-8: only the member's own contact (or the office) reports the member's benefits.
        if (!CanReport(benefit))
        {
            return Forbid();
        }

        Posted = $"report-{benefitId}";
        var ok = await FormErrors.TryAsync(ModelState, t, async () =>
        {
            var p = FormDates.Parse(period, "period", ModelState, t);
            var v = Number(value, "value");
            if (p is null && ModelState.IsValid)
            {
                ModelState.AddModelError("period", t["Oppgi perioden (siste dag i perioden)."]);
            }

            if (ModelState.IsValid)
            {
                await benefits.ReportAsync(new Benefits.Report(benefitId, p, v, comment), User, ct);
            }
        });
        return await DoneAsync(slug, id, ok, $"report-{benefitId}-", t["Målingen er rapportert."], ct);
    }

    private async Task<IActionResult> DoneAsync(string slug, int id, bool ok, string prefix, string message, CancellationToken ct)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
        {
            FormErrors.Move(ModelState, key, prefix + (key.Length == 0 ? "form" : key));
        }

        if (!ok || !ModelState.IsValid)
        {
            await LoadProjectAsync(slug, id, ct);
            return Page();
        }

        TempData["Message"] = message;
        return Redirect($"/{slug}/portfolio/{id}/benefits");
    }

    private decimal? Number(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            ModelState.AddModelError(field, t["Skriv et tall, for eksempel 30 eller 12,5."]);
            return null;
        }

        var cleaned = value.Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal).Replace(',', '.');
        if (decimal.TryParse(cleaned, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        ModelState.AddModelError(field, t["Skriv et tall, for eksempel 30 eller 12,5."]);
        return null;
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
        All = await queries.BenefitsAsync(id, ct);
        Period = Benefits.LatestPeriod(PartnershipTime.Today(clock));
        Status = Benefits.ReportingStatus(project.Participants, All, Period);
        ViewData["Title"] = t.F("Gevinster: {0}", project.Name);
        return null;
    }
}
