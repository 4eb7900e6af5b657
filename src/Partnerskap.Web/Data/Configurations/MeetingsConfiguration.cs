using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnerskap.Domain.Board;
using Partnerskap.Domain.Meetings;
using Partnerskap.Domain.Partnerships;

namespace Partnerskap.Web.Data.Configurations;

internal sealed class CredentialConfiguration : IEntityTypeConfiguration<Credential>
{
    public void Configure(EntityTypeBuilder<Credential> b)
    {
        b.HasOne<Meeting>().WithMany().HasForeignKey(c => c.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(c => c.RepresentativeUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StoredDocument>().WithMany().HasForeignKey(c => c.ProxyDocumentId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.Orgnr).HasMaxLength(9).IsFixedLength();
        b.Property(c => c.ViaOrgnr).HasMaxLength(9).IsFixedLength();
        b.HasIndex(c => new { c.MeetingId, c.Orgnr });
        b.HasIndex(c => new { c.MeetingId, c.RepresentativeUserId });
        b.HasMany(c => c.Presence).WithOne().HasForeignKey(p => p.CredentialId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Presence).HasField("_presence").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(c => c.IsProxy);
        b.Ignore(c => c.Active);
    }
}

internal sealed class VoteConfiguration : IEntityTypeConfiguration<Vote>
{
    public void Configure(EntityTypeBuilder<Vote> b)
    {
        b.HasOne<Meeting>().WithMany().HasForeignKey(v => v.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<BoardCase>().WithMany().HasForeignKey(v => v.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.Property(v => v.Question).HasMaxLength(1000);
        b.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(v => v.Outcome).HasMaxLength(200);
        b.PrimitiveCollection(v => v.Options);
    }
}

internal sealed class BallotConfiguration : IEntityTypeConfiguration<Ballot>
{
    public void Configure(EntityTypeBuilder<Ballot> b)
    {
        b.HasOne<Vote>().WithMany().HasForeignKey(x => x.VoteId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.VoterKey).HasMaxLength(100);
        b.Property(x => x.Orgnr).HasMaxLength(9).IsFixedLength();
        b.Property(x => x.CastByUserId).HasMaxLength(450);
        b.Property(x => x.Choice).HasMaxLength(200);
        b.Property(x => x.Receipt).HasMaxLength(20);
        b.HasIndex(x => new { x.VoteId, x.VoterKey }).IsUnique(); // one ballot per voter: concurrent duplicates → exactly one wins
        b.HasIndex(x => x.Receipt).IsUnique();
    }
}

/// <summary>
/// The running count per vote and option. Ballots add to it in their transaction (the row is locked meanwhile), close
/// freezes it; a secret vote's choices exist only here, never next to a voter.
/// </summary>
public sealed class VoteTally
{
    public int VoteId { get; set; }

    public string Option { get; set; } = "";

    /// <summary>Position of the option in the vote.</summary>
    public int Position { get; set; }

    /// <summary>Ballots for this option.</summary>
    public int Ballots { get; set; }

    /// <summary>Weighted votes for this option (ORG-1).</summary>
    public int Votes { get; set; }

    /// <summary>Set at close: no ballot adds to a frozen tally.</summary>
    public bool Frozen { get; set; }
}

internal sealed class PaperBallotConfiguration : IEntityTypeConfiguration<PaperBallot>
{
    public void Configure(EntityTypeBuilder<PaperBallot> b)
    {
        b.HasOne<Vote>().WithMany().HasForeignKey(x => x.VoteId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Orgnr).HasMaxLength(9).IsFixedLength();
        b.Property(x => x.EnteredChoice).HasMaxLength(1000);
        b.Property(x => x.RegisteredByUserId).HasMaxLength(450);
        b.Property(x => x.ConfirmedByUserId).HasMaxLength(450);
        b.Property(x => x.Receipt).HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.VoteId, x.Orgnr }).IsUnique(); // ORG-1: one paper ballot per member and vote
    }
}

internal sealed class AgendaDocumentConfiguration : IEntityTypeConfiguration<AgendaDocument>
{
    public void Configure(EntityTypeBuilder<AgendaDocument> b)
    {
        b.HasOne<AgendaItem>().WithMany().HasForeignKey(x => x.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<StoredDocument>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.AgendaItemId, x.DocumentId }).IsUnique();
    }
}

internal sealed class VoteTallyConfiguration : IEntityTypeConfiguration<VoteTally>
{
    public void Configure(EntityTypeBuilder<VoteTally> b)
    {
        b.HasKey(t => new { t.VoteId, t.Option });
        b.Property(t => t.Option).HasMaxLength(200);
        b.HasOne<Vote>().WithMany().HasForeignKey(t => t.VoteId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingSettingsConfiguration : IEntityTypeConfiguration<MeetingSettings>
{
    public void Configure(EntityTypeBuilder<MeetingSettings> b)
    {
        b.HasKey(s => s.PartnershipId);
        b.HasOne<Partnership>().WithOne().HasForeignKey<MeetingSettings>(s => s.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        b.Property(s => s.Majority).HasConversion<string>().HasMaxLength(30);
        b.Property(s => s.QuorumPolicy).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Source).HasMaxLength(500);
        b.Ignore(s => s.Rules);
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> b)
    {
        b.HasOne<Meeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<StoredDocument>().WithMany().HasForeignKey(a => a.DocumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.MeetingId, a.Number }).IsUnique();
        b.Property(a => a.Title).HasMaxLength(300);
        b.Property(a => a.Description).HasMaxLength(4000);
        b.Property(a => a.Effect).HasMaxLength(60);
        b.Property(a => a.EffectTarget).HasMaxLength(100);
    }
}

internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> b)
    {
        b.HasOne<Meeting>().WithMany().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.Property(p => p.Orgnr).HasMaxLength(9).IsFixedLength();
        b.Property(p => p.Title).HasMaxLength(300);
        b.Property(p => p.Text).HasMaxLength(8000);
        b.Property(p => p.SubmittedBy).HasMaxLength(256);
        b.Property(p => p.BoardRecommendation).HasMaxLength(4000);
    }
}

internal sealed class ProtocolConfiguration : IEntityTypeConfiguration<Protocol>
{
    public void Configure(EntityTypeBuilder<Protocol> b)
    {
        b.HasOne<Meeting>().WithOne().HasForeignKey<Protocol>(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => p.MeetingId).IsUnique();
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.HasOne<StoredDocument>().WithMany().HasForeignKey(p => p.PdfDocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}
