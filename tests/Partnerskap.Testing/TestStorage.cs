using Npgsql;

namespace Partnerskap.Testing;

/// <summary>Temporary storage of test hosts and benchmarks: data directories and PostgreSQL databases.</summary>
public static class TestStorage
{
    /// <summary>Copies every file under <paramref name="from"/> (if it exists) into <paramref name="to"/>, except those <paramref name="skip"/> names by relative path.</summary>
    public static void CopyDirectory(string from, string to, Func<string, bool>? skip = null)
    {
        Directory.CreateDirectory(to);
        if (!Directory.Exists(from))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (skip?.Invoke(relative) == true)
            {
                continue;
            }

            var destination = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    /// <summary>Deletes a directory and what is in it; a leftover temp folder is harmless, so failures are ignored.</summary>
    public static void TryDeleteDirectory(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }

    /// <summary>Runs one statement on the server (no pooling), e.g. CREATE or DROP DATABASE.</summary>
    public static void ExecuteOnServer(string serverConnectionString, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(serverConnectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>Drops a database even if sessions are still open on it.</summary>
    public static void DropDatabase(string serverConnectionString, string database)
    {
        NpgsqlConnection.ClearAllPools();
        ExecuteOnServer(serverConnectionString, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }
}
