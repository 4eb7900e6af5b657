using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Portfolio;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Members;
using Partnerskap.Web.Infrastructure;

namespace Partnerskap.Web.Features.Portfolio;

/// <summary>
/// Following a project up (PUR-5): status reports (newest first, published date always shown), the risk list (sorted by
/// score) and the project's documents. The office or the project's manager writes; everyone who may read the project
/// reads. The project manager is the user whose e-mail is the project's "Prosjektleder".
/// </summary>
public static class FollowUp
{
    public sealed record AddReport(int ProjectId, DateOnly? Date, string? Overall, string? Progress, string? NextSteps);

    public sealed record AddRisk(int ProjectId, string? Description, int? Probability, int? Consequence, string? Owner, string? Mitigation);

    public sealed record DocumentRow(int Id, string Title, string FileName, string ContentType, long Length, DateTimeOffset UploadedAt, string UploadedBy);

    public static OverallStatus? ParseOverall(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "green" => OverallStatus.Green,
        "yellow" => OverallStatus.Yellow,
        "red" => OverallStatus.Red,
        _ => null,
    };

    public static string ToApi(this OverallStatus s) => s.ToString().ToLowerInvariant();

    public static string ToApi(this RiskStatus s) => s.ToString().ToLowerInvariant();

    /// <summary>PUR-5: the office, or the project manager named on the project (by e-mail), writes its follow-up.</summary>
    public static bool CanWrite(ClaimsPrincipal user, Project project)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (user.IsOffice())
        {
            return true;
        }

        var email = user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name;
        return email is not null && project.ProjectManager is { } manager && string.Equals(manager.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase);
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, AuditContext audit, MemberDocuments documents, Infrastructure.Documents.IDocumentStore store)
    {
        public Task<List<StatusReport>> ReportsAsync(int projectId, CancellationToken ct) =>
            db.StatusReports.AsNoTracking().Where(r => r.ProjectId == projectId)
                .OrderByDescending(r => r.Date).ThenByDescending(r => r.Id).ToListAsync(ct);

        public async Task<IReadOnlyList<ProjectRisk>> RisksAsync(int projectId, CancellationToken ct) =>
            ProjectRisk.Sorted(await db.ProjectRisks.AsNoTracking().Where(r => r.ProjectId == projectId).ToListAsync(ct));

        public Task<List<DocumentRow>> DocumentsAsync(int projectId, CancellationToken ct) =>
            (from pd in db.ProjectDocuments.AsNoTracking()
             join d in db.Documents.AsNoTracking() on pd.DocumentId equals d.Id
             where pd.ProjectId == projectId
             orderby pd.UploadedAt descending, pd.Id descending
             select new DocumentRow(pd.Id, pd.Title, d.FileName, d.ContentType, d.Length, pd.UploadedAt, pd.UploadedBy)).ToListAsync(ct);

        public async Task<StatusReport> AddReportAsync(AddReport c, ClaimsPrincipal user, CancellationToken ct)
        {
            var project = await WritableAsync(c.ProjectId, user, ct);
            if (c.Date is not { } date)
            {
                throw RuleViolation.Invalid("date", "Give the date the report describes (YYYY-MM-DD).");
            }

            var overall = ParseOverall(c.Overall) ?? throw RuleViolation.Invalid("overall", "overall is green, yellow or red.");
            var report = new StatusReport(project.Id, date, overall, c.Progress, c.NextSteps, clock.GetUtcNow(), audit.CurrentActor);
            db.StatusReports.Add(report);
            await db.SaveChangesAsync(ct);
            return report;
        }

        public async Task<ProjectRisk> AddRiskAsync(AddRisk c, ClaimsPrincipal user, CancellationToken ct)
        {
            var project = await WritableAsync(c.ProjectId, user, ct);
            var risk = new ProjectRisk(project.Id, c.Description, c.Probability, c.Consequence, c.Owner, c.Mitigation, clock.GetUtcNow());
            db.ProjectRisks.Add(risk);
            await db.SaveChangesAsync(ct);
            return risk;
        }

        public async Task<ProjectRisk> CloseRiskAsync(int projectId, int riskId, ClaimsPrincipal user, CancellationToken ct)
        {
            await WritableAsync(projectId, user, ct);
            var risk = await db.ProjectRisks.SingleOrDefaultAsync(r => r.Id == riskId && r.ProjectId == projectId, ct)
                ?? throw new KeyNotFoundException($"The project has no risk {riskId}.");
            risk.Close(clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return risk;
        }

        /// <summary>Stores the file and records it with the project in one save; a failed save leaves no file behind.</summary>
        public async Task<ProjectDocument> AddDocumentAsync(int projectId, string? title, Upload? upload, ClaimsPrincipal user, CancellationToken ct)
        {
            var project = await WritableAsync(projectId, user, ct);
            if (upload is null)
            {
                throw RuleViolation.Invalid("file", "Choose the file to upload.");
            }

            if (title?.Length > 300)
            {
                throw RuleViolation.Invalid("title", "The title is at most 300 characters.");
            }

            try
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var stored = await documents.AddAsync(project.PartnershipId, null, "project-document", upload, "file", ct);
                await db.SaveChangesAsync(ct);
                var link = new ProjectDocument(project.Id, stored.Id, title, stored.FileName, clock.GetUtcNow(), audit.CurrentActor);
                db.ProjectDocuments.Add(link);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return link;
            }
            catch
            {
                await documents.DiscardAsync();
                throw;
            }
        }

        /// <summary>The document's record and content; 404 when the project has no such document.</summary>
        public async Task<(StoredDocument Document, Stream Content)> OpenDocumentAsync(int projectId, int documentId, CancellationToken ct)
        {
            var document = await (from pd in db.ProjectDocuments.AsNoTracking()
                                  join d in db.Documents.AsNoTracking() on pd.DocumentId equals d.Id
                                  where pd.ProjectId == projectId && pd.Id == documentId
                                  select d).SingleOrDefaultAsync(ct)
                ?? throw new KeyNotFoundException($"The project has no document {documentId}.");
            return (document, await store.OpenAsync(document.StorageKey, ct));
        }

        private async Task<Project> WritableAsync(int projectId, ClaimsPrincipal user, CancellationToken ct)
        {
            var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, ct)
                ?? throw new KeyNotFoundException($"There is no project {projectId}.");
            if (!CanWrite(user, project))
            {
                throw RuleViolation.Forbidden("Only the programme office or the project's manager writes status reports, risks and documents.", "PUR-5");
            }

            return project;
        }
    }
}
