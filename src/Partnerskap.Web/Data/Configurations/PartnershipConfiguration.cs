using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnerskap.Domain.Members;
using Partnerskap.Domain.Partnerships;
using Partnerskap.Domain.Statistics;

namespace Partnerskap.Web.Data.Configurations;

internal sealed class PartnershipConfiguration : IEntityTypeConfiguration<Partnership>
{
    public void Configure(EntityTypeBuilder<Partnership> b)
    {
        b.HasIndex(p => p.Slug).IsUnique();
        b.Property(p => p.Slug).HasMaxLength(40);
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.HostOrganisationName).HasMaxLength(200);
        b.Property(p => p.LateNoticePolicy).HasConversion<string>().HasMaxLength(40);
        b.Property(p => p.PolicyDecisionRef).HasMaxLength(300);
    }
}

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> b)
    {
        b.HasOne<Partnership>().WithMany().HasForeignKey(m => m.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.PartnershipId, m.Orgnr }).IsUnique();
        b.Property(m => m.Orgnr).HasMaxLength(9).IsFixedLength();
        b.Property(m => m.Name).HasMaxLength(200);
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.SignedBy).HasMaxLength(200);
        b.Property(m => m.SignedAt).HasMaxLength(200);
        b.Property(m => m.Address).HasMaxLength(300);
        b.Property(m => m.PostalCode).HasMaxLength(4);
        b.Property(m => m.City).HasMaxLength(100);
        b.Property(m => m.InvoiceAddress).HasMaxLength(300);
        b.Property(m => m.InvoiceReference).HasMaxLength(100);
        b.Property(m => m.EhfEndpoint).HasMaxLength(9);
        b.HasOne<StoredDocument>().WithMany().HasForeignKey(m => m.SignedDocumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(m => m.MunicipalityNumbers).WithOne().HasForeignKey("MemberId").OnDelete(DeleteBehavior.Cascade);
        b.Navigation(m => m.MunicipalityNumbers).HasField("_municipalityNumbers").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(m => m.Notices).WithOne().HasForeignKey(n => n.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(m => m.Notices).HasField("_notices").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(m => m.Contacts).WithOne().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(m => m.Contacts).HasField("_contacts").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(m => m.Roles).WithOne().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(m => m.Roles).HasField("_roles").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(m => m.ActiveNotice);
    }
}

internal sealed class MunicipalityNumberPeriodConfiguration : IEntityTypeConfiguration<MunicipalityNumberPeriod>
{
    public void Configure(EntityTypeBuilder<MunicipalityNumberPeriod> b)
    {
        b.Property(p => p.Number).HasMaxLength(4).IsFixedLength();
        b.HasIndex(p => p.Number);
    }
}

internal sealed class ResignationNoticeConfiguration : IEntityTypeConfiguration<ResignationNotice>
{
    public void Configure(EntityTypeBuilder<ResignationNotice> b)
    {
        // At most one standing (not withdrawn) notice per member, even under concurrent requests (MEM-3).
        b.HasIndex(n => n.MemberId, "IX_ResignationNotices_OneStandingPerMember").IsUnique().HasFilter("\"WithdrawnOn\" IS NULL");
        b.Property(n => n.RegisteredBy).HasMaxLength(256);
        b.Property(n => n.WithdrawnBy).HasMaxLength(256);
        b.HasOne<StoredDocument>().WithMany().HasForeignKey(n => n.DocumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StoredDocument>().WithMany().HasForeignKey(n => n.ReceiptDocumentId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(n => n.Dates);
    }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.Email).HasMaxLength(256);
        b.Property(c => c.Phone).HasMaxLength(40);
    }
}

internal sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> b)
    {
        b.Property(r => r.Role).HasConversion<string>().HasMaxLength(40);
        b.HasOne(r => r.Contact).WithMany().HasForeignKey(r => r.ContactId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SuccessionConfiguration : IEntityTypeConfiguration<Succession>
{
    public void Configure(EntityTypeBuilder<Succession> b)
    {
        b.HasOne<Partnership>().WithMany().HasForeignKey(s => s.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Description).HasMaxLength(1000);
        b.Property(s => s.DecisionRef).HasMaxLength(300);
        b.Property(s => s.RecordedBy).HasMaxLength(256);
        b.HasMany(s => s.Parties).WithOne().HasForeignKey(p => p.SuccessionId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(s => s.Parties).HasField("_parties").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SuccessionPartyConfiguration : IEntityTypeConfiguration<SuccessionParty>
{
    public void Configure(EntityTypeBuilder<SuccessionParty> b)
    {
        b.Property(p => p.Orgnr).HasMaxLength(9);
        b.Property(p => p.Name).HasMaxLength(200);
        b.HasOne(p => p.Member).WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StoredDocumentConfiguration : IEntityTypeConfiguration<StoredDocument>
{
    public void Configure(EntityTypeBuilder<StoredDocument> b)
    {
        b.HasOne<Partnership>().WithMany().HasForeignKey(d => d.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => d.MemberId);
        b.Property(d => d.Kind).HasMaxLength(40);
        b.Property(d => d.StorageKey).HasMaxLength(300);
        b.Property(d => d.FileName).HasMaxLength(255);
        b.Property(d => d.ContentType).HasMaxLength(100);
        b.Property(d => d.Sha256).HasMaxLength(64);
        b.Property(d => d.UploadedBy).HasMaxLength(256);
    }
}

internal sealed class PopulationFigureConfiguration : IEntityTypeConfiguration<PopulationFigure>
{
    public void Configure(EntityTypeBuilder<PopulationFigure> b)
    {
        b.HasIndex(p => new { p.Year, p.MunicipalityNumber }).IsUnique();
        b.Property(p => p.MunicipalityNumber).HasMaxLength(4).IsFixedLength();
        b.Property(p => p.Source).HasMaxLength(1000);
        b.HasOne<StatisticsImport>().WithMany().HasForeignKey(p => p.ImportId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DeflatorEstimateConfiguration : IEntityTypeConfiguration<DeflatorEstimate>
{
    public void Configure(EntityTypeBuilder<DeflatorEstimate> b)
    {
        b.HasIndex(d => new { d.Year, d.Estimate }).IsUnique();
        b.Property(d => d.Estimate).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.Percent).HasPrecision(9, 4);
        b.Property(d => d.Source).HasMaxLength(1000);
        b.Property(d => d.Document).HasMaxLength(300);
        b.Property(d => d.Note).HasMaxLength(1000);
    }
}

internal sealed class StatisticsImportConfiguration : IEntityTypeConfiguration<StatisticsImport>
{
    public void Configure(EntityTypeBuilder<StatisticsImport> b)
    {
        b.Property(i => i.Kind).HasMaxLength(40);
        b.Property(i => i.Format).HasMaxLength(20);
        b.Property(i => i.Source).HasMaxLength(1000);
        b.Property(i => i.ImportedBy).HasMaxLength(256);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasIndex(a => a.At);
        b.HasIndex(a => new { a.Entity, a.EntityKey });
        b.Property(a => a.Actor).HasMaxLength(256);
        b.Property(a => a.Action).HasMaxLength(20);
        b.Property(a => a.Entity).HasMaxLength(100);
        b.Property(a => a.EntityKey).HasMaxLength(100);
        b.Property(a => a.DecisionRef).HasMaxLength(300);
        b.HasIndex(a => a.Sequence).IsUnique();
        b.Property(a => a.PreviousHash).HasMaxLength(64);
        b.Property(a => a.Hash).HasMaxLength(64);
    }
}

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> b)
    {
        b.HasKey(h => h.Id);
        b.Property(h => h.Id).ValueGeneratedNever();
        b.Property(h => h.Hash).HasMaxLength(64);
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.Name).HasMaxLength(200);
        b.Property(u => u.Orgnr).HasMaxLength(9);
    }
}
