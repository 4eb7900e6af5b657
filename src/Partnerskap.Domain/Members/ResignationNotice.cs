namespace Partnerskap.Domain.Members;

/// <summary>
/// A written notice of resignation (oppsigelse, MEM-3/MEM-4): when it arrived (the instant and its Oslo date), the
/// document that proves it was in writing, the exit date the rule gives, and its withdrawal if withdrawn.
/// Never deleted: a withdrawn notice stays in the history.
/// </summary>
public sealed class ResignationNotice
{
    private ResignationNotice() => RegisteredBy = "";

    internal ResignationNotice(DateTimeOffset receivedAt, DateOnly receivedOn, DateOnly effectiveOn, int documentId, string registeredBy, DateTimeOffset registeredAt)
    {
        ReceivedAt = receivedAt.ToUniversalTime();
        ReceivedOn = receivedOn;
        EffectiveOn = effectiveOn;
        DocumentId = documentId;
        RegisteredBy = registeredBy;
        RegisteredAt = registeredAt.ToUniversalTime();
    }

    public int Id { get; private set; }

    public int MemberId { get; private set; }

    /// <summary>The instant the notice arrived (UTC). When only a date was given: noon Oslo time that day.</summary>
    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>The Oslo date the notice arrived: the date MEM-3's 30 June deadline is measured on.</summary>
    public DateOnly ReceivedOn { get; private set; }

    /// <summary>MEM-3: 1 January next year (on time) or per the late-notice policy.</summary>
    public DateOnly EffectiveOn { get; private set; }

    /// <summary>MEM-4: the stored written notice.</summary>
    public int DocumentId { get; private set; }

    /// <summary>The receipt letter sent to the member, once produced.</summary>
    public int? ReceiptDocumentId { get; private set; }

    public string RegisteredBy { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public DateOnly? WithdrawnOn { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    public string? WithdrawnBy { get; private set; }

    public NoticeDates Dates => new(ReceivedOn, EffectiveOn, WithdrawnOn);

    public void AttachReceipt(int documentId) => ReceiptDocumentId = documentId;

    internal void Withdraw(DateOnly on, string by, DateTimeOffset at)
    {
        WithdrawnOn = on;
        WithdrawnBy = by;
        WithdrawnAt = at.ToUniversalTime();
    }
}
