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
    FollowUp.Handler followUp, TimeProvider clock, Texts t) : PartnershipPage(access)
{
    /// <summary>At most this many imported rows are listed after an import (all are recorded).</summary>
    public const int ImportedRowsShown = 200;

    public Project Project { get; private set; } = null!;

    public List<Expenditure> Expenditures { get; private set; } = [];

    public bool IsOffice => User.IsOffice();

    /// <summary>PUR-5: the office or the project manager writes status reports, risks and documents.</summary>
    public bool IsWriter { get; private set; }

    /// <summary>Status reports, newest first.</summary>
    public List<StatusReport> Reports { get; private set; } = [];

    /// <summary>The risk list: open first, highest score first.</summary>
    public IReadOnlyList<ProjectRisk> Risks { get; private set; } = [];

    public List<FollowUp.DocumentRow> Documents { get; private set; } = [];

    /// <summary>The ledger import's problems, one per bad line, in the user's language (nothing was recorded).</summary>
    public List<string> ImportProblems { get; private set; } = [];

    /// <summary>The rows the last import recorded (after the redirect), at most <see cref="ImportedRowsShown"/>.</summary>
    public List<ImportedRow> Imported { get; private set; } = [];

    public int ImportedCount { get; private set; }

    public sealed record ImportedRow(int Line, DateOnly Date, decimal Amount, string Description);

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

    public Task<IActionResult> OnPostStatusReportAsync(string slug, int id, string? date, string? overall, string? progress, string? nextSteps, CancellationToken ct) =>
        ActAsync(slug, id, "report", officeOnly: false, async () =>
        {
            var d = FormDates.Parse(date, "date", ModelState, t);
            if (d is null && ModelState.IsValid)
            {
                ModelState.AddModelError("date", t["Oppgi datoen rapporten gjelder."]);
            }

            if (string.IsNullOrWhiteSpace(progress))
            {
                ModelState.AddModelError("progress", t["Beskriv fremdriften siden forrige rapport."]);
            }

            if (!ModelState.IsValid)
            {
                return "";
            }

            await followUp.AddReportAsync(new FollowUp.AddReport(id, d, overall, progress, nextSteps), User, ct);
            return t["Statusrapporten er publisert."];
        }, ct, writerOnly: true, prefix: "report-");

    public Task<IActionResult> OnPostRiskAsync(string slug, int id, string? description, string? probability, string? consequence, string? owner, string? mitigation,
        CancellationToken ct) =>
        ActAsync(slug, id, "risk", officeOnly: false, async () =>
        {
            if (string.IsNullOrWhiteSpace(description))
            {
                ModelState.AddModelError("description", t["Beskriv risikoen."]);
            }

            var p = Level(probability, "probability");
            var c = Level(consequence, "consequence");
            if (string.IsNullOrWhiteSpace(owner))
            {
                ModelState.AddModelError("owner", t["Oppgi hvem som eier risikoen."]);
            }

            if (!ModelState.IsValid)
            {
                return "";
            }

            await followUp.AddRiskAsync(new FollowUp.AddRisk(id, description, p, c, owner, mitigation), User, ct);
            return t["Risikoen er registrert."];
        }, ct, writerOnly: true, prefix: "risk-");

    public Task<IActionResult> OnPostCloseRiskAsync(string slug, int id, int riskId, CancellationToken ct) =>
        ActAsync(slug, id, "closerisk", officeOnly: false, async () =>
        {
            await followUp.CloseRiskAsync(id, riskId, User, ct);
            return t["Risikoen er lukket."];
        }, ct, writerOnly: true);

    public Task<IActionResult> OnPostDocumentAsync(string slug, int id, string? title, IFormFile? file, CancellationToken ct) =>
        ActAsync(slug, id, "document", officeOnly: false, async () =>
        {
            if (file is null || file.Length == 0)
            {
                ModelState.AddModelError("file", t["Velg filen du vil laste opp."]);
                return "";
            }

            var upload = new Members.Upload(file.FileName, file.ContentType, file.OpenReadStream);
            await followUp.AddDocumentAsync(id, title, upload, User, ct);
            return t["Dokumentet er lagret."];
        }, ct, writerOnly: true, prefix: "document-");

    /// <summary>FIN-9: imports the ledger export; every bad line is listed next to the file field, and nothing is recorded unless every line is good and within the approved financing.</summary>
    public Task<IActionResult> OnPostImportAsync(string slug, int id, IFormFile? file, CancellationToken ct) =>
        ActAsync(slug, id, "import", officeOnly: true, async () =>
        {
            if (file is null || file.Length == 0)
            {
                ModelState.AddModelError("import-file", t["Velg CSV-filen fra regnskapet."]);
                return "";
            }

            string text;
            using (var reader = new StreamReader(file.OpenReadStream(), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
            {
                text = await reader.ReadToEndAsync(ct);
            }

            var (_, problems) = ExpenditureCsv.ParseDetailed(text);
            if (problems.Count > 0)
            {
                ImportProblems = problems.Select(ImportProblem).ToList();
                ModelState.AddModelError("import-file", t.F("Filen har {0} feil. Ingen utgifter er registrert.", problems.Count));
                return "";
            }

            var rows = await spending.ImportAsync(id, text, ct);
            TempData["Imported"] = System.Text.Json.JsonSerializer.Serialize(rows.Take(ImportedRowsShown).Select(r => new ImportedRow(r.Line, r.Date, r.Amount, r.Description)).ToList());
            TempData["ImportedCount"] = rows.Count;
            return t.F("{0} utgifter er importert fra regnskapet.", rows.Count);
        }, ct, prefix: "import-");

    public string? Error(string form, string field) => Posted == form ? FormErrors.For(ModelState, field) : null;

    private string ImportProblem(ExpenditureCsv.Problem p) => p.Field switch
    {
        "header" => t.F("Linje 1 må være overskriften date,amount,description (eller med semikolon), ikke «{0}».", p.Value),
        "columns" => t.F("Linje {0}: forventet 3 kolonner (date,amount,description), fant {1}.", p.Line, p.Value),
        "date" => t.F("Linje {0}: «{1}» er ikke en dato (ÅÅÅÅ-MM-DD).", p.Line, p.Value),
        "amount" => t.F("Linje {0}: «{1}» er ikke et positivt beløp i kroner (ingen negative beløp).", p.Line, p.Value),
        "description" => t.F("Linje {0}: beskrivelsen mangler.", p.Line),
        _ when p.Line == 0 && p.Message.Contains("empty", StringComparison.Ordinal) => t["Filen er tom."],
        _ => t["Filen har overskrift, men ingen utgifter."],
    };

    private int? Level(string? value, string field)
    {
        if (int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= ProjectRisk.MinLevel and <= ProjectRisk.MaxLevel)
        {
            return n;
        }

        ModelState.AddModelError(field, t["Velg et tall fra 1 til 5."]);
        return null;
    }

    private async Task<IActionResult> ActAsync(string slug, int id, string form, bool officeOnly, Func<Task<string>> action, CancellationToken ct, bool writerOnly = false,
        string? prefix = null)
    {
        if (await LoadProjectAsync(slug, id, ct) is { } denied)
        {
            return denied;
        }

        if ((officeOnly && !IsOffice) || (writerOnly && !IsWriter))
        {
            return Forbid();
        }

        Posted = form;
        string? message = null;
        var ok = await FormErrors.TryAsync(ModelState, t, async () => message = await action());
        if (prefix is not null)
        {
            foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
            {
                FormErrors.Move(ModelState, key, prefix + (key.Length == 0 ? "form" : key));
            }
        }

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
        IsWriter = FollowUp.CanWrite(User, project);
        Reports = await followUp.ReportsAsync(id, ct);
        Risks = await followUp.RisksAsync(id, ct);
        Documents = await followUp.DocumentsAsync(id, ct);
        if (TempData["Imported"] is string imported)
        {
            Imported = System.Text.Json.JsonSerializer.Deserialize<List<ImportedRow>>(imported) ?? [];
            ImportedCount = TempData["ImportedCount"] is int count ? count : Imported.Count;
        }
        ViewData["Title"] = project.Name;
        return null;
    }

    private decimal? Amount(string? value, string field) => PortfolioText.ParseAmount(t, value, field);
}
