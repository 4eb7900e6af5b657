using System.Diagnostics;
using Partnerskap.Testing;

namespace Partnerskap.Web.Tests.Infrastructure;

/// <summary>
/// poppler-utils (pdftotext, pdftoppm) from Debian. Missing tools fail the test in CI (CI=true) and skip it, loudly,
/// on a developer machine: `apt-get install poppler-utils`.
/// </summary>
public static class PopplerTools
{
    public static string PdfToText(string pdfPath) => Run("pdftotext", "-layout", pdfPath, "-");

    /// <summary>Every word with its box in points (origin top left), per page, from `pdftotext -bbox`.</summary>
    public static List<List<(string Text, double XMin, double YMin, double XMax, double YMax)>> Words(string pdfPath)
    {
        var html = Run("pdftotext", "-bbox", pdfPath, "-");
        var pages = new List<List<(string, double, double, double, double)>>();
        foreach (var page in html.Split("<page ").Skip(1))
        {
            pages.Add([.. System.Text.RegularExpressions.Regex.Matches(page,
                    "<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>")
                .Select(m => (System.Net.WebUtility.HtmlDecode(m.Groups[5].Value), D(m.Groups[1].Value), D(m.Groups[2].Value), D(m.Groups[3].Value), D(m.Groups[4].Value)))]);
        }

        return pages;

        static double D(string s) => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static void PdfToPng(string pdfPath, string pngPrefix) => Run("pdftoppm", "-png", "-r", "60", pdfPath, pngPrefix);

    private static string Run(string tool, params string[] arguments)
    {
        var path = new[] { "/usr/bin", "/usr/local/bin" }.Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
        if (path is null)
        {
            var message = $"*** {tool} not found: install Debian's poppler-utils (bash .ci/run does). ";
            if (PartnerskapFactory.InCi)
            {
                Assert.Fail(message + "In CI this is a failure. ***");
            }

            Console.Error.WriteLine(message + "Test SKIPPED. ***");
            Assert.Skip(message + "Test SKIPPED; in CI this is a failure. ***");
        }

        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill();
            Assert.Fail($"{tool} did not finish within 30 s.");
        }

        Assert.True(process.ExitCode == 0, $"{tool} exited with {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }
}
