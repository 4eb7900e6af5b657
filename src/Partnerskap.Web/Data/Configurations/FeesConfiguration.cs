using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnerskap.Domain.Fees;
using Partnerskap.Domain.Members;
using Partnerskap.Domain.Partnerships;
using Partnerskap.Domain.Portfolio;

namespace Partnerskap.Web.Data.Configurations;

internal sealed class FeeModelConfiguration : IEntityTypeConfiguration<FeeModel>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public void Configure(EntityTypeBuilder<FeeModel> b)
    {
        b.HasOne<Partnership>().WithMany().HasForeignKey(m => m.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.PartnershipId, m.ValidFromYear }).IsUnique(); // FIN-6: one version per valid-from year
        b.Property(m => m.Decision).HasMaxLength(300);
        b.Property(m => m.IndexEstimate).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.Frequency).HasConversion<string>().HasMaxLength(20);
        // The schedules are one value of the version (never edited): stored as JSON text on both providers.
        b.Property(m => m.Schedules)
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<List<FeeSchedule>>(v, Json) ?? new List<FeeSchedule>(),
                new ValueComparer<List<FeeSchedule>>(
                    (a, c) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(c, Json),
                    v => JsonSerializer.Serialize(v, Json).GetHashCode(StringComparison.Ordinal),
                    v => JsonSerializer.Deserialize<List<FeeSchedule>>(JsonSerializer.Serialize(v, Json), Json)!))
            .HasColumnName("SchedulesJson");
    }
}

internal sealed class InvoicingSettingsConfiguration : IEntityTypeConfiguration<InvoicingSettings>
{
    public void Configure(EntityTypeBuilder<InvoicingSettings> b)
    {
        b.HasKey(s => s.PartnershipId);
        b.HasOne<Partnership>().WithOne().HasForeignKey<InvoicingSettings>(s => s.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.Property(s => s.SellerOrgnr).HasMaxLength(9);
        b.Property(s => s.SellerName).HasMaxLength(200);
        b.Property(s => s.Street).HasMaxLength(200);
        b.Property(s => s.PostalCode).HasMaxLength(4);
        b.Property(s => s.City).HasMaxLength(100);
        b.Property(s => s.BankAccount).HasMaxLength(11);
    }
}

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> b)
    {
        b.HasOne<Partnership>().WithMany().HasForeignKey(i => i.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Member>().WithMany().HasForeignKey(i => i.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Invoice>().WithMany().HasForeignKey(i => i.CreditsInvoiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<FeeModel>().WithMany().HasForeignKey(i => i.FeeModelId).OnDelete(DeleteBehavior.Restrict);
        // Unique and gapless numbers: one number per partnership, one sequence slot per issue year.
        b.HasIndex(i => new { i.PartnershipId, i.Number }).IsUnique();
        b.HasIndex(i => new { i.PartnershipId, i.IssueYear, i.Sequence }).IsUnique();
        // Idempotent fee runs: at most one standing fee invoice per member and fee year (a credited one may be reissued).
        b.HasIndex(i => new { i.PartnershipId, i.FeeYear, i.MemberId }, "IX_Invoices_OneStandingFeeInvoice")
            .IsUnique().HasFilter("\"Kind\" = 'Invoice' AND \"Status\" <> 'Credited' AND \"FinancingPlanId\" IS NULL");
        // FIN-7: idempotent contribution invoicing: at most one standing member-contribution invoice per member and plan version.
        b.HasIndex(i => new { i.FinancingPlanId, i.MemberId }, "IX_Invoices_OneStandingContributionInvoice")
            .IsUnique().HasFilter("\"Kind\" = 'Invoice' AND \"Status\" <> 'Credited' AND \"FinancingPlanId\" IS NOT NULL");
        b.HasOne<Project>().WithMany().HasForeignKey(i => i.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<FinancingPlan>().WithMany().HasForeignKey(i => i.FinancingPlanId).OnDelete(DeleteBehavior.Restrict);
        b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Number).HasMaxLength(20);
        b.Property(i => i.Orgnr).HasMaxLength(9);
        b.Property(i => i.BuyerName).HasMaxLength(200);
        b.Property(i => i.BuyerAddress).HasMaxLength(400);
        b.Property(i => i.BuyerEndpoint).HasMaxLength(9);
        b.Property(i => i.BuyerReference).HasMaxLength(100);
        b.Property(i => i.Amount).HasPrecision(14, 2);
        b.Property(i => i.PaidAmount).HasPrecision(14, 2);
        b.Property(i => i.SellerOrgnr).HasMaxLength(9);
        b.Property(i => i.SellerName).HasMaxLength(200);
        b.Property(i => i.SellerAddress).HasMaxLength(400);
        b.Property(i => i.BankAccount).HasMaxLength(11);
        b.Property(i => i.Description).HasMaxLength(300);
        b.Property(i => i.Sheet).HasMaxLength(4000);
        b.Property(i => i.IndexEstimate).HasMaxLength(20);
        b.Property(i => i.CreditReason).HasMaxLength(500);
    }
}

/// <summary>The next invoice sequence per partnership and issue year; the row is locked for the length of a fee run.</summary>
public sealed class InvoiceCounter
{
    public int PartnershipId { get; set; }

    public int Year { get; set; }

    public int Next { get; set; } = 1;
}

internal sealed class InvoiceCounterConfiguration : IEntityTypeConfiguration<InvoiceCounter>
{
    public void Configure(EntityTypeBuilder<InvoiceCounter> b) => b.HasKey(c => new { c.PartnershipId, c.Year });
}
