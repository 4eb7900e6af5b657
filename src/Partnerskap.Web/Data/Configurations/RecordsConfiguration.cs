using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnerskap.Domain.Partnerships;
using Partnerskap.Domain.Records;

namespace Partnerskap.Web.Data.Configurations;

internal sealed class CaseFileConfiguration : IEntityTypeConfiguration<CaseFile>
{
    public void Configure(EntityTypeBuilder<CaseFile> b)
    {
        b.HasOne<Partnership>().WithMany().HasForeignKey(c => c.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.PartnershipId, c.Key }).IsUnique();
        b.HasIndex(c => new { c.PartnershipId, c.Year, c.Sequence }).IsUnique();
        b.HasIndex(c => c.SystemId).IsUnique();
        b.Property(c => c.Key).HasMaxLength(200);
        b.Property(c => c.Title).HasMaxLength(500);
        b.Property(c => c.CreatedBy).HasMaxLength(256);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        b.HasMany(c => c.Entries).WithOne().HasForeignKey(e => e.CaseFileId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(c => c.Entries).HasField("_entries").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(c => c.Number);
    }
}

internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> b)
    {
        b.HasIndex(e => new { e.PartnershipId, e.JournalYear, e.JournalSequence }).IsUnique();
        b.HasIndex(e => new { e.CaseFileId, e.EntryNumber }).IsUnique();
        b.HasIndex(e => e.SystemId).IsUnique();
        b.Property(e => e.Title).HasMaxLength(500);
        b.Property(e => e.PublicTitle).HasMaxLength(500);
        b.Property(e => e.Party).HasMaxLength(300);
        b.Property(e => e.LegalBasis).HasMaxLength(200);
        b.Property(e => e.CreatedBy).HasMaxLength(256);
        b.Property(e => e.Type).HasConversion<string>().HasMaxLength(30);
        b.HasMany(e => e.Documents).WithOne().HasForeignKey(d => d.JournalEntryId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(e => e.Documents).HasField("_documents").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(e => e.TypeCode);
    }
}

internal sealed class RecordDocumentConfiguration : IEntityTypeConfiguration<RecordDocument>
{
    public void Configure(EntityTypeBuilder<RecordDocument> b)
    {
        b.HasOne<StoredDocument>().WithMany().HasForeignKey(d => d.StoredDocumentId).OnDelete(DeleteBehavior.Restrict);
        b.Property(d => d.Title).HasMaxLength(500);
        b.Property(d => d.FileName).HasMaxLength(260);
        b.Property(d => d.Format).HasMaxLength(20);
        b.Property(d => d.Sha256).HasMaxLength(64).IsFixedLength();
    }
}

/// <summary>Next case and journal sequence numbers per partnership, year and kind ("case", "journal"); locked while filing.</summary>
public sealed class RecordCounter
{
    public int PartnershipId { get; set; }

    public int Year { get; set; }

    public string Kind { get; set; } = "";

    public int Next { get; set; } = 1;
}

internal sealed class RecordCounterConfiguration : IEntityTypeConfiguration<RecordCounter>
{
    public void Configure(EntityTypeBuilder<RecordCounter> b)
    {
        b.HasKey(c => new { c.PartnershipId, c.Year, c.Kind });
        b.Property(c => c.Kind).HasMaxLength(20);
    }
}
