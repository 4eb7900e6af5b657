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
        b.HasMany(m => m.MunicipalityNumbers).WithOne().HasForeignKey("MemberId").OnDelete(DeleteBehavior.Cascade);
        b.Navigation(m => m.MunicipalityNumbers).HasField("_municipalityNumbers").UsePropertyAccessMode(PropertyAccessMode.Field);
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
