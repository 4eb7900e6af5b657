using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Partnerskap.Testing;

namespace Partnerskap.Web.Tests.Fees;

/// <summary>
/// Runs shared/tools/validate-ehf (UBL XSD + EN 16931 + Peppol BIS Billing 3.0 / Norwegian rules), found next to the
/// repository root: &lt;root&gt;/../shared/tools/validate-ehf. It needs Java and Saxon: `apt-get install -y
/// default-jre-headless libsaxonhe-java libxml2-utils xsltproc`. A missing validator or prerequisite fails the test in CI
/// (CI=true) and skips it, loudly, on a developer machine. Pass all files in one call: each call starts two JVMs (≈5 s).
/// </summary>
public static class EhfValidator
{
    private const string Install = "apt-get install -y --no-install-recommends default-jre-headless libsaxonhe-java libxml2-utils xsltproc";

    public sealed record Result(int ExitCode, string Output);

    public static Result Run(IEnumerable<string> files)
    {
        var script = FindScript();
        if (FindOnPath("java") is null)
        {
            Unavailable($"java not found on PATH ({Install})");
        }

        var start = new ProcessStartInfo(FindOnPath("bash") ?? "/bin/bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(script)!,
        };
        start.ArgumentList.Add(script);
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("validate-ehf did not finish within 3 minutes.");
        }

        var output = $"$ validate-ehf {string.Join(' ', start.ArgumentList.Skip(1).Select(Path.GetFileName))}\n{stdout.Result}{stderr.Result}";
        TestContext.Current.SendDiagnosticMessage(output);
        if (process.ExitCode == 2)
        {
            // Usage error or a missing prerequisite/artefact (the script names it).
            Unavailable($"validate-ehf exited with 2 ({Install}):\n{output}");
        }

        return new Result(process.ExitCode, output);
    }

    /// <summary>The repository root: the first folder up from the test binaries that holds Partnerskap.slnx.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Partnerskap.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Partnerskap.slnx above {AppContext.BaseDirectory}.");
    }

    private static string FindScript()
    {
        var script = Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "tools", "validate-ehf"));
        if (!File.Exists(script))
        {
            Unavailable($"validator not found at {script}");
        }

        return script;
    }

    private static string? FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Append("/usr/bin")
        .Select(d => Path.Combine(d, tool))
        .FirstOrDefault(File.Exists);

    [DoesNotReturn]
    private static void Unavailable(string reason)
    {
        var message = $"*** EHF validation not possible: {reason}. ";
        if (PartnerskapFactory.InCi)
        {
            Assert.Fail(message + "In CI this is a failure. ***");
        }

        Console.Error.WriteLine(message + "Test SKIPPED. ***");
        Assert.Skip(message + "Test SKIPPED; in CI this is a failure. ***");
    }
}
