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
