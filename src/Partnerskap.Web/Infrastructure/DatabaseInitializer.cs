using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Partnerskap.Web.Data;
using Partnerskap.Web.Data.Seed;

namespace Partnerskap.Web.Infrastructure;

/// <summary>
/// First start: creates and migrates the database, seeds DigiViken and the statistics once, creates the roles and
/// the first logins. Every later start only migrates (seeding is skipped when the partnership exists).
/// </summary>
public sealed class DatabaseInitializer(
    AppDbContext db,
    AuditContext audit,
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<PartnerskapOptions> options,
    IHostEnvironment environment,
    TimeProvider clock,
    Features.Records.Records records,
    Features.Collaboration.Library library,
    StartupBanner banner,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken ct)
    {
        audit.Actor = "system";
        Directory.CreateDirectory(options.Value.DataDirectoryFullPath);
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging: readers do not block the writer; durable on commit.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        await Features.Audit.AuditLog.SealLegacyEntriesAsync(db, ct);
        await SeedRolesAsync();
        await SeedDigiVikenAsync(ct);
        await SeedFeeModelAsync(ct);
        await SeedFoundingRecordsAsync(ct);
        await SeedLibraryAsync(ct);
        await SeedUsersAsync();
    }

    private async Task SeedRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    private async Task SeedDigiVikenAsync(CancellationToken ct)
    {
        if (await db.Partnerships.AnyAsync(p => p.Slug == SeedData.DigiVikenSlug, ct))
        {
            return;
        }

        logger.LogInformation("Empty database: seeding DigiViken (52 members), population and kommunal deflator");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        audit.DecisionRef = "Partneravtale DigiViken, i kraft 1. januar 2022 (seed)";
        var partnership = SeedData.DigiViken();
        db.Partnerships.Add(partnership);
        await db.SaveChangesAsync(ct);

        db.Members.AddRange(SeedData.Members(partnership.Id));
        var now = clock.GetUtcNow();
        foreach (var (file, figures) in SeedData.Population())
        {
            var import = new StatisticsImport
            {
                Kind = "population",
                Format = "seed",
                Source = $"Data/Seed/{file} (SSB table 07459, see Data/Seed/README.md)",
                ImportedAt = now,
                ImportedBy = "system",
                Rows = figures.Count,
            };
            db.StatisticsImports.Add(import);
            await db.SaveChangesAsync(ct);
            figures.ForEach(f => f.SetImport(import.Id));
            db.PopulationFigures.AddRange(figures);
        }

        var deflator = SeedData.Deflator();
        db.DeflatorEstimates.AddRange(deflator);
        db.StatisticsImports.Add(new StatisticsImport
        {
            Kind = "kommunal-deflator",
            Format = "seed",
            Source = "Data/Seed/kommunal-deflator.csv (KS, Statsforvalteren, Prop. 142 S; see Data/Seed/README.md)",
            ImportedAt = now,
            ImportedBy = "system",
            Rows = deflator.Count,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        audit.DecisionRef = null;
    }

    /// <summary>FIN-6: DigiViken's 2022 fee model from the agreement, added once (also to databases seeded before fees existed).</summary>
    private async Task SeedFeeModelAsync(CancellationToken ct)
    {
        var partnership = await db.Partnerships.SingleAsync(p => p.Slug == SeedData.DigiVikenSlug, ct);
        if (await db.FeeModels.AnyAsync(m => m.PartnershipId == partnership.Id, ct))
        {
            return;
        }

        audit.DecisionRef = "Partneravtale DigiViken § 4 Finansiering (seed)";
        db.FeeModels.Add(Domain.Fees.FeeModel.DigiViken2022(partnership.Id));
        await db.SaveChangesAsync(ct);
        audit.DecisionRef = null;
    }

    /// <summary>
    /// ORG-1 / MEM-2: every seeded (founding) member gets its membership case with a journal entry for joining, as
    /// members registered later do (<c>RegisterMember</c>). Also backfills databases seeded before records existed;
    /// a member that already has its <c>member:{orgnr}</c> case is left alone.
    /// </summary>
    private async Task SeedFoundingRecordsAsync(CancellationToken ct)
    {
        // Runs at every start: one query that returns nothing once every member has its case.
        var partnership = await db.Partnerships.AsNoTracking().SingleAsync(p => p.Slug == SeedData.DigiVikenSlug, ct);
        var missing = await db.Members.AsNoTracking()
            .Where(m => m.PartnershipId == partnership.Id && !db.CaseFiles.Any(c => c.PartnershipId == partnership.Id && c.Key == "member:" + m.Orgnr))
            .OrderBy(m => m.Name)
            .Select(m => new { m.Orgnr, m.Name, m.JoinedOn, m.SignedOn })
            .ToListAsync(ct);
        if (missing.Count == 0)
        {
            return;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var m in missing)
        {
            var founding = m.JoinedOn <= partnership.AgreementInForceFrom;
            await records.FileAsync(partnership.Id, new Features.Records.Records.Filing(
                $"member:{m.Orgnr}", $"Medlemskap – {m.Name}", Domain.Records.EntryType.Incoming,
                founding ? $"Tiltredelse av partneravtalen som stiftende medlem – {m.Name}" : $"Innmelding – {m.Name}",
                m.SignedOn ?? m.JoinedOn, m.Name), ct);
        }

        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// PUR-4 / ORG-4: an empty library gets the agreement (version 1, in force from the agreement's start) and the
    /// templates members ask for: resignation letter, proxy for the annual meeting, case presentation for the board.
    /// </summary>
    private async Task SeedLibraryAsync(CancellationToken ct)
    {
        var partnership = await db.Partnerships.AsNoTracking().SingleAsync(p => p.Slug == SeedData.DigiVikenSlug, ct);
        if (await db.LibraryDocuments.AnyAsync(d => d.PartnershipId == partnership.Id, ct))
        {
            return;
        }

        static Features.Members.Upload Text(string fileName, string text) =>
            new(fileName, "text/plain", () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)));

        await library.CreateAsync(partnership.Id, "agreement", "Partneravtale – DigiViken", "Avtalen medlemmene har signert. Ved motstrid går den foran vedtektene (ORG-4).",
            Text("partneravtale-digiviken.txt", File.ReadAllText(Path.Combine(SeedData.Folder, "partneravtale-digiviken.md"))),
            partnership.AgreementInForceFrom, "Partneravtale signert av medlemmene, i kraft 1. januar 2022", null, ct);
        foreach (var (title, description, file, text) in Templates)
        {
            await library.CreateAsync(partnership.Id, "template", title, description, Text(file, text), partnership.AgreementInForceFrom, null, null, ct);
        }
    }

    private static readonly (string Title, string Description, string File, string Text)[] Templates =
    [
        ("Mal: oppsigelse av medlemskap", "Skriftlig oppsigelse (MEM-3, MEM-4): må være mottatt innen 30. juni for uttreden 1. januar året etter.", "mal-oppsigelse.txt",
            "[Medlemmets navn]\n[Organisasjonsnummer]\n\nTil DigiViken v/ programkontoret\n\nOppsigelse av medlemskap i DigiViken\n\n" +
            "[Medlemmets navn] sier med dette opp sitt medlemskap i DigiViken, jf. partneravtalen, «Oppsigelse og opphør av partnerskapet».\n" +
            "Vi legger til grunn at uttreden skjer 1. januar [år].\n\nVedtak/hjemmel for oppsigelsen: [sak og dato]\n\n[Sted og dato]\n[Navn, stilling]\n"),
        ("Mal: fullmakt til årsmøtet", "Fullmakt fra et medlem til en annen medlemsrepresentant (ORG-1).", "mal-fullmakt.txt",
            "Fullmakt til årsmøtet i DigiViken [år]\n\n[Medlemmets navn] ([organisasjonsnummer]) gir med dette [representantens navn], " +
            "representant for [annet medlem], fullmakt til å møte, tale og stemme på vegne av oss på årsmøtet [dato].\n\n" +
            "Fullmakten kan ikke overdras videre.\n\n[Sted og dato]\n[Navn, stilling]\n"),
        ("Mal: saksframlegg til programstyret", "Mal for sak til programstyret (ORG-2): bakgrunn, vurdering, økonomi og forslag til vedtak.", "mal-saksframlegg.txt",
            "Saksframlegg til programstyret i DigiViken\n\nSak: [nummer og tittel]\nMøte: [dato]\nSaksbehandler: [navn]\n\n" +
            "1. Bakgrunn\n[...]\n\n2. Vurdering\n[...]\n\n3. Økonomi og finansiering\n[...]\n\n4. Habilitet\n[Kjente interesser og parter]\n\n" +
            "Forslag til vedtak:\n[...]\n"),
    ];

    private async Task SeedUsersAsync()
    {
        var bootstrap = options.Value.BootstrapAdmin;
        if (!string.IsNullOrWhiteSpace(bootstrap.Email) && !string.IsNullOrWhiteSpace(bootstrap.Password))
        {
            if (await users.FindByEmailAsync(bootstrap.Email) is null)
            {
                await CreateAsync(bootstrap.Email, bootstrap.Password, "Programkontoret", Roles.Office, orgnr: null);
                banner.Add($"Office login from configuration: {bootstrap.Email} (password as configured)");
            }

            return;
        }

        if (await users.Users.AnyAsync())
        {
            return;
        }

        // No login configured and none exists: create one office user with a random password, shown once.
        var created = new List<(string Email, string Password, string Role)>
        {
            await CreateRandomAsync("kontoret@digiviken.local", "Programkontoret", Roles.Office, null),
        };
        if (options.Value.CreateDemoUsers ?? environment.IsDevelopment())
        {
            created.Add(await CreateRandomAsync("styret@digiviken.local", "Styremedlem (demo)", Roles.Board, null));
            created.Add(await CreateRandomAsync("asker@digiviken.local", "Kontaktperson Asker (demo)", Roles.MemberContact, "920125298"));
        }

        banner.Add("First start: created these logins. The passwords are shown only now; write them down.");
        foreach (var (email, password, role) in created)
        {
            banner.Add($"  {role,-15} {email,-28} {password}");
        }
    }

    private async Task<(string, string, string)> CreateRandomAsync(string email, string name, string role, string? orgnr)
    {
        // 18 random bytes → 24 URL-safe characters; suffix guarantees Identity's digit/upper/lower/symbol rules.
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('/', '_').Replace('+', '-') + "a1A!";
        await CreateAsync(email, password, name, role, orgnr);
        return (email, password, role);
    }

    private async Task CreateAsync(string email, string password, string name, string role, string? orgnr)
    {
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, Name = name, Orgnr = orgnr };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create user {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }

        await users.AddToRoleAsync(user, role);
    }
}

/// <summary>Lines to print once the app listens (URL, first logins).</summary>
public sealed class StartupBanner
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines => _lines;

    public void Add(string line) => _lines.Add(line);
}
