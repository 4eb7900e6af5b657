using Microsoft.EntityFrameworkCore;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Infrastructure;

public static class DatabaseSetup
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSql";

    /// <summary>Registers <see cref="AppDbContext"/> on the configured provider: the one place that picks UseSqlite or UseNpgsql.</summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(PartnerskapOptions.Section).Get<PartnerskapOptions>() ?? new PartnerskapOptions();
        services.AddHttpContextAccessor();
        services.AddScoped<AuditContext>();
        services.AddScoped<AuditInterceptor>();

        var provider = options.Database.Provider;
        if (string.Equals(provider, PostgreSql, StringComparison.OrdinalIgnoreCase) || string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            var cs = configuration.GetConnectionString(PostgreSql);
            if (string.IsNullOrWhiteSpace(cs))
            {
                throw new InvalidOperationException(
                    "Partnerskap:Database:Provider is PostgreSql but ConnectionStrings:PostgreSql is empty. " +
                    "Set it, e.g. ConnectionStrings__PostgreSql=\"Host=127.0.0.1;Port=5432;Username=...;Password=...;Database=partnerskap\".");
            }

            services.AddDbContext<AppDbContext, PostgresAppDbContext>((sp, o) => o
                .UseNpgsql(cs)
                .AddInterceptors(sp.GetRequiredService<AuditInterceptor>()));
        }
        else if (string.Equals(provider, Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            services.AddDbContext<AppDbContext, SqliteAppDbContext>((sp, o) => o
                .UseSqlite(SqliteConnectionString(options))
                .AddInterceptors(sp.GetRequiredService<AuditInterceptor>()));
        }
        else
        {
            throw new InvalidOperationException($"Unknown Partnerskap:Database:Provider '{provider}'. Use Sqlite or PostgreSql.");
        }

        return services;
    }

    public static string SqliteConnectionString(PartnerskapOptions options) =>
        $"Data Source={Path.Combine(options.DataDirectoryFullPath, "partnerskap.db")};Foreign Keys=True";
}

/// <summary>Design-time factories for `dotnet ef migrations add` (one migration set per provider).</summary>
public sealed class SqliteDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

public sealed class PostgresDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
