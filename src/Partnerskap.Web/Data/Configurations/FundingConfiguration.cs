using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnerskap.Domain.Members;
using Partnerskap.Domain.Partnerships;
using Partnerskap.Domain.Portfolio;

namespace Partnerskap.Web.Data.Configurations;

/// <summary>FIN-5: base budget lines per partnership and year.</summary>
internal sealed class BaseBudgetLineConfiguration : IEntityTypeConfiguration<BaseBudgetLine>
{
    public void Configure(EntityTypeBuilder<BaseBudgetLine> b)
    {
        b.HasOne<Partnership>().WithMany().HasForeignKey(l => l.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(l => new { l.PartnershipId, l.Year });
        b.Property(l => l.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(l => l.Description).HasMaxLength(500);
        b.Property(l => l.Budgeted).HasPrecision(16, 2);
        b.Property(l => l.Actual).HasPrecision(16, 2);
        b.Property(l => l.Forecast).HasPrecision(16, 2);
        b.Ignore(l => l.IsIncome);
    }
}

/// <summary>FIN-4: grant applications and awards.</summary>
internal sealed class GrantConfiguration : IEntityTypeConfiguration<Grant>
{
    public void Configure(EntityTypeBuilder<Grant> b)
    {
        b.HasOne<Partnership>().WithMany().HasForeignKey(g => g.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Project>().WithMany().HasForeignKey(g => g.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(g => new { g.PartnershipId, g.Year });
        b.Property(g => g.Purpose).HasConversion<string>().HasMaxLength(20);
        b.Property(g => g.Funder).HasMaxLength(200);
        b.Property(g => g.Description).HasMaxLength(1000);
        b.Property(g => g.Conditions).HasMaxLength(2000);
        b.Property(g => g.Applied).HasPrecision(16, 2);
        b.Property(g => g.Granted).HasPrecision(16, 2);
        b.Property(g => g.Received).HasPrecision(16, 2);
        b.Ignore(g => g.Status);
    }
}

/// <summary>FIN-3: in-kind contributions of members to projects.</summary>
internal sealed class InKindContributionConfiguration : IEntityTypeConfiguration<InKindContribution>
{
    public void Configure(EntityTypeBuilder<InKindContribution> b)
    {
        b.HasOne<Project>().WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Member>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.ProjectId);
        b.Property(c => c.Orgnr).HasMaxLength(9);
        b.Property(c => c.Description).HasMaxLength(1000);
        b.Property(c => c.Hours).HasPrecision(10, 2);
        b.Property(c => c.Value).HasPrecision(16, 2);
    }
}

/// <summary>PUR-5: idea intake.</summary>
internal sealed class IdeaConfiguration : IEntityTypeConfiguration<Idea>
{
    public void Configure(EntityTypeBuilder<Idea> b)
    {
        b.HasOne<Partnership>().WithMany().HasForeignKey(i => i.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Member>().WithMany().HasForeignKey(i => i.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Project>().WithMany().HasForeignKey(i => i.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.PartnershipId, i.Status });
        b.Property(i => i.Title).HasMaxLength(200);
        b.Property(i => i.Description).HasMaxLength(4000);
        b.Property(i => i.Orgnr).HasMaxLength(9);
        b.Property(i => i.SubmittedBy).HasMaxLength(256);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Assessment).HasMaxLength(4000);
        b.Property(i => i.DecisionRef).HasMaxLength(50);
    }
}
