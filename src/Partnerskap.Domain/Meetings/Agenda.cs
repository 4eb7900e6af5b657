using Partnerskap.Domain.Common;

namespace Partnerskap.Domain.Meetings;

/// <summary>ORG-4: the meeting rules the statutes set, with the document (and decision) they come from.</summary>
public sealed class MeetingSettings
{
    private MeetingSettings() => Source = "";

    public MeetingSettings(int partnershipId) : this() => PartnershipId = partnershipId;

    public int PartnershipId { get; private set; }

    /// <summary>Days between the notice (innkalling) and the meeting, at least.</summary>
    public int NoticeDays { get; private set; } = 21;

    /// <summary>Days before the meeting the members' proposals must be in.</summary>
    public int ProposalDays { get; private set; } = 14;

    /// <summary>Days before the meeting a reminder goes to members not yet credentialed.</summary>
    public int ReminderDays { get; private set; } = 7;

    public MajorityRule Majority { get; private set; }

    public int? QuorumPercent { get; private set; }

    public QuorumPolicy QuorumPolicy { get; private set; }

    /// <summary>ORG-4: the document these settings come from, e.g. "Vedtekter § 5 (årsmøtet 2022 sak 4)"; empty = product defaults.</summary>
    public string Source { get; private set; }

    public VotingRules Rules => new(Majority, QuorumPercent, QuorumPolicy, string.IsNullOrEmpty(Source) ? null : Source);

    /// <summary>ORG-4: every change names its source document.</summary>
    public void Change(int noticeDays, int proposalDays, int reminderDays, VotingRules rules, string source)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            throw RuleViolation.Invalid("source", "Name the document these rules come from (statutes, agreement, decision).", "ORG-4");
        }

        if (noticeDays is < 1 or > 120 || proposalDays < 0 || proposalDays >= noticeDays || reminderDays < 0 || reminderDays >= noticeDays)
        {
            throw RuleViolation.Invalid("noticeDays", "The notice period must be longer than the proposal and reminder deadlines.");
        }

        rules.Validate();
        NoticeDays = noticeDays;
        ProposalDays = proposalDays;
        ReminderDays = reminderDays;
        Majority = rules.Majority;
        QuorumPercent = rules.QuorumPercent;
        QuorumPolicy = rules.QuorumPolicy;
        Source = source.Trim();
    }
}

/// <summary>An item on the meeting's agenda (saksliste), in order, with its papers.</summary>
public sealed class AgendaItem
{
    private AgendaItem() => Title = "";

    public AgendaItem(int meetingId, int number, string title, string? description, int? documentId)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw RuleViolation.Invalid("title", "An agenda item needs a title.");
        }

        MeetingId = meetingId;
        Number = number;
        Title = title.Trim();
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        DocumentId = documentId;
    }

    public int Id { get; private set; }

    public int MeetingId { get; private set; }

    public int Number { get; private set; }

    public string Title { get; private set; }

    public string? Description { get; private set; }

    /// <summary>The papers (saksdokument), a stored document.</summary>
    public int? DocumentId { get; private set; }

    /// <summary>Effect a decision under this item has, e.g. "fee-model" (FIN-6), with its target.</summary>
    public string? Effect { get; private set; }

    public string? EffectTarget { get; private set; }

    public void SetEffect(string? effect, string? target)
    {
        Effect = string.IsNullOrWhiteSpace(effect) ? null : effect.Trim();
        EffectTarget = Effect is null ? null : target?.Trim();
    }
}

/// <summary>A paper (saksdokument) attached to an agenda item: listed in the notice and on the meeting page, readable by the partnership's logged-in users.</summary>
public sealed class AgendaDocument
{
    private AgendaDocument()
    {
    }

    public AgendaDocument(int agendaItemId, int documentId)
    {
        AgendaItemId = agendaItemId;
        DocumentId = documentId;
    }

    public int Id { get; private set; }

    public int AgendaItemId { get; private set; }

    public int DocumentId { get; private set; }
}

/// <summary>A member's proposal to the annual meeting, submitted before the deadline, with the board's recommendation.</summary>
public sealed class Proposal
{
    private Proposal()
    {
        Orgnr = "";
        Title = "";
        Text = "";
        SubmittedBy = "";
    }

    public Proposal(int meetingId, string orgnr, string title, string text, string submittedBy, DateTimeOffset at, DateOnly? deadline)
    {
        if (string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(text))
        {
            throw RuleViolation.Invalid(string.IsNullOrWhiteSpace(title) ? "title" : "text", "A proposal needs a title and a text.");
        }

        // ORG-4: the statutes' proposal deadline.
        if (deadline is { } last && PartnershipTime.OsloDate(at) > last)
        {
            throw RuleViolation.Conflict($"The proposal deadline was {last:yyyy-MM-dd}.", "ORG-4");
        }

        MeetingId = meetingId;
        Orgnr = orgnr;
        Title = title.Trim();
        Text = text.Trim();
        SubmittedBy = submittedBy;
        SubmittedAt = at;
    }

    public int Id { get; private set; }

    public int MeetingId { get; private set; }

    public string Orgnr { get; private set; }

    public string Title { get; private set; }

    public string Text { get; private set; }

    public string SubmittedBy { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    /// <summary>The board's recommendation (styrets innstilling), shown beside the proposal.</summary>
    public string? BoardRecommendation { get; private set; }

    public void Recommend(string recommendation) => BoardRecommendation = string.IsNullOrWhiteSpace(recommendation) ? null : recommendation.Trim();
}

public enum ProtocolStatus
{
    Draft,
    Approved,
    Published,
}

/// <summary>
/// The minutes (protokoll) of an annual meeting: generated, edited by the office, approved by two elected co-signers
/// (protokollunderskrivere), then published as PDF.
/// </summary>
public sealed class Protocol
{
    private Protocol() => Text = "";

    public Protocol(int meetingId, string text, DateTimeOffset at)
    {
        MeetingId = meetingId;
        Text = text;
        UpdatedAt = at;
    }

    public int Id { get; private set; }

    public int MeetingId { get; private set; }

    public string Text { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public ProtocolStatus Status { get; private set; }

    /// <summary>The two co-signers the meeting elected.</summary>
    public string? CoSigner1UserId { get; private set; }

    public string? CoSigner2UserId { get; private set; }

    public DateTimeOffset? Signed1At { get; private set; }

    public DateTimeOffset? Signed2At { get; private set; }

    public int? PdfDocumentId { get; private set; }

    public void Edit(string text, DateTimeOffset at)
    {
        if (Status != ProtocolStatus.Draft)
        {
            throw RuleViolation.Conflict("The protocol is signed: it can no longer be edited.");
        }

        Text = text;
        UpdatedAt = at;
    }

    public void ElectCoSigners(string first, string second)
    {
        if (Status != ProtocolStatus.Draft)
        {
            throw RuleViolation.Conflict("The protocol is signed.");
        }

        if (first == second)
        {
            throw RuleViolation.Invalid("coSigners", "Two different people sign the protocol.");
        }

        CoSigner1UserId = first;
        CoSigner2UserId = second;
    }

    /// <summary>An elected co-signer approves; with both, the protocol is approved.</summary>
    public void Approve(string userId, DateTimeOffset at)
    {
        if (Status != ProtocolStatus.Draft)
        {
            throw RuleViolation.Conflict("The protocol is already approved.");
        }

        if (userId == CoSigner1UserId && Signed1At is null)
        {
            Signed1At = at;
        }
        else if (userId == CoSigner2UserId && Signed2At is null)
        {
            Signed2At = at;
        }
        else
        {
            throw RuleViolation.Forbidden(userId == CoSigner1UserId || userId == CoSigner2UserId
                ? "You have already approved the protocol."
                : "Only the two co-signers the meeting elected approve the protocol.");
        }

        if (Signed1At is not null && Signed2At is not null)
        {
            Status = ProtocolStatus.Approved;
        }
    }

    public void Publish(int pdfDocumentId)
    {
        if (Status != ProtocolStatus.Approved)
        {
            throw RuleViolation.Conflict("Both co-signers approve the protocol before it is published.");
        }

        PdfDocumentId = pdfDocumentId;
        Status = ProtocolStatus.Published;
    }
}
