using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Benefits;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Portfolio;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Members;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Infrastructure;

namespace Partnerskap.Web.Features.Portfolio;

public static class PortfolioApi
{
    public sealed record CreateProjectBody(string? Name, string? Kind, string? OwnerOrgnr, List<string>? Participants, string? ProjectManager, string? Description);

    public sealed record IdDto(int Id);

    public sealed record OverviewDto(int Id, string Name, string Kind, string Phase, string Status, string OwnerOrgnr, decimal? ApprovedFinancing, decimal Spent,
        decimal? Forecast, bool OpenEscalation, string? ForecastWarning);

    public sealed record EscalationDto(int Id, DateTimeOffset RaisedAt, string Reason, string Status, string Trigger, string? Outcome, string? DecisionRef, int? BoardCaseId);

    public sealed record ParticipantDto(string Orgnr, string Name, DateOnly From);

    public sealed record ShareDto(string Orgnr, decimal Amount);

    public sealed record SourceDto(string Kind, string Description, decimal Amount, string? Key, IReadOnlyList<ShareDto>? Shares);

    public sealed record PlanDto(int Version, string Status, decimal Total, IReadOnlyList<SourceDto> Sources, DateTimeOffset ProposedAt, string? DecisionRef, DateOnly? ApprovedOn);

    public sealed record ProjectDto(int Id, string Name, decimal? ApprovedFinancing, decimal Spent, decimal? Forecast, IReadOnlyList<EscalationDto> Escalations,
        string Kind, string Phase, string Status, string OwnerOrgnr, string? ProjectManager, IReadOnlyList<ParticipantDto> Participants,
        int? ApprovedVersion, string? ForecastWarning);

    public sealed record ShareBody(string? Orgnr, decimal? Amount);

    public sealed record SourceBody(string? Kind, string? Description, decimal? Amount, string? Key, List<ShareBody>? Shares);

    public sealed record PlanBody(List<SourceBody>? Sources, decimal? Total);

    public sealed record VersionDto(int Version);

    public sealed record ApproveBody(string? DecisionRef);

    public sealed record ExpenditureBody(DateOnly? Date, decimal? Amount, string? Description);

    public sealed record ExpenditureDto(int Id, DateOnly Date, decimal Amount, string Description, DateTimeOffset RecordedAt);

    public sealed record ForecastBody(decimal? ExpectedTotalCost);

    public sealed record ForecastDto(decimal ExpectedTotalCost, string Verdict, int? EscalationId);

    public sealed record DecisionBody(string? DecisionRef, string? Outcome, decimal? NewApprovedFinancing);

    public sealed record ParticipantBody(string? Orgnr);

    public sealed record GateBody(string? DecisionRef);

    public static IServiceCollection AddPortfolio(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PortfolioOptions>(configuration.GetSection(PortfolioOptions.Section));
        return services
            .AddScoped<CreateProject.Handler>()
            .AddScoped<CreateProject.AddParticipantHandler>()
            .AddScoped<FinancingPlans.Handler>()
            .AddScoped<Spending.Handler>()
            .AddScoped<EscalationRaiser>()
            .AddScoped<ProjectQueries>()
            .AddScoped<Funding.Handler>()
            .AddScoped<Ideas.Handler>()
            .AddScoped<FollowUp.Handler>()
            .AddScoped<Benefits.Handler>()
            .AddScoped<PhaseGates>()
            .AddScoped<IPortfolioBoard, GovernancePortfolioBoard>()
            .AddScoped<Board.IDecisionEffect, ApproveFinancingPlanEffect>()
            .AddScoped<Board.IDecisionEffect, EscalationDecisionEffect>();
    }

    public static IEndpointRouteBuilder MapPortfolioApi(this IEndpointRouteBuilder api)
    {
        var p = api.MapGroup("/partnerships/{slug}/projects").WithTags("Portfolio").AddEndpointFilter<RuleViolationFilter>();
        p.MapGet("/", List).RequireAuthorization(Policies.LoggedIn).WithSummary("The portfolio: every project with approved financing, spent, forecast (PUR-5)");
        p.MapGet("/csv", Csv).RequireAuthorization(Policies.LoggedIn).WithSummary("The portfolio report as CSV (';', for Excel): approved, spent, forecast, escalation per project");
        p.MapPost("/", Create).RequireAuthorization(Policies.Office).WithSummary("Add a project or procurement (PUR-5, MEM-5, office)");

        var i = api.MapGroup("/projects/{id:int}").WithTags("Portfolio").AddEndpointFilter<RuleViolationFilter>();
        i.MapGet("/", Get).RequireAuthorization(Policies.LoggedIn).WithSummary("One project with approved financing, spent, forecast and escalations");
        i.MapPost("/participants", AddParticipant).RequireAuthorization(Policies.Office).WithSummary("Add a participating member (MEM-5, office)");
        i.MapPost("/phase", Advance).RequireAuthorization(Policies.Office).WithSummary("Pass the gate to the next phase on a board decision (PUR-5, office)");
        i.MapGet("/financing-plans", Plans).RequireAuthorization(Policies.LoggedIn).WithSummary("Versions of the financing plan (FIN-7)");
        i.MapPost("/financing-plans", Propose).RequireAuthorization(Policies.Office).WithSummary("Propose a version of the financing plan (FIN-7, office)");
        i.MapPost("/financing-plans/{version:int}/approve", Approve).RequireAuthorization(Policies.LoggedIn)
            .WithSummary("Approve a version on a board decision (FIN-7; a board seat holder, not observer)");
        i.MapGet("/expenditures", Expenditures).RequireAuthorization(Policies.LoggedIn).WithSummary("Expenditures, newest first");
        i.MapPost("/expenditures", Spend).RequireAuthorization(Policies.Office)
            .WithSummary("Record an expenditure; beyond the approved financing → 409 FIN-9, nothing recorded, escalation raised (office)");
        i.MapPost("/expenditures/import", Import).RequireAuthorization(Policies.Office)
            .WithSummary("Import expenditures from the ledger: text/csv with header date,amount,description; all or nothing (FIN-9, office)");
        i.MapPut("/forecast", Forecast).RequireAuthorization(Policies.Office).WithSummary("Forecast of total cost; above approved raises an escalation (FIN-9, office)");
        i.MapPost("/escalations/{eid:int}/decision", Decide).RequireAuthorization(Policies.LoggedIn)
            .WithSummary("The board's decision on an escalation: increase-financing, reduce-scope or stop (FIN-9; a board seat holder)");
        api.MapBenefitsApi();
        api.MapFollowUpApi();
        api.MapFundingApi();
        api.MapIdeasApi();
        return api;
    }

    /// <summary>Loads the project's partnership and checks the caller may read it (partnership separation).</summary>
    internal static Task<int> ReadableProjectAsync(int id, ClaimsPrincipal user, AppDbContext db, PartnershipAccess access, CancellationToken ct) =>
        ReadableAsync(db.Projects.Where(p => p.Id == id).Select(p => (int?)p.PartnershipId), "project", id, user, access, ct);

    /// <summary>
    /// Partnership separation for an id in the path (a project, grant, idea): <paramref name="partnershipOf"/> selects the
    /// entity's partnership; 404 when there is no such <paramref name="what"/>, 403 when the caller may not read it.
    /// </summary>
    internal static async Task<int> ReadableAsync(IQueryable<int?> partnershipOf, string what, int id, ClaimsPrincipal user, PartnershipAccess access, CancellationToken ct)
    {
        var pid = await partnershipOf.SingleOrDefaultAsync(ct) ?? throw new KeyNotFoundException($"There is no {what} {id}.");
        if (!await access.CanReadAsync(pid, user, ct))
        {
            throw new RuleViolation(ViolationKind.Forbidden, $"This {what} belongs to a partnership you do not have access to.");
        }

        return pid;
    }

    /// <summary>
    /// The portfolio list. Without <c>page</c>/<c>pageSize</c> every matching project (as before); with either, one page
    /// (default size 50, at most 500). Optional filters: <c>q</c> (name contains), <c>phase</c>, <c>status</c>,
    /// <c>flag</c> (any, escalated, deficit, early-warning). The body stays a plain array; the count of all matching
    /// projects is in <c>X-Total-Count</c>, and <c>Link</c> gives next/prev pages.
    /// </summary>
    private static async Task<Results<Ok<List<OverviewDto>>, ProblemHttpResult>> List(string slug, string? q, string? phase, string? status, string? flag, int? page, int? pageSize,
        HttpContext http, ClaimsPrincipal user, PartnershipAccess access, ProjectQueries queries, CancellationToken ct)
    {
        var (outcome, p) = await access.ReadAsync(slug, user, ct);
        if (outcome != PartnershipAccess.Outcome.Allowed)
        {
            return MembersApi.Denied(outcome, slug);
        }

        var filter = new ProjectQueries.OverviewFilter(
            string.IsNullOrWhiteSpace(q) ? null : q.Trim(),
            phase is null ? null : OverviewNames.ParsePhase(phase) ?? throw RuleViolation.Invalid("phase", "phase is idea, concept, planning, execution or conclusion.", "PUR-5"),
            status is null ? null : OverviewNames.ParseStatus(status) ?? throw RuleViolation.Invalid("status", "status is active, stopped or concluded."),
            flag is null ? null : OverviewNames.ParseFlag(flag) ?? throw RuleViolation.Invalid("flag", "flag is any, escalated, deficit or early-warning."),
            page ?? 1,
            pageSize);
        if (page is < 1)
        {
            throw RuleViolation.Invalid("page", "page starts at 1.");
        }

        if (pageSize is < 1 or > ProjectQueries.OverviewFilter.MaxPageSize)
        {
            throw RuleViolation.Invalid("pageSize", $"pageSize is 1 to {ProjectQueries.OverviewFilter.MaxPageSize}.");
        }

        List<ProjectQueries.OverviewRow> rows;
        if (page is null && pageSize is null)
        {
            rows = await queries.OverviewAsync(p!.Id, filter, ct);
            http.Response.Headers["X-Total-Count"] = rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            var result = await queries.OverviewPageAsync(p!.Id, filter, ct);
            rows = result.Rows;
            http.Response.Headers["X-Total-Count"] = result.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var links = new List<string>();
            string Url(int n)
            {
                var query = System.Web.HttpUtility.ParseQueryString(http.Request.QueryString.Value ?? "");
                query["page"] = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                query["pageSize"] = result.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return $"<{http.Request.Path}?{query}>";
            }

            if (result.Page < result.Pages)
            {
                links.Add(Url(result.Page + 1) + "; rel=\"next\"");
            }

            if (result.Page > 1)
            {
                links.Add(Url(result.Page - 1) + "; rel=\"prev\"");
            }

            if (links.Count > 0)
            {
                http.Response.Headers.Link = string.Join(", ", links);
            }
        }

        return TypedResults.Ok(rows.Select(r => new OverviewDto(r.Id, r.Name, r.Kind.ToApi(), r.Phase.ToApi(), r.Status.ToApi(), r.OwnerOrgnr, r.Approved, r.Spent,
            r.Forecast, r.OpenEscalation, Warning(r.ForecastVerdict))).ToList());
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Csv(string slug, ClaimsPrincipal user, PartnershipAccess access, ProjectQueries q, CancellationToken ct)
    {
        var (outcome, p) = await access.ReadAsync(slug, user, ct);
        if (outcome != PartnershipAccess.Outcome.Allowed)
        {
            return MembersApi.Denied(outcome, slug);
        }

        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var csv = new System.Text.StringBuilder("id;name;kind;phase;status;ownerOrgnr;approvedFinancing;spent;forecast;openEscalation;forecastWarning\n");
        foreach (var r in await q.OverviewAsync(p!.Id, ct))
        {
            csv.Append(inv, $"{r.Id};\"{r.Name.Replace("\"", "\"\"", StringComparison.Ordinal)}\";{r.Kind.ToApi()};{r.Phase.ToApi()};{r.Status.ToApi()};{r.OwnerOrgnr};");
            csv.Append(inv, $"{r.Approved:0.00};{r.Spent:0.00};{r.Forecast:0.00};{(r.OpenEscalation ? "yes" : "no")};{Warning(r.ForecastVerdict)}\n");
        }

        // UTF-8 with BOM so Excel reads æøå.
        return TypedResults.File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(csv.ToString())).ToArray(),
            "text/csv; charset=utf-8", $"portefolje-{slug}.csv");
    }

    private static async Task<Results<Created<IdDto>, ProblemHttpResult>> Create(string slug, CreateProjectBody body, ClaimsPrincipal user, PartnershipAccess access, CreateProject.Handler handler, CancellationToken ct)
    {
        var (outcome, p) = await access.ReadAsync(slug, user, ct);
        if (outcome != PartnershipAccess.Outcome.Allowed)
        {
            return MembersApi.Denied(outcome, slug);
        }

        var project = await handler.Handle(new CreateProject.Command(p!.Id, body.Name, body.Kind, body.OwnerOrgnr, body.Participants, body.ProjectManager, body.Description), ct);
        return TypedResults.Created($"/api/projects/{project.Id}", new IdDto(project.Id));
    }

    private static async Task<Ok<ProjectDto>> Get(int id, ClaimsPrincipal user, AppDbContext db, PartnershipAccess access, ProjectQueries q, CancellationToken ct)
    {
        await ReadableProjectAsync(id, user, db, access, ct);
        var project = (await q.ProjectAsync(id, ct))!;
        return TypedResults.Ok(ToDto(project, q.EarlyWarningPercent));
    }

    internal static ProjectDto ToDto(Project p, decimal earlyWarningPercent) => new(
        p.Id, p.Name, p.ApprovedFinancing, p.Spent, p.Forecast,
        p.Escalations.OrderBy(e => e.RaisedAt).Select(e => new EscalationDto(e.Id, e.RaisedAt, e.Reason, e.Status.ToApi(), e.Trigger.ToString().ToLowerInvariant(),
            e.Outcome?.ToApi(), e.DecisionRef, e.BoardCaseId)).ToList(),
        p.Kind.ToApi(), p.Phase.ToApi(), p.Status.ToApi(), p.OwnerOrgnr, p.ProjectManager,
        p.Participants.OrderBy(x => x.Name, Bokmal.Order).Select(x => new ParticipantDto(x.Orgnr, x.Name, x.From)).ToList(),
        p.ApprovedPlan?.Version, Warning(p.ForecastVerdictNow(earlyWarningPercent)));

    private static string? Warning(ForecastVerdict? v) => v switch
    {
        ForecastVerdict.Deficit => "deficit",
        ForecastVerdict.EarlyWarning => "early-warning",
        _ => null,
    };

    private static async Task<Created<ParticipantDto>> AddParticipant(int id, ParticipantBody body, ClaimsPrincipal user, AppDbContext db, PartnershipAccess access,
        CreateProject.AddParticipantHandler handler, CancellationToken ct)
    {
        await ReadableProjectAsync(id, user, db, access, ct);
        if (string.IsNullOrWhiteSpace(body.Orgnr))
        {
            throw RuleViolation.Invalid("orgnr", "Give the member's orgnr.", "MEM-5");
        }

        var participant = await handler.Handle(id, body.Orgnr.Trim(), ct);
        return TypedResults.Created($"/api/projects/{id}", new ParticipantDto(participant.Orgnr, participant.Name, participant.From));
    }

    private static async Task<Ok<ProjectDto>> Advance(int id, GateBody body, ClaimsPrincipal user, AppDbContext db, PartnershipAccess access, PhaseGates gates,
        ProjectQueries q, CancellationToken ct)
    {
        await ReadableProjectAsync(id, user, db, access, ct);
        await gates.AdvanceAsync(id, body.DecisionRef, ct);
        return TypedResults.Ok(ToDto((await q.ProjectAsync(id, ct))!, q.EarlyWarningPercent));
    }

    private static async Task<Ok<List<PlanDto>>> Plans(int id, ClaimsPrincipal user, AppDbContext db, PartnershipAccess access, CancellationToken ct)
    {
        await ReadableProjectAsync(id, user, db, access, ct);
        var plans = await db.FinancingPlans.AsNoTracking().Where(f => f.ProjectId == id).OrderBy(f => f.Version).ToListAsync(ct);
        return TypedResults.Ok(plans.Select(ToDto).ToList());
    }

    internal static PlanDto ToDto(FinancingPlan f) => new(
        f.Version, f.Status.ToString().ToLowerInvariant(), f.Total,
        f.Sources.Select(s => new SourceDto(s.Kind.ToApi(), s.Description, s.Amount, s.Key?.ToApi(), s.Shares?.Select(x => new ShareDto(x.Orgnr, x.Amount)).ToList())).ToList(),
        f.ProposedAt, f.DecisionRef, f.ApprovedOn);

    private static async Task<Created<VersionDto>> Propose(int id, PlanBody body, ClaimsPrincipal user, AppDbContext db, PartnershipAccess access, FinancingPlans.Handler handler, CancellationToken ct)
    {
        await ReadableProjectAsync(id, user, db, access, ct);
        var plan = await handler.ProposeAsync(new FinancingPlans.Propose(id, ToSources(body.Sources), body.Total), ct);
        return TypedResults.Created($"/api/projects/{id}/financing-plans", new VersionDto(plan.Version));
    }

    /// <summary>The API's source list as domain sources; unknown kinds and keys are 400 with the field.</summary>
    public static List<FundingSource>? ToSources(List<SourceBody>? sources) =>
        sources?.Select((s, n) =>
        {
            var kind = PortfolioNames.ParseSourceKind(s.Kind)
                ?? throw RuleViolation.Invalid($"sources[{n}].kind", "kind is base-funding, grant, member-contribution or other.", "FIN-7");
            CostSharingKey? key = s.Key is null ? null : PortfolioNames.ParseKey(s.Key)
                ?? throw RuleViolation.Invalid($"sources[{n}].key", "key is per-capita, equal or custom.", "FIN-7");
            return new FundingSource(kind, s.Description ?? "", s.Amount ?? 0m, key,
                s.Shares?.Select(x => new MemberShare(x.Orgnr ?? "", x.Amount ?? 0m)).ToList());
        }).ToList();

    private static async Task<Ok<PlanDto>> Approve(int id, int version, ApproveBody body, ClaimsPrincipal user, AppDbContext db, PartnershipAccess access,
        FinancingPlans.Handler handler, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.DecisionRef))
        {
            throw RuleViolation.Invalid("decisionRef", "A financing plan is approved by a board decision: give its reference (decisionRef).", "FIN-7");
        }

        await ReadableProjectAsync(id, user, db, access, ct);
        var plan = await handler.ApproveAsync(new FinancingPlans.Approve(id, version, body.DecisionRef), user, ct);
        return TypedResults.Ok(ToDto(plan));
    }

    private static async Task<Ok<List<ExpenditureDto>>> Expenditures(int id, ClaimsPrincipal user, AppDbContext db, PartnershipAccess access, ProjectQueries q, CancellationToken ct)
    {
        await ReadableProjectAsync(id, user, db, access, ct);
        return TypedResults.Ok((await q.ExpendituresAsync(id, ct)).Select(ToDto).ToList());
    }

    private static ExpenditureDto ToDto(Expenditure e) => new(e.Id, e.Date, e.Amount, e.Description, e.RecordedAt);

    private static async Task<Created<ExpenditureDto>> Spend(int id, ExpenditureBody body, ClaimsPrincipal user, AppDbContext db, PartnershipAccess access, Spending.Handler handler, CancellationToken ct)
    {
        await ReadableProjectAsync(id, user, db, access, ct);
        var e = await handler.SpendAsync(new Spending.Spend(id, body.Date, body.Amount, body.Description), ct);
        return TypedResults.Created($"/api/projects/{id}/expenditures", ToDto(e));
    }

    public sealed record ImportDto(int Imported);

    private static async Task<Ok<ImportDto>> Import(int id, HttpRequest request, ClaimsPrincipal user, AppDbContext db, PartnershipAccess access, Spending.Handler handler, CancellationToken ct)
    {
        await ReadableProjectAsync(id, user, db, access, ct);
        using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var text = await reader.ReadToEndAsync(ct);
        return TypedResults.Ok(new ImportDto((await handler.ImportAsync(id, text, ct)).Count));
    }

    private static async Task<Ok<ForecastDto>> Forecast(int id, ForecastBody body, ClaimsPrincipal user, AppDbContext db, PartnershipAccess access, Spending.Handler handler, CancellationToken ct)
    {
        await ReadableProjectAsync(id, user, db, access, ct);
        var r = await handler.SetForecastAsync(new Spending.SetForecast(id, body.ExpectedTotalCost), ct);
        return TypedResults.Ok(new ForecastDto(r.ExpectedTotalCost, Warning(r.Verdict) ?? "within-financing", r.Raised?.Id));
    }

    private static async Task<Ok<EscalationDto>> Decide(int id, int eid, DecisionBody body, ClaimsPrincipal user, AppDbContext db, PartnershipAccess access, Spending.Handler handler, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.DecisionRef))
        {
            throw RuleViolation.Invalid("decisionRef", "The board decides an escalation: give the decision's reference (decisionRef).", "FIN-9");
        }

        await ReadableProjectAsync(id, user, db, access, ct);
        var e = await handler.DecideAsync(new Spending.Decide(id, eid, body.DecisionRef, body.Outcome, body.NewApprovedFinancing), user, ct);
        return TypedResults.Ok(new EscalationDto(e.Id, e.RaisedAt, e.Reason, e.Status.ToApi(), e.Trigger.ToString().ToLowerInvariant(), e.Outcome?.ToApi(), e.DecisionRef, e.BoardCaseId));
    }
}
