using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Benefits;
using Partnerskap.Domain.Board;
using Partnerskap.Domain.Decisions;
using Partnerskap.Domain.Fees;
using Partnerskap.Domain.Meetings;
using Partnerskap.Domain.Members;
using Partnerskap.Domain.Partnerships;
using Partnerskap.Domain.Portfolio;
using Partnerskap.Domain.Records;
using Partnerskap.Domain.Statistics;

namespace Partnerskap.Web.Data;

/// <summary>
/// The one database context. Provider-specific subclasses (<see cref="SqliteAppDbContext"/>,
/// <see cref="PostgresAppDbContext"/>) exist only so each provider has its own migration set.
/// </summary>
public class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>ASP.NET Core data-protection keys (cookies, bearer tokens, antiforgery): shared by every instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var partnerships = PartnershipsChanging();
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        if (partnerships)
        {
            Features.Partnerships.PartnershipDirectory.Invalidate();
        }

        return saved;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var partnerships = PartnershipsChanging();
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (partnerships)
        {
            Features.Partnerships.PartnershipDirectory.Invalidate(); // this process's cached partnerships are stale now
        }

        return saved;
    }

    private bool PartnershipsChanging() =>
        ChangeTracker.Entries<Partnership>().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);

    public DbSet<Partnership> Partnerships => Set<Partnership>();

    public DbSet<Member> Members => Set<Member>();

    public DbSet<ResignationNotice> ResignationNotices => Set<ResignationNotice>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();

    public DbSet<Succession> Successions => Set<Succession>();

    public DbSet<StoredDocument> Documents => Set<StoredDocument>();

    public DbSet<FeeModel> FeeModels => Set<FeeModel>();

    public DbSet<InvoicingSettings> InvoicingSettings => Set<InvoicingSettings>();

    public DbSet<Invoice> Invoices => Set<Invoice>();

    public DbSet<Configurations.InvoiceCounter> InvoiceCounters => Set<Configurations.InvoiceCounter>();

    public DbSet<PopulationFigure> PopulationFigures => Set<PopulationFigure>();

    public DbSet<DeflatorEstimate> DeflatorEstimates => Set<DeflatorEstimate>();

    public DbSet<StatisticsImport> StatisticsImports => Set<StatisticsImport>();

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<FinancingPlan> FinancingPlans => Set<FinancingPlan>();

    public DbSet<Expenditure> Expenditures => Set<Expenditure>();

    public DbSet<Escalation> Escalations => Set<Escalation>();

    public DbSet<Benefit> Benefits => Set<Benefit>();

    public DbSet<StatusReport> StatusReports => Set<StatusReport>();

    public DbSet<ProjectRisk> ProjectRisks => Set<ProjectRisk>();

    public DbSet<ProjectDocument> ProjectDocuments => Set<ProjectDocument>();

    public DbSet<BaseBudgetLine> BaseBudgetLines => Set<BaseBudgetLine>();

    public DbSet<Grant> Grants => Set<Grant>();

    public DbSet<InKindContribution> InKindContributions => Set<InKindContribution>();

    public DbSet<Idea> Ideas => Set<Idea>();
    public DbSet<BoardSeat> BoardSeats => Set<BoardSeat>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<BoardCase> Cases => Set<BoardCase>();

    public DbSet<Decision> Decisions => Set<Decision>();

    public DbSet<Credential> Credentials => Set<Credential>();

    public DbSet<Vote> Votes => Set<Vote>();

    public DbSet<Ballot> Ballots => Set<Ballot>();

    public DbSet<PaperBallot> PaperBallots => Set<PaperBallot>();

    public DbSet<AgendaDocument> AgendaDocuments => Set<AgendaDocument>();

    public DbSet<Configurations.VoteTally> VoteTallies => Set<Configurations.VoteTally>();

    public DbSet<MeetingSettings> MeetingSettings => Set<MeetingSettings>();

    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();

    public DbSet<Proposal> Proposals => Set<Proposal>();

    public DbSet<Protocol> Protocols => Set<Protocol>();

    public DbSet<Configurations.NumberCounter> NumberCounters => Set<Configurations.NumberCounter>();

    public DbSet<DeclaredInterest> DeclaredInterests => Set<DeclaredInterest>();

    public DbSet<BoardMeetingRecord> BoardMeetingRecords => Set<BoardMeetingRecord>();

    public DbSet<Dispute> Disputes => Set<Dispute>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();

    public DbSet<PartnershipAssignment> PartnershipAssignments => Set<PartnershipAssignment>();

    public DbSet<CaseFile> CaseFiles => Set<CaseFile>();

    public DbSet<JournalEntry> JournalEntries => Set<JournalEntry>();

    public DbSet<RecordDocument> RecordDocuments => Set<RecordDocument>();

    public DbSet<Configurations.RecordCounter> RecordCounters => Set<Configurations.RecordCounter>();

    public DbSet<Partnerskap.Domain.Collaboration.Consultation> Consultations => Set<Partnerskap.Domain.Collaboration.Consultation>();

    public DbSet<Partnerskap.Domain.Collaboration.AnchoringRound> AnchoringRounds => Set<Partnerskap.Domain.Collaboration.AnchoringRound>();

    public DbSet<Partnerskap.Domain.Collaboration.Network> Networks => Set<Partnerskap.Domain.Collaboration.Network>();

    public DbSet<Partnerskap.Domain.Collaboration.Event> Events => Set<Partnerskap.Domain.Collaboration.Event>();

    public DbSet<Partnerskap.Domain.Collaboration.EventRegistration> EventRegistrations => Set<Partnerskap.Domain.Collaboration.EventRegistration>();

    public DbSet<Partnerskap.Domain.Collaboration.NewsItem> News => Set<Partnerskap.Domain.Collaboration.NewsItem>();

    public DbSet<Partnerskap.Domain.Collaboration.LibraryDocument> LibraryDocuments => Set<Partnerskap.Domain.Collaboration.LibraryDocument>();

    public DbSet<Partnerskap.Domain.Collaboration.ExternalPartner> ExternalPartners => Set<Partnerskap.Domain.Collaboration.ExternalPartner>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}

/// <summary>SQLite, the embedded default. Migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    /// <summary>Every SQLite connection gets the bokmål collation when it opens (see <see cref="BokmalCollation"/>).</summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.AddInterceptors(BokmalCollation.SqliteInterceptor);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no offset-aware timestamp type and cannot order or compare DateTimeOffset stored as text;
        // store UTC ticks instead (every instant we write is UTC).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>PostgreSQL, the production option. Migrations in Data/Migrations/Postgres.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    /// <summary>Numbers audit entries across the parallel chains without a shared lock (see <see cref="AuditEntry.Sequence"/>).</summary>
    public const string AuditSequence = "AuditSequence";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasSequence<long>(AuditSequence);

        // Bokmål order for names sorted in SQL (BokmalCollation.OrderByBokmal): an ICU collation, whatever the cluster's default.
        builder.HasCollation(Partnerskap.Domain.Common.Bokmal.Collation, locale: "nb-NO", provider: "icu", deterministic: true);
    }
}
