using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnerskap.Domain.Collaboration;
using Partnerskap.Domain.Members;
using Partnerskap.Domain.Partnerships;
using Partnerskap.Domain.Portfolio;

namespace Partnerskap.Web.Data.Configurations;

internal sealed class NetworkConfiguration : IEntityTypeConfiguration<Network>
{
    public void Configure(EntityTypeBuilder<Network> b)
    {
        b.HasOne<Partnership>().WithMany().HasForeignKey(n => n.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.Property(n => n.Name).HasMaxLength(300);
        b.Property(n => n.Purpose).HasMaxLength(4000);
        b.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
        b.HasMany(n => n.Participants).WithOne().HasForeignKey(p => p.NetworkId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(n => n.Participants).HasField("_participants").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(n => n.Activities).WithOne().HasForeignKey(a => a.NetworkId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(n => n.Activities).HasField("_activities").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class NetworkParticipantConfiguration : IEntityTypeConfiguration<NetworkParticipant>
{
    public void Configure(EntityTypeBuilder<NetworkParticipant> b)
    {
        b.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ExternalPartner>().WithMany().HasForeignKey(p => p.ExternalPartnerId).OnDelete(DeleteBehavior.Restrict);
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.Email).HasMaxLength(256);
        b.Property(p => p.Title).HasMaxLength(200);
    }
}

internal sealed class NetworkActivityConfiguration : IEntityTypeConfiguration<NetworkActivity>
{
    public void Configure(EntityTypeBuilder<NetworkActivity> b)
    {
        b.Property(a => a.Title).HasMaxLength(300);
        b.Property(a => a.Notes).HasMaxLength(4000);
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        b.HasOne<StoredDocument>().WithMany().HasForeignKey(a => a.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> b)
    {
        b.HasOne<Partnership>().WithMany().HasForeignKey(e => e.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Network>().WithMany().HasForeignKey(e => e.NetworkId).OnDelete(DeleteBehavior.Restrict);
        b.Property(e => e.Title).HasMaxLength(300);
        b.Property(e => e.Place).HasMaxLength(300);
        b.Property(e => e.Description).HasMaxLength(4000);
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        b.Ignore(e => e.Confirmed);
        b.Ignore(e => e.Waiting);
        b.HasMany(e => e.Registrations).WithOne().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(e => e.Registrations).HasField("_registrations").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class EventRegistrationConfiguration : IEntityTypeConfiguration<EventRegistration>
{
    public void Configure(EntityTypeBuilder<EventRegistration> b)
    {
        b.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.Name).HasMaxLength(200);
        b.Property(r => r.Email).HasMaxLength(256);
        b.Property(r => r.RegisteredBy).HasMaxLength(256);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(r => new { r.EventId, r.Status });
    }
}

internal sealed class NewsItemConfiguration : IEntityTypeConfiguration<NewsItem>
{
    public void Configure(EntityTypeBuilder<NewsItem> b)
    {
        b.ToTable("News");
        b.HasOne<Partnership>().WithMany().HasForeignKey(n => n.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.Property(n => n.Title).HasMaxLength(300);
        b.Property(n => n.Body).HasMaxLength(20000);
        b.Property(n => n.PublishedBy).HasMaxLength(256);
        b.HasIndex(n => new { n.PartnershipId, n.PublishedAt });
    }
}

internal sealed class LibraryDocumentConfiguration : IEntityTypeConfiguration<LibraryDocument>
{
    public void Configure(EntityTypeBuilder<LibraryDocument> b)
    {
        b.HasOne<Partnership>().WithMany().HasForeignKey(d => d.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.Property(d => d.Title).HasMaxLength(300);
        b.Property(d => d.Description).HasMaxLength(2000);
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        b.Ignore(d => d.IsGoverning);
        b.HasMany(d => d.Versions).WithOne().HasForeignKey(v => v.LibraryDocumentId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(d => d.Versions).HasField("_versions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class LibraryVersionConfiguration : IEntityTypeConfiguration<LibraryVersion>
{
    public void Configure(EntityTypeBuilder<LibraryVersion> b)
    {
        b.HasIndex(v => new { v.LibraryDocumentId, v.Number }).IsUnique(); // versions are never overwritten (ORG-4)
        b.HasOne<StoredDocument>().WithMany().HasForeignKey(v => v.StoredDocumentId).OnDelete(DeleteBehavior.Restrict);
        b.Property(v => v.DecisionRef).HasMaxLength(300);
        b.Property(v => v.ChangeNote).HasMaxLength(2000);
        b.Property(v => v.PublishedBy).HasMaxLength(256);
    }
}

internal sealed class ExternalPartnerConfiguration : IEntityTypeConfiguration<ExternalPartner>
{
    public void Configure(EntityTypeBuilder<ExternalPartner> b)
    {
        b.HasOne<Partnership>().WithMany().HasForeignKey(x => x.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.Orgnr).HasMaxLength(20);
        b.Property(x => x.ContactName).HasMaxLength(200);
        b.Property(x => x.ContactEmail).HasMaxLength(256);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.HasMany(x => x.Links).WithOne().HasForeignKey(l => l.ExternalPartnerId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Links).HasField("_links").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ExternalPartnerLinkConfiguration : IEntityTypeConfiguration<ExternalPartnerLink>
{
    public void Configure(EntityTypeBuilder<ExternalPartnerLink> b)
    {
        b.HasOne<Project>().WithMany().HasForeignKey(l => l.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Network>().WithMany().HasForeignKey(l => l.NetworkId).OnDelete(DeleteBehavior.Restrict);
        b.Property(l => l.Role).HasMaxLength(200);
    }
}
