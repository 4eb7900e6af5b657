namespace Partnerskap.Web.Data;

/// <summary>
/// A document kept by the partnership (signed agreement, written notice, receipt letter). The bytes are in the
/// document store (data directory); this row is the record of it: what, whose, who uploaded it and its SHA-256.
/// </summary>
public sealed class StoredDocument
{
    public int Id { get; set; }

    public int PartnershipId { get; set; }

    /// <summary>The member the document concerns, if any.</summary>
    public int? MemberId { get; set; }

    /// <summary>"signed-agreement", "resignation-notice", "resignation-receipt", …</summary>
    public string Kind { get; set; } = "";

    public string StorageKey { get; set; } = "";

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Length { get; set; }

    public string Sha256 { get; set; } = "";

    public DateTimeOffset UploadedAt { get; set; }

    public string UploadedBy { get; set; } = "";
}
