using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Partnerskap.Domain.Portfolio;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Members;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Infrastructure;

namespace Partnerskap.Web.Features.Portfolio;

/// <summary>Status reports, risks and documents of a project (PUR-5): read by whoever may read the project; written by the office or the project manager.</summary>
public static class FollowUpApi
{
    public sealed record StatusReportBody(DateOnly? Date, string? Overall, string? Progress, string? NextSteps);

    public sealed record StatusReportDto(int Id, DateOnly Date, string Overall, string Progress, string? NextSteps, DateTimeOffset PublishedAt, string PublishedBy);

    public sealed record RiskBody(string? Description, int? Probability, int? Consequence, string? Owner, string? Mitigation);

    public sealed record RiskDto(int Id, string Description, int Probability, int Consequence, int Score, string Owner, string? Mitigation, string Status,
        DateTimeOffset RegisteredAt, DateTimeOffset? ClosedAt);

    public sealed record DocumentUploadBody(string? Title, MembersApi.DocumentBody? Document);

    public sealed record DocumentDto(int Id, string Title, string FileName, string ContentType, long Length, DateTimeOffset UploadedAt, string UploadedBy, string Url);

    public static IEndpointRouteBuilder MapFollowUpApi(this IEndpointRouteBuilder api)
    {
        var i = api.MapGroup("/projects/{id:int}").WithTags("Portfolio").AddEndpointFilter<RuleViolationFilter>();
        i.MapGet("/status-reports", Reports).RequireAuthorization(Policies.LoggedIn).WithSummary("Status reports, newest first, each with its published date (PUR-5)");
        i.MapPost("/status-reports", AddReport).RequireAuthorization(Policies.LoggedIn)
            .WithSummary("Publish a status report: date, overall green/yellow/red, progress, next steps (office or the project manager)");
        i.MapGet("/risks", Risks).RequireAuthorization(Policies.LoggedIn).WithSummary("The risk list: open first, highest score (probability × consequence) first");
        i.MapPost("/risks", AddRisk).RequireAuthorization(Policies.LoggedIn).WithSummary("Register a risk, probability and consequence 1–5 (office or the project manager)");
        i.MapPost("/risks/{riskId:int}/close", CloseRisk).RequireAuthorization(Policies.LoggedIn).WithSummary("Close a risk (office or the project manager)");
        i.MapGet("/documents", Documents).RequireAuthorization(Policies.LoggedIn).WithSummary("The project's documents, newest first");
        i.MapPost("/documents", AddDocument).RequireAuthorization(Policies.LoggedIn)
            .WithSummary("Upload a document (base64; PDF, PNG, JPEG, text, e-mail, Word; at most 20 MB) (office or the project manager)");
        i.MapGet("/documents/{documentId:int}", Download).RequireAuthorization(Policies.LoggedIn).WithSummary("Download one of the project's documents");
        return api;
    }

    internal static StatusReportDto ToDto(StatusReport r) => new(r.Id, r.Date, r.Overall.ToApi(), r.Progress, r.NextSteps, r.PublishedAt, r.PublishedBy);

    internal static RiskDto ToDto(ProjectRisk r) => new(r.Id, r.Description, r.Probability, r.Consequence, r.Score, r.Owner, r.Mitigation, r.Status.ToApi(), r.RegisteredAt, r.ClosedAt);

    private static async Task<Ok<List<StatusReportDto>>> Reports(int id, ClaimsPrincipal user, AppDbContext db, PartnershipAccess access, FollowUp.Handler h, CancellationToken ct)
    {
        await PortfolioApi.ReadableProjectAsync(id, user, db, access, ct);
        return TypedResults.Ok((await h.ReportsAsync(id, ct)).Select(ToDto).ToList());
    }

    private static async Task<Created<StatusReportDto>> AddReport(int id, StatusReportBody body, ClaimsPrincipal user, AppDbContext db, PartnershipAccess access, FollowUp.Handler h,
        CancellationToken ct)
    {
        await PortfolioApi.ReadableProjectAsync(id, user, db, access, ct);
        var r = await h.AddReportAsync(new FollowUp.AddReport(id, body.Date, body.Overall, body.Progress, body.NextSteps), user, ct);
        return TypedResults.Created($"/api/projects/{id}/status-reports", ToDto(r));
    }

    private static async Task<Ok<List<RiskDto>>> Risks(int id, ClaimsPrincipal user, AppDbContext db, PartnershipAccess access, FollowUp.Handler h, CancellationToken ct)
    {
        await PortfolioApi.ReadableProjectAsync(id, user, db, access, ct);
        return TypedResults.Ok((await h.RisksAsync(id, ct)).Select(ToDto).ToList());
    }

    private static async Task<Created<RiskDto>> AddRisk(int id, RiskBody body, ClaimsPrincipal user, AppDbContext db, PartnershipAccess access, FollowUp.Handler h, CancellationToken ct)
    {
        await PortfolioApi.ReadableProjectAsync(id, user, db, access, ct);
        var r = await h.AddRiskAsync(new FollowUp.AddRisk(id, body.Description, body.Probability, body.Consequence, body.Owner, body.Mitigation), user, ct);
        return TypedResults.Created($"/api/projects/{id}/risks", ToDto(r));
    }

    private static async Task<Ok<RiskDto>> CloseRisk(int id, int riskId, ClaimsPrincipal user, AppDbContext db, PartnershipAccess access, FollowUp.Handler h, CancellationToken ct)
    {
        await PortfolioApi.ReadableProjectAsync(id, user, db, access, ct);
        return TypedResults.Ok(ToDto(await h.CloseRiskAsync(id, riskId, user, ct)));
    }

    private static DocumentDto ToDto(int projectId, FollowUp.DocumentRow d) =>
        new(d.Id, d.Title, d.FileName, d.ContentType, d.Length, d.UploadedAt, d.UploadedBy, $"/api/projects/{projectId}/documents/{d.Id}");

    private static async Task<Ok<List<DocumentDto>>> Documents(int id, ClaimsPrincipal user, AppDbContext db, PartnershipAccess access, FollowUp.Handler h, CancellationToken ct)
    {
        await PortfolioApi.ReadableProjectAsync(id, user, db, access, ct);
        return TypedResults.Ok((await h.DocumentsAsync(id, ct)).Select(d => ToDto(id, d)).ToList());
    }

    private static async Task<Created<DocumentDto>> AddDocument(int id, DocumentUploadBody body, ClaimsPrincipal user, AppDbContext db, PartnershipAccess access, FollowUp.Handler h,
        CancellationToken ct)
    {
        await PortfolioApi.ReadableProjectAsync(id, user, db, access, ct);
        var link = await h.AddDocumentAsync(id, body.Title, MembersApi.ToUpload(body.Document), user, ct);
        var row = (await h.DocumentsAsync(id, ct)).Single(d => d.Id == link.Id);
        return TypedResults.Created($"/api/projects/{id}/documents/{link.Id}", ToDto(id, row));
    }

    private static async Task<FileStreamHttpResult> Download(int id, int documentId, ClaimsPrincipal user, AppDbContext db, PartnershipAccess access, FollowUp.Handler h,
        CancellationToken ct)
    {
        // Partnership separation: only those who may read the project get its documents.
        await PortfolioApi.ReadableProjectAsync(id, user, db, access, ct);
        var (document, content) = await h.OpenDocumentAsync(id, documentId, ct);
        return TypedResults.File(content, document.ContentType, document.FileName);
    }
}
