using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Partnerskap.Domain.Portfolio;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Infrastructure;

namespace Partnerskap.Web.Features.Portfolio;

/// <summary>
/// The portfolio report for the board (June and December, FIN-8 benefits included) as JSON, PDF and Excel, and the
/// invoicing of member contributions under an approved financing plan (FIN-7).
/// </summary>
public static class PortfolioReportApi
{
    public sealed record ContributionInvoiceDto(int Id, string Number, string Orgnr, decimal Amount);

    public sealed record ContributionRunDto(int ProjectId, int Version, int Created, IReadOnlyList<ContributionInvoiceDto> Invoices);

    public static IServiceCollection AddPortfolioReport(this IServiceCollection services) => services
        .AddScoped<PortfolioReport>()
        .AddScoped<ContributionInvoices.Handler>()
        .AddScoped<GrantReminders>()
        .AddHostedService<GrantReminderService>();

    public sealed record ProjectDto(int Id, string Name, string Phase, string Status, string OwnerOrgnr, decimal? ApprovedFinancing, decimal Spent, decimal? Forecast,
        bool OpenEscalation, string? ForecastWarning);

    public sealed record TotalsDto(decimal ApprovedFinancing, decimal Spent, decimal Forecast);

    public sealed record EscalationDto(int ProjectId, string ProjectName, DateTimeOffset RaisedAt, string Trigger, string Reason, int? BoardCaseId);

    public sealed record BenefitDto(int ProjectId, string ProjectName, string Orgnr, string MemberName, string OwnerName, string Indicator, string? Unit,
        decimal Baseline, decimal Target, decimal? Latest, DateOnly? LatestPeriod, decimal? Achieved, bool Reported);

    public sealed record SummaryDto(string Key, string Name, int Benefits, int Reported, decimal? Achieved);

    public sealed record NotReportedDto(int ProjectId, string ProjectName, string Orgnr, string MemberName);

    public sealed record ReportDto(string Period, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly Generated, IReadOnlyList<ProjectDto> Projects, TotalsDto Totals,
        IReadOnlyList<EscalationDto> OpenEscalations, IReadOnlyList<BenefitDto> Benefits, IReadOnlyList<SummaryDto> BenefitsByProject,
        IReadOnlyList<SummaryDto> BenefitsByMember, IReadOnlyList<NotReportedDto> NotReported);

    public static IEndpointRouteBuilder MapPortfolioReportApi(this IEndpointRouteBuilder api)
    {
        // Read like the portfolio overview (GET …/projects): anyone logged in with access to the partnership.
        var r = api.MapGroup("/partnerships/{slug}/portfolio").WithTags("Portfolio").AddEndpointFilter<RuleViolationFilter>();
        r.MapGet("/report", Json).RequireAuthorization(Policies.LoggedIn)
            .WithSummary("The portfolio report for the board (period=YYYY-06|YYYY-12): money per project, open escalations, benefits achieved vs planned (FIN-8, FIN-9)");
        r.MapGet("/report.pdf", Pdf).RequireAuthorization(Policies.LoggedIn).WithSummary("The portfolio report as PDF, with charts");
        r.MapGet("/report.xlsx", Xlsx).RequireAuthorization(Policies.LoggedIn).WithSummary("The portfolio report as an Excel workbook, one sheet per table");
        var i = api.MapGroup("/projects/{id:int}").WithTags("Portfolio").AddEndpointFilter<RuleViolationFilter>();
        i.MapPost("/financing-plans/{version:int}/invoices", IssueContributions).RequireAuthorization(Policies.Office)
            .WithSummary("Invoice the member contributions of an approved plan version by its cost-sharing key; idempotent (FIN-7, office)");
        return api;
    }

    private static async Task<(PortfolioReport.Report? Report, ProblemHttpResult? Denied)> BuildAsync(string slug, string? period, ClaimsPrincipal user,
        PartnershipAccess access, PortfolioReport reports, TimeProvider clock, CancellationToken ct)
    {
        var (outcome, p) = await access.ReadAsync(slug, user, ct);
        if (outcome != PartnershipAccess.Outcome.Allowed)
        {
            return (null, Members.MembersApi.Denied(outcome, slug));
        }

        var chosen = period is null
            ? PortfolioReport.Period.Current(Domain.Common.PartnershipTime.Today(clock))
            : PortfolioReport.Period.Parse(period) ?? throw Domain.Common.RuleViolation.Invalid("period", "period is YYYY-06 (June report) or YYYY-12 (December report).");
        return (await reports.BuildAsync(p!.Id, chosen, ct), null);
    }

    private static async Task<Results<Ok<ReportDto>, ProblemHttpResult>> Json(string slug, string? period, ClaimsPrincipal user, PartnershipAccess access,
        PortfolioReport reports, TimeProvider clock, CancellationToken ct)
    {
        var (report, denied) = await BuildAsync(slug, period, user, access, reports, clock, ct);
        if (report is null)
        {
            return denied!;
        }

        return TypedResults.Ok(new ReportDto(
            report.Period.Key, report.Period.Start, report.Period.End, report.Today,
            report.Projects.Select(x => new ProjectDto(x.Id, x.Name, x.Phase.ToApi(), x.Status.ToApi(), x.OwnerOrgnr, x.Approved, x.Spent, x.Forecast, x.OpenEscalation,
                x.ForecastVerdict switch { Domain.Portfolio.ForecastVerdict.Deficit => "deficit", Domain.Portfolio.ForecastVerdict.EarlyWarning => "early-warning", _ => null })).ToList(),
            new TotalsDto(report.Totals.Approved, report.Totals.Spent, report.Totals.Forecast),
            report.Escalations.Select(e => new EscalationDto(e.ProjectId, e.ProjectName, e.RaisedAt, e.Trigger, e.Reason, e.BoardCaseId)).ToList(),
            report.Benefits.Select(b => new BenefitDto(b.ProjectId, b.ProjectName, b.Orgnr, b.MemberName, b.OwnerName, b.Indicator, b.Unit, b.Baseline, b.Target,
                b.Latest, b.LatestPeriod, b.Achieved, b.Reported)).ToList(),
            report.ByProject.Select(ToDto).ToList(), report.ByMember.Select(ToDto).ToList(),
            report.NotReported.Select(n => new NotReportedDto(n.ProjectId, n.ProjectName, n.Orgnr, n.MemberName)).ToList()));
    }

    private static SummaryDto ToDto(PortfolioReport.BenefitSummary s) => new(s.Key, s.Name, s.Benefits, s.Reported, s.Achieved);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Pdf(string slug, string? period, ClaimsPrincipal user, PartnershipAccess access,
        PortfolioReport reports, TimeProvider clock, CancellationToken ct)
    {
        var (report, denied) = await BuildAsync(slug, period, user, access, reports, clock, ct);
        return report is null
            ? denied!
            : TypedResults.File(PortfolioReportPdf.Render(report), "application/pdf", $"porteforljerapport-{slug}-{report.Period.Key}.pdf");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Xlsx(string slug, string? period, ClaimsPrincipal user, PartnershipAccess access,
        PortfolioReport reports, TimeProvider clock, CancellationToken ct)
    {
        var (report, denied) = await BuildAsync(slug, period, user, access, reports, clock, ct);
        return report is null
            ? denied!
            : TypedResults.File(await PortfolioReportXlsx.RenderAsync(report, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                $"porteforljerapport-{slug}-{report.Period.Key}.xlsx");
    }

    private static async Task<Ok<ContributionRunDto>> IssueContributions(int id, int version, ClaimsPrincipal user, AppDbContext db, PartnershipAccess access,
        ContributionInvoices.Handler handler, CancellationToken ct)
    {
        await PortfolioApi.ReadableProjectAsync(id, user, db, access, ct);
        var result = await handler.IssueAsync(new ContributionInvoices.Command(id, version), ct);
        return TypedResults.Ok(new ContributionRunDto(result.ProjectId, result.Version, result.Created,
            result.Invoices.Select(x => new ContributionInvoiceDto(x.Id, x.Number, x.Orgnr, x.Amount)).ToList()));
    }
}
