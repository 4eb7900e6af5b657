using Partnerskap.Domain.Common;

namespace Partnerskap.Domain.Portfolio;

/// <summary>The overall status of a project in a status report (traffic light).</summary>
public enum OverallStatus
{
    Green,
    Yellow,
    Red,
}

/// <summary>
/// PUR-5: a status report on a project, written by the office or the project manager. Never edited: a new report
/// replaces the previous one as the latest; the published instant is always shown with it.
/// </summary>
public sealed class StatusReport
{
    private StatusReport()
    {
        Progress = "";
        PublishedBy = "";
    }

    public StatusReport(int projectId, DateOnly date, OverallStatus overall, string? progress, string? nextSteps, DateTimeOffset publishedAt, string publishedBy)
    {
        if (string.IsNullOrWhiteSpace(progress))
        {
            throw RuleViolation.Invalid("progress", "Describe the progress since the last report.", "PUR-5");
        }

        if (progress.Length > 4000 || nextSteps?.Length > 4000)
        {
            throw RuleViolation.Invalid(progress.Length > 4000 ? "progress" : "nextSteps", "At most 4000 characters.");
        }

        if (date > PartnershipTime.OsloDate(publishedAt))
        {
            throw RuleViolation.Invalid("date", "A status report describes the status on a date that has come (not a future date).");
        }

        ProjectId = projectId;
        Date = date;
        Overall = overall;
        Progress = progress.Trim();
        NextSteps = string.IsNullOrWhiteSpace(nextSteps) ? null : nextSteps.Trim();
        PublishedAt = publishedAt;
        PublishedBy = publishedBy;
    }

    public int Id { get; private set; }

    public int ProjectId { get; private set; }

    /// <summary>The date the report describes the status on.</summary>
    public DateOnly Date { get; private set; }

    public OverallStatus Overall { get; private set; }

    public string Progress { get; private set; }

    public string? NextSteps { get; private set; }

    /// <summary>When the report was published (always shown, so readers see how fresh it is).</summary>
    public DateTimeOffset PublishedAt { get; private set; }

    public string PublishedBy { get; private set; }
}

public enum RiskStatus
{
    Open,
    Closed,
}

/// <summary>A risk in a project's risk list: probability and consequence 1–5, score = probability × consequence.</summary>
public sealed class ProjectRisk
{
    public const int MinLevel = 1;
    public const int MaxLevel = 5;

    private ProjectRisk()
    {
        Description = "";
        Owner = "";
    }

    public ProjectRisk(int projectId, string? description, int? probability, int? consequence, string? owner, string? mitigation, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            throw RuleViolation.Invalid("description", "Describe the risk.");
        }

        ProjectId = projectId;
        Description = description.Trim();
        Probability = Level(probability, "probability");
        Consequence = Level(consequence, "consequence");
        if (string.IsNullOrWhiteSpace(owner))
        {
            throw RuleViolation.Invalid("owner", "Each risk has an owner who follows it up.");
        }

        Owner = owner.Trim();
        Mitigation = string.IsNullOrWhiteSpace(mitigation) ? null : mitigation.Trim();
        Status = RiskStatus.Open;
        RegisteredAt = at;
    }

    public int Id { get; private set; }

    public int ProjectId { get; private set; }

    public string Description { get; private set; }

    /// <summary>1 (very unlikely) to 5 (very likely).</summary>
    public int Probability { get; private set; }

    /// <summary>1 (insignificant) to 5 (critical).</summary>
    public int Consequence { get; private set; }

    public int Score => Probability * Consequence;

    public string Owner { get; private set; }

    public string? Mitigation { get; private set; }

    public RiskStatus Status { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Closes the risk (it has passed or is handled). Closing twice is refused.</summary>
    public void Close(DateTimeOffset at)
    {
        if (Status == RiskStatus.Closed)
        {
            throw RuleViolation.Conflict("The risk is already closed.");
        }

        Status = RiskStatus.Closed;
        ClosedAt = at;
    }

    /// <summary>The risk list: open risks first, then by score (highest first), then newest first.</summary>
    public static IReadOnlyList<ProjectRisk> Sorted(IEnumerable<ProjectRisk> risks) =>
        risks.OrderBy(r => r.Status).ThenByDescending(r => r.Score).ThenByDescending(r => r.Consequence).ThenByDescending(r => r.Id).ToList();

    private static int Level(int? value, string field) => value switch
    {
        null => throw RuleViolation.Invalid(field, $"Give the {field} from 1 to 5."),
        < MinLevel or > MaxLevel => throw RuleViolation.Invalid(field, $"The {field} is 1 to 5, not {value}."),
        _ => value.Value,
    };
}

/// <summary>A document kept with a project (project plan, contract, report): the stored document and its title.</summary>
public sealed class ProjectDocument
{
    private ProjectDocument()
    {
        Title = "";
        UploadedBy = "";
    }

    public ProjectDocument(int projectId, int documentId, string? title, string fileName, DateTimeOffset uploadedAt, string uploadedBy)
    {
        if (title?.Length > 300)
        {
            throw RuleViolation.Invalid("title", "The title is at most 300 characters.");
        }

        ProjectId = projectId;
        DocumentId = documentId;
        Title = string.IsNullOrWhiteSpace(title) ? fileName : title.Trim();
        UploadedAt = uploadedAt;
        UploadedBy = uploadedBy;
    }

    public int Id { get; private set; }

    public int ProjectId { get; private set; }

    /// <summary>The stored document (bytes in the document store, record in Documents).</summary>
    public int DocumentId { get; private set; }

    public string Title { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    public string UploadedBy { get; private set; }
}
