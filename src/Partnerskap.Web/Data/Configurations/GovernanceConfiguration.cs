using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnerskap.Domain.Board;
using Partnerskap.Domain.Decisions;
using Partnerskap.Domain.Meetings;
using Partnerskap.Domain.Partnerships;

namespace Partnerskap.Web.Data.Configurations;

internal sealed class BoardSeatConfiguration : IEntityTypeConfiguration<BoardSeat>
{
    public void Configure(EntityTypeBuilder<BoardSeat> b)
    {
        b.HasOne<Partnership>().WithMany().HasForeignKey(s => s.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.PartnershipId, s.UserId });
        b.Property(s => s.Role).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.OrganisationOrgnr).HasMaxLength(9).IsFixedLength();
    }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.HasOne<Partnership>().WithMany().HasForeignKey(m => m.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.PartnershipId, m.StartsAt });
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.Title).HasMaxLength(300);
        b.Property(m => m.Location).HasMaxLength(500);
        b.Ignore(m => m.Date);
        b.Ignore(m => m.Rules);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.Majority).HasConversion<string>().HasMaxLength(30);
        b.Property(m => m.QuorumPolicy).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.RulesSource).HasMaxLength(500);
    }
}

internal sealed class BoardCaseConfiguration : IEntityTypeConfiguration<BoardCase>
{
    public void Configure(EntityTypeBuilder<BoardCase> b)
    {
        b.ToTable("Cases");
        b.HasOne<Partnership>().WithMany().HasForeignKey(c => c.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Meeting>().WithMany().HasForeignKey(c => c.MeetingId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.PartnershipId, c.Year, c.Sequence }).IsUnique(); // case numbers unique per partnership
        b.Property(c => c.Number).HasMaxLength(20);
        b.Property(c => c.Title).HasMaxLength(300);
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Link).HasMaxLength(100);
        b.HasIndex(c => c.Link);
        b.HasMany(c => c.Parties).WithOne().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Parties).HasField("_parties").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(c => c.Recusals).WithOne().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(c => c.Recusals).HasField("_recusals").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(c => c.Papers).WithOne().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Papers).HasField("_papers").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(c => c.Answers).WithOne().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(c => c.Answers).HasField("_answers").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CasePartyConfiguration : IEntityTypeConfiguration<CaseParty>
{
    public void Configure(EntityTypeBuilder<CaseParty> b)
    {
        b.Property(p => p.Orgnr).HasMaxLength(9).IsFixedLength();
        b.HasIndex(p => new { p.CaseId, p.Orgnr }).IsUnique();
    }
}

internal sealed class RecusalConfiguration : IEntityTypeConfiguration<Recusal>
{
    public void Configure(EntityTypeBuilder<Recusal> b)
    {
        b.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.Reason).HasMaxLength(1000);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.DecisionRef).HasMaxLength(100);
    }
}

internal sealed class CasePaperConfiguration : IEntityTypeConfiguration<CasePaper>
{
    public void Configure(EntityTypeBuilder<CasePaper> b)
    {
        b.HasOne<StoredDocument>().WithMany().HasForeignKey(p => p.DocumentId).OnDelete(DeleteBehavior.Restrict);
        b.Property(p => p.Title).HasMaxLength(300);
    }
}

internal sealed class WrittenAnswerConfiguration : IEntityTypeConfiguration<WrittenAnswer>
{
    public void Configure(EntityTypeBuilder<WrittenAnswer> b)
    {
        b.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.CaseId, a.UserId }).IsUnique(); // one answer per seat holder
        b.Property(a => a.Choice).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Comment).HasMaxLength(2000);
    }
}

internal sealed class DeclaredInterestConfiguration : IEntityTypeConfiguration<DeclaredInterest>
{
    public void Configure(EntityTypeBuilder<DeclaredInterest> b)
    {
        b.HasOne<Partnership>().WithMany().HasForeignKey(i => i.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.PartnershipId, i.UserId });
        b.Property(i => i.Organisation).HasMaxLength(300);
        b.Property(i => i.Orgnr).HasMaxLength(9).IsFixedLength();
        b.Property(i => i.Role).HasMaxLength(200);
    }
}

internal sealed class BoardMeetingRecordConfiguration : IEntityTypeConfiguration<BoardMeetingRecord>
{
    public void Configure(EntityTypeBuilder<BoardMeetingRecord> b)
    {
        b.HasOne<Meeting>().WithOne().HasForeignKey<BoardMeetingRecord>(r => r.MeetingId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => r.MeetingId).IsUnique();
        b.Property(r => r.MinutesApproval).HasMaxLength(300);
        b.Ignore(r => r.MinutesApproved);
        b.HasMany(r => r.Attendance).WithOne().HasForeignKey(a => a.BoardMeetingRecordId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.Attendance).HasField("_attendance").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AttendanceConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> b)
    {
        b.ToTable("BoardAttendance");
        b.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DisputeConfiguration : IEntityTypeConfiguration<Dispute>
{
    public void Configure(EntityTypeBuilder<Dispute> b)
    {
        b.HasOne<Partnership>().WithMany().HasForeignKey(d => d.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<BoardCase>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.Property(d => d.Subject).HasMaxLength(300);
        b.Property(d => d.PartyOrgnrs).HasMaxLength(200);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(30);
        b.Property(d => d.MediationDecisionRef).HasMaxLength(40);
        b.Property(d => d.Outcome).HasMaxLength(4000);
        b.Ignore(d => d.Parties);
        b.HasMany(d => d.Entries).WithOne().HasForeignKey(e => e.DisputeId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(d => d.Entries).HasField("_entries").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class DisputeEntryConfiguration : IEntityTypeConfiguration<DisputeEntry>
{
    public void Configure(EntityTypeBuilder<DisputeEntry> b)
    {
        b.Property(e => e.Author).HasMaxLength(200);
        b.Property(e => e.Text).HasMaxLength(4000);
    }
}

internal sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> b)
    {
        b.HasOne<Partnership>().WithMany().HasForeignKey(d => d.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<BoardCase>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Meeting>().WithMany().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Decision>().WithMany().HasForeignKey(d => d.FollowsDecisionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => new { d.PartnershipId, d.Year, d.Sequence }).IsUnique(); // ORG-2: numbers unique and gap-free
        b.HasIndex(d => new { d.PartnershipId, d.Number }).IsUnique();
        b.Property(d => d.Number).HasMaxLength(20);
        b.Property(d => d.Body).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.Title).HasMaxLength(300);
        b.Property(d => d.VoteResult).HasMaxLength(300);
        b.Property(d => d.Effect).HasMaxLength(60);
        b.Property(d => d.EffectTarget).HasMaxLength(100);
        b.Property(d => d.Owner).HasMaxLength(200);
    }
}

/// <summary>
/// Gap-free number series per partnership, series and year (case numbers, decision numbers, ...). The row is locked
/// in the caller's transaction while a number is taken (see <c>NumberSeries</c>).
/// </summary>
public sealed class NumberCounter
{
    public int PartnershipId { get; set; }

    public string Series { get; set; } = "";

    public int Year { get; set; }

    public int Next { get; set; }
}

internal sealed class NumberCounterConfiguration : IEntityTypeConfiguration<NumberCounter>
{
    public void Configure(EntityTypeBuilder<NumberCounter> b)
    {
        b.HasKey(c => new { c.PartnershipId, c.Series, c.Year });
        b.Property(c => c.Series).HasMaxLength(40);
    }
}
