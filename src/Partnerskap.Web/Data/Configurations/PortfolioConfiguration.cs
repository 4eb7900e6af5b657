using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnerskap.Domain.Benefits;
using Partnerskap.Domain.Members;
using Partnerskap.Domain.Partnerships;
using Partnerskap.Domain.Portfolio;

namespace Partnerskap.Web.Data.Configurations;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> b)
    {
        b.HasOne<Partnership>().WithMany().HasForeignKey(p => p.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Member>().WithMany().HasForeignKey(p => p.OwnerMemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.PartnershipId, p.Name });
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.Description).HasMaxLength(4000);
        b.Property(p => p.OwnerOrgnr).HasMaxLength(9);
        b.Property(p => p.ProjectManager).HasMaxLength(200);
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Phase).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Spent).HasPrecision(16, 2);
        b.Property(p => p.Forecast).HasPrecision(16, 2);
        // FIN-9: a second guard behind the row lock: a stale project never saves over a newer one.
        b.Property(p => p.LockVersion).IsConcurrencyToken();
        b.Ignore(p => p.ApprovedPlan);
        b.Ignore(p => p.ApprovedFinancing);
        b.Ignore(p => p.OpenEscalation);
        b.HasMany(p => p.Participants).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Participants).HasField("_participants").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(p => p.Plans).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(p => p.Plans).HasField("_plans").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(p => p.Escalations).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(p => p.Escalations).HasField("_escalations").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(p => p.Gates).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Gates).HasField("_gates").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ProjectParticipantConfiguration : IEntityTypeConfiguration<ProjectParticipant>
{
    public void Configure(EntityTypeBuilder<ProjectParticipant> b)
    {
        b.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.ProjectId, p.MemberId }).IsUnique();
        b.Property(p => p.Orgnr).HasMaxLength(9);
        b.Property(p => p.Name).HasMaxLength(200);
    }
}

internal sealed class PhaseGateConfiguration : IEntityTypeConfiguration<PhaseGate>
{
    public void Configure(EntityTypeBuilder<PhaseGate> b)
    {
        b.Property(g => g.From).HasConversion<string>().HasMaxLength(20);
        b.Property(g => g.To).HasConversion<string>().HasMaxLength(20);
        b.Property(g => g.DecisionRef).HasMaxLength(300);
    }
}

internal sealed class FinancingPlanConfiguration : IEntityTypeConfiguration<FinancingPlan>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public void Configure(EntityTypeBuilder<FinancingPlan> b)
    {
        b.HasIndex(p => new { p.ProjectId, p.Version }).IsUnique(); // FIN-7: versions, each once
        // FIN-7: one approved version (the spending limit) per project, even under concurrent approvals.
        b.HasIndex(p => p.ProjectId, "IX_FinancingPlans_OneApprovedPerProject").IsUnique().HasFilter("\"Status\" = 'Approved'");
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Total).HasPrecision(16, 2);
        b.Property(p => p.ProposedBy).HasMaxLength(256);
        b.Property(p => p.DecisionRef).HasMaxLength(300);
        // The sources are one value of the version (never edited): JSON text on both providers.
        b.Property(p => p.Sources)
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<List<FundingSource>>(v, Json) ?? new List<FundingSource>(),
                new ValueComparer<List<FundingSource>>(
                    (a, c) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(c, Json),
                    v => JsonSerializer.Serialize(v, Json).GetHashCode(StringComparison.Ordinal),
                    v => JsonSerializer.Deserialize<List<FundingSource>>(JsonSerializer.Serialize(v, Json), Json)!))
            .HasColumnName("SourcesJson");
    }
}

internal sealed class ExpenditureConfiguration : IEntityTypeConfiguration<Expenditure>
{
    public void Configure(EntityTypeBuilder<Expenditure> b)
    {
        b.HasOne<Project>().WithMany().HasForeignKey(e => e.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StoredDocument>().WithMany().HasForeignKey(e => e.DocumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.ProjectId, e.Date });
        b.Property(e => e.Amount).HasPrecision(16, 2);
        b.Property(e => e.Description).HasMaxLength(1000);
        b.Property(e => e.RecordedBy).HasMaxLength(256);
    }
}

internal sealed class EscalationConfiguration : IEntityTypeConfiguration<Escalation>
{
    public void Configure(EntityTypeBuilder<Escalation> b)
    {
        // FIN-9: raised once: at most one open escalation per project, even under concurrent refused spends.
        b.HasIndex(e => e.ProjectId, "IX_Escalations_OneOpenPerProject").IsUnique().HasFilter("\"Status\" = 'Open'");
        b.Property(e => e.Trigger).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.Reason).HasMaxLength(2000);
        b.Property(e => e.DecisionRef).HasMaxLength(300);
    }
}

internal sealed class BenefitConfiguration : IEntityTypeConfiguration<Benefit>
{
    public void Configure(EntityTypeBuilder<Benefit> b)
    {
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ProjectId, x.Orgnr });
        b.Property(x => x.Orgnr).HasMaxLength(9);
        b.Property(x => x.OwnerName).HasMaxLength(200);
        b.Property(x => x.OwnerEmail).HasMaxLength(256);
        b.Property(x => x.Indicator).HasMaxLength(500);
        b.Property(x => x.Unit).HasMaxLength(50);
        b.Property(x => x.Baseline).HasPrecision(18, 4);
        b.Property(x => x.Target).HasPrecision(18, 4);
        b.Ignore(x => x.Latest);
        b.Ignore(x => x.Achieved);
        b.HasMany(x => x.Measurements).WithOne().HasForeignKey(m => m.BenefitId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Measurements).HasField("_measurements").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class BenefitMeasurementConfiguration : IEntityTypeConfiguration<BenefitMeasurement>
{
    public void Configure(EntityTypeBuilder<BenefitMeasurement> b)
    {
        b.HasIndex(m => new { m.BenefitId, m.Period }).IsUnique(); // FIN-8: one report per period
        b.Property(m => m.Value).HasPrecision(18, 4);
        b.Property(m => m.ReportedBy).HasMaxLength(256);
        b.Property(m => m.Comment).HasMaxLength(1000);
    }
}

internal sealed class StatusReportConfiguration : IEntityTypeConfiguration<StatusReport>
{
    public void Configure(EntityTypeBuilder<StatusReport> b)
    {
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ProjectId, x.Date });
        b.Property(x => x.Overall).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Progress).HasMaxLength(4000);
        b.Property(x => x.NextSteps).HasMaxLength(4000);
        b.Property(x => x.PublishedBy).HasMaxLength(256);
    }
}

internal sealed class ProjectRiskConfiguration : IEntityTypeConfiguration<ProjectRisk>
{
    public void Configure(EntityTypeBuilder<ProjectRisk> b)
    {
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ProjectId);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.Property(x => x.Owner).HasMaxLength(200);
        b.Property(x => x.Mitigation).HasMaxLength(2000);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        b.Ignore(x => x.Score);
    }
}

internal sealed class ProjectDocumentConfiguration : IEntityTypeConfiguration<ProjectDocument>
{
    public void Configure(EntityTypeBuilder<ProjectDocument> b)
    {
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StoredDocument>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.DocumentId).IsUnique();
        b.HasIndex(x => x.ProjectId);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.UploadedBy).HasMaxLength(256);
    }
}
