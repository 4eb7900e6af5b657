using Partnerskap.Domain.Common;

namespace Partnerskap.Domain.Collaboration;

/// <summary>Where a joint consultation answer stands (PUR-1): members give input, the office drafts, the board approves, it is sent.</summary>
public enum ConsultationStatus
{
    Open,
    Drafted,
    Approved,
    Sent,
}

/// <summary>
/// PUR-1: a consultation (høring) from a national actor (KS, the State, a supplier) that the partnership answers with
/// one voice. Each member gives its input before the deadline; the office drafts the joint answer; the board approves it
/// (recorded with its decision reference); the answer is sent and filed in the records.
/// </summary>
public sealed class Consultation
{
    private readonly List<ConsultationInput> _inputs = [];

    private Consultation()
    {
        Title = Issuer = "";
    }

    public Consultation(int partnershipId, string title, string issuer, DateOnly deadline, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw RuleViolation.Invalid("title", "A consultation needs a title.", "PUR-1");
        }

        if (string.IsNullOrWhiteSpace(issuer))
        {
            throw RuleViolation.Invalid("issuer", "Name who asks (e.g. KS, Digitaliseringsdirektoratet).", "PUR-1");
        }

        if (deadline < today)
        {
            throw RuleViolation.Invalid("deadline", $"The deadline for the members' input cannot be in the past ({deadline:yyyy-MM-dd}).", "PUR-1");
        }

        PartnershipId = partnershipId;
        Title = title.Trim();
        Issuer = issuer.Trim();
        Deadline = deadline;
    }

    public int Id { get; private set; }

    public int PartnershipId { get; private set; }

    public string Title { get; private set; }

    /// <summary>Who asks: KS, a ministry, a directorate, a supplier.</summary>
    public string Issuer { get; private set; }

    /// <summary>The last day (Oslo) members can give input.</summary>
    public DateOnly Deadline { get; private set; }

    public ConsultationStatus Status { get; private set; }

    public string? Draft { get; private set; }

    public string? ApprovalDecisionRef { get; private set; }

    public DateOnly? ApprovedOn { get; private set; }

    public DateOnly? SentOn { get; private set; }

    public IReadOnlyList<ConsultationInput> Inputs => _inputs;

    /// <summary>PUR-1: a member's input, until the deadline and while the answer is not approved; a new input replaces the member's earlier one.</summary>
    public ConsultationInput GiveInput(int memberId, string text, DateOnly today, DateTimeOffset at, string by)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw RuleViolation.Invalid("text", "Write the member's input.", "PUR-1");
        }

        if (today > Deadline)
        {
            throw RuleViolation.Conflict($"The deadline for input was {Deadline:yyyy-MM-dd}.", "PUR-1");
        }

        if (Status is ConsultationStatus.Approved or ConsultationStatus.Sent)
        {
            throw RuleViolation.Conflict("The joint answer is approved; no more input.", "PUR-1");
        }

        var existing = _inputs.SingleOrDefault(i => i.MemberId == memberId);
        if (existing is not null)
        {
            existing.Replace(text.Trim(), at, by);
            return existing;
        }

        var input = new ConsultationInput(memberId, text.Trim(), at, by);
        _inputs.Add(input);
        return input;
    }

    /// <summary>PUR-1: the office drafts (or redrafts) the joint answer; not after approval.</summary>
    public void DraftAnswer(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw RuleViolation.Invalid("text", "Write the draft joint answer.", "PUR-1");
        }

        if (Status is ConsultationStatus.Approved or ConsultationStatus.Sent)
        {
            throw RuleViolation.Conflict("The joint answer is approved; a new draft needs a new consultation round.", "PUR-1");
        }

        Draft = text.Trim();
        Status = ConsultationStatus.Drafted;
    }

    /// <summary>PUR-1: the board approves the drafted answer; the decision reference says where (e.g. "Styret 2026-11-20, sak 12").</summary>
    public void Approve(string decisionRef, DateOnly on)
    {
        if (Status != ConsultationStatus.Drafted)
        {
            throw RuleViolation.Conflict("Only a drafted answer can be approved.", "PUR-1");
        }

        if (string.IsNullOrWhiteSpace(decisionRef))
        {
            throw RuleViolation.Invalid("decisionRef", "Name the board's decision that approves the answer.", "PUR-1");
        }

        ApprovalDecisionRef = decisionRef.Trim();
        ApprovedOn = on;
        Status = ConsultationStatus.Approved;
    }

    /// <summary>PUR-1: only an approved answer is sent.</summary>
    public void MarkSent(DateOnly on)
    {
        if (Status != ConsultationStatus.Approved)
        {
            throw RuleViolation.Conflict("The joint answer must be approved by the board before it is sent.", "PUR-1");
        }

        SentOn = on;
        Status = ConsultationStatus.Sent;
    }
}

/// <summary>One member's input to a consultation.</summary>
public sealed class ConsultationInput
{
    private ConsultationInput()
    {
        Text = GivenBy = "";
    }

    internal ConsultationInput(int memberId, string text, DateTimeOffset at, string by)
    {
        MemberId = memberId;
        Text = text;
        GivenAt = at;
        GivenBy = by;
    }

    public int Id { get; private set; }

    public int ConsultationId { get; private set; }

    public int MemberId { get; private set; }

    public string Text { get; private set; }

    public DateTimeOffset GivenAt { get; private set; }

    public string GivenBy { get; private set; }

    internal void Replace(string text, DateTimeOffset at, string by) => (Text, GivenAt, GivenBy) = (text, at, by);
}
