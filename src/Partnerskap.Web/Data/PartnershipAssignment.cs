using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnerskap.Domain.Partnerships;

namespace Partnerskap.Web.Data;

/// <summary>
/// Ties an office or board login to one partnership. An office or board login with at least one assignment sees
/// only its assigned partnerships; an office login without any is the installation's administrator (the bootstrap
/// login) and sees every partnership. Member contacts are scoped by their orgnr instead.
/// </summary>
public sealed class PartnershipAssignment
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    public int PartnershipId { get; set; }
}

internal sealed class PartnershipAssignmentConfiguration : IEntityTypeConfiguration<PartnershipAssignment>
{
    public void Configure(EntityTypeBuilder<PartnershipAssignment> b)
    {
        b.HasIndex(a => new { a.UserId, a.PartnershipId }).IsUnique();
        b.Property(a => a.UserId).HasMaxLength(450);
        b.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Partnership>().WithMany().HasForeignKey(a => a.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }
}
