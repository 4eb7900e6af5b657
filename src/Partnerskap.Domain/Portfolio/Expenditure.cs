namespace Partnerskap.Domain.Portfolio;

/// <summary>Money spent on a project (FIN-9): date, amount, what for, and the voucher if stored. Never negative, never edited.</summary>
public sealed class Expenditure
{
    private Expenditure() => Description = "";

    internal Expenditure(int projectId, DateOnly date, decimal amount, string description, DateTimeOffset recordedAt, string recordedBy, int? documentId)
    {
        ProjectId = projectId;
        Date = date;
        Amount = amount;
        Description = description;
        RecordedAt = recordedAt;
        RecordedBy = recordedBy;
        DocumentId = documentId;
    }

    public int Id { get; private set; }

    public int ProjectId { get; private set; }

    public DateOnly Date { get; private set; }

    public decimal Amount { get; private set; }

    public string Description { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public string RecordedBy { get; private set; } = "";

    public int? DocumentId { get; private set; }
}
