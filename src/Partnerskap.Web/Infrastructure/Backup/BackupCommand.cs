namespace Partnerskap.Web.Infrastructure.Backup;

/// <summary>
/// <c>backup &lt;dir&gt;</c> and <c>restore &lt;dir&gt;</c> as the first command-line arguments: run against the configured
/// database and exit instead of serving. Neither runs the database initializer (no migration, no seeding).
/// Restore is an offline operation: stop the app first.
/// </summary>
public static class BackupCommand
{
    private static readonly string[] Commands = ["backup", "restore"];

    public static bool IsCommand(string[] args) =>
        args.Length > 0 && Commands.Contains(args[0], StringComparer.OrdinalIgnoreCase);

    /// <summary>The arguments for the host's configuration: without the command and its folder.</summary>
    public static string[] HostArgs(string[] args) => IsCommand(args) ? args[Math.Min(2, args.Length)..] : args;

    /// <summary>Runs the command; returns the process exit code (0 on success).</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken ct = default)
    {
        if (args.Length < 2 || string.IsNullOrWhiteSpace(args[1]))
        {
            await Console.Error.WriteLineAsync($"Usage: {args[0]} <folder>");
            return 2;
        }

        var backups = services.GetRequiredService<BackupService>();
        try
        {
            if (string.Equals(args[0], "backup", StringComparison.OrdinalIgnoreCase))
            {
                var path = await backups.CreateAsync(args[1], ct);
                Console.WriteLine($"Backup of the {backups.Provider} database and documents written to {path}");
            }
            else
            {
                await backups.RestoreAsync(args[1], ct);
                Console.WriteLine($"Restored {args[1]} into the configured {backups.Provider} database and documents folder.");
            }

            return 0;
        }
        catch (BackupException e)
        {
            await Console.Error.WriteLineAsync($"{args[0]} failed: {e.Message}");
            return 1;
        }
    }
}
