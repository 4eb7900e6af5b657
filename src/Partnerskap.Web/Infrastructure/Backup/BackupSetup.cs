using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Partnerskap.Web.Infrastructure.Backup;

public static class BackupSetup
{
    public static IServiceCollection AddBackups(this IServiceCollection services)
    {
        services.AddSingleton(sp => new BackupService(
            sp.GetRequiredService<IOptions<PartnerskapOptions>>().Value,
            sp.GetRequiredService<IConfiguration>().GetConnectionString(DatabaseSetup.PostgreSql),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<BackupService>>()));
        return services;
    }

    /// <summary>POST /api/backups (office): a backup under {DataDirectory}/backups/{yyyyMMddTHHmmssZ}.</summary>
    public static IEndpointRouteBuilder MapBackupsApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/backups", CreateAsync)
            .WithTags("Operations")
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Back up the database and stored documents into the data folder (office)");
        return api;
    }

    public sealed record BackupDto(string Path, int Files, DateTimeOffset CreatedAt);

    private static async Task<Created<BackupDto>> CreateAsync(BackupService backups, IOptions<PartnerskapOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var createdAt = clock.GetUtcNow();
        var root = Path.Combine(options.Value.DataDirectoryFullPath, "backups");
        var name = createdAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var target = Path.Combine(root, name);
        for (var n = 2; Directory.Exists(target); n++)
        {
            target = Path.Combine(root, $"{name}-{n}");
        }

        var path = await backups.CreateAsync(target, ct);
        var manifest = await BackupService.ReadManifestAsync(path, ct);
        return TypedResults.Created((string?)null, new BackupDto(path, manifest.Files.Count, manifest.CreatedAt));
    }
}
