using Partnerskap.Domain.Common;
using Partnerskap.Domain.Members;

namespace Partnerskap.Domain.Portfolio;

/// <summary>PUR-5 idea intake: submitted by a member → assessed by the office (recommended or not) → made a project on a board decision.</summary>
public enum IdeaStatus
{
    Submitted,
    Recommended,
    NotRecommended,
    Project,
}

/// <summary>
/// PUR-5: an idea for a joint project, submitted for a member (MEM-5: a member with rights). The office assesses it; a
/// recommended idea goes to the board, and on a board decision it becomes a project in the idea phase carrying its title,
/// description and member over.
/// </summary>
public sealed class Idea
{
    private Idea()
    {
        Title = "";
        Orgnr = "";
        SubmittedBy = "";
    }

    public Idea(int partnershipId, string? title, string? description, Member member, string submittedBy, DateTimeOffset at, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (string.IsNullOrWhiteSpace(title))
        {
            throw RuleViolation.Invalid("title", "Give the idea a title.", "PUR-5");
        }

        if (member.PartnershipId != partnershipId)
        {
            throw RuleViolation.Invalid("orgnr", $"{member.Orgnr} is not a member of this partnership.", "MEM-5");
        }

        if (!member.HasRightsOn(today))
        {
            throw RuleViolation.Conflict($"{member.Name} has no rights in the partnership on {today:yyyy-MM-dd} and cannot submit ideas.", "MEM-5", "orgnr");
        }

        PartnershipId = partnershipId;
        Title = title.Trim();
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        MemberId = member.Id;
        Orgnr = member.Orgnr;
        SubmittedBy = submittedBy;
        SubmittedAt = at;
        Status = IdeaStatus.Submitted;
    }

    public int Id { get; private set; }

    public int PartnershipId { get; private set; }

    public string Title { get; private set; }

    public string? Description { get; private set; }

    public int MemberId { get; private set; }

    public string Orgnr { get; private set; }

    public string SubmittedBy { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public IdeaStatus Status { get; private set; }

    public string? Assessment { get; private set; }

    public DateTimeOffset? AssessedAt { get; private set; }

    public int? BoardCaseId { get; private set; }

    public string? DecisionRef { get; private set; }

    public int? ProjectId { get; private set; }

    /// <summary>PUR-5: the office's assessment; may be revised until the idea is a project.</summary>
    public void Assess(bool recommend, string? assessment, DateTimeOffset at)
    {
        if (Status == IdeaStatus.Project)
        {
            throw RuleViolation.Conflict("The idea is already a project.", "PUR-5");
        }

        if (string.IsNullOrWhiteSpace(assessment))
        {
            throw RuleViolation.Invalid("assessment", "Give the office's assessment.", "PUR-5");
        }

        Status = recommend ? IdeaStatus.Recommended : IdeaStatus.NotRecommended;
        Assessment = assessment.Trim();
        AssessedAt = at;
    }

    public void SentToBoard(int? caseId) => BoardCaseId ??= caseId;

    /// <summary>PUR-5: a recommended idea becomes a project on a board decision (the board prioritises).</summary>
    public void BecameProject(int projectId, string? decisionRef)
    {
        EnsureRecommended();

        if (string.IsNullOrWhiteSpace(decisionRef))
        {
            throw RuleViolation.Invalid("decisionRef", "The board decides which ideas become projects: give the decision's reference.", "PUR-5");
        }

        ProjectId = projectId;
        DecisionRef = decisionRef.Trim();
        Status = IdeaStatus.Project;
    }

    /// <summary>PUR-5: only an idea the office recommends (and not yet a project) can become one; checked before the project is made.</summary>
    public void EnsureRecommended()
    {
        if (Status != IdeaStatus.Recommended)
        {
            throw RuleViolation.Conflict(Status == IdeaStatus.Project ? "The idea is already a project." : "Only an idea the office recommends can become a project.", "PUR-5");
        }
    }
}
