using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnerskap.Domain.Collaboration;
using Partnerskap.Domain.Members;
using Partnerskap.Domain.Partnerships;

namespace Partnerskap.Web.Data.Configurations;

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> b)
    {
        b.HasOne<Partnership>().WithMany().HasForeignKey(c => c.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.Title).HasMaxLength(500);
        b.Property(c => c.Issuer).HasMaxLength(200);
        b.Property(c => c.ApprovalDecisionRef).HasMaxLength(300);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        b.HasMany(c => c.Inputs).WithOne().HasForeignKey(i => i.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Inputs).HasField("_inputs").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ConsultationInputConfiguration : IEntityTypeConfiguration<ConsultationInput>
{
    public void Configure(EntityTypeBuilder<ConsultationInput> b)
    {
        b.HasIndex(i => new { i.ConsultationId, i.MemberId }).IsUnique(); // one input per member (PUR-1)
        b.HasOne<Member>().WithMany().HasForeignKey(i => i.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.Property(i => i.GivenBy).HasMaxLength(256);
    }
}

internal sealed class AnchoringRoundConfiguration : IEntityTypeConfiguration<AnchoringRound>
{
    public void Configure(EntityTypeBuilder<AnchoringRound> b)
    {
        b.HasOne<Partnership>().WithMany().HasForeignKey(r => r.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.Title).HasMaxLength(500);
        b.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.AnchoringRoundId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AnchoringLineConfiguration : IEntityTypeConfiguration<AnchoringLine>
{
    public void Configure(EntityTypeBuilder<AnchoringLine> b)
    {
        b.HasIndex(l => new { l.AnchoringRoundId, l.MemberId }).IsUnique();
        b.HasOne<Member>().WithMany().HasForeignKey(l => l.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.Property(l => l.MailedTo).HasMaxLength(1000);
        b.Property(l => l.RecordedBy).HasMaxLength(256);
    }
}
