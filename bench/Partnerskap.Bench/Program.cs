using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Partnerskap.Testing;

// Benchmarks for Partnerskap. Usage: dotnet run -c Release --project bench/Partnerskap.Bench -- fee-run [members]
var which = args.FirstOrDefault() ?? "fee-run";
// WebApplicationFactory needs the web project's content root; outside a test project, say where it is.
var root = AppContext.BaseDirectory;
while (!File.Exists(Path.Combine(root, "Partnerskap.slnx")))
{
    root = Path.GetDirectoryName(root.TrimEnd('/')) ?? throw new InvalidOperationException("Run from inside the repository.");
}

Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PARTNERSKAP_WEB", Path.Combine(root, "src", "Partnerskap.Web"));
var members = args.Length > 1 && int.TryParse(args[1], out var n) ? n : 372;
return which switch
{
    "fee-run" => await FeeRun.RunAsync(members),
    "bare" => await National.BareAsync(args[1]),
    "load" when args.Contains("national") => await National.RunAsync(root, args.Length > 1 && int.TryParse(args[1], out var seconds) ? seconds : 10, args.Contains("postgres")),
    "load" => await Load.RunAsync(args.Length > 1 && int.TryParse(args[1], out var seconds) ? seconds : 10),
    "portfolio" => await PortfolioBench.RunAsync(args.Length > 1 && int.TryParse(args[1], out var p) ? p : 2000, args.Length > 2 && int.TryParse(args[2], out var s) ? s : 5),
    "voting" => await Voting.RunAsync(args.Length > 1 && int.TryParse(args[1], out var voters) ? voters : 1000, args.Contains("postgres")),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Partnerskap.Bench fee-run [members=372] | load [seconds-per-endpoint=10] [national [postgres]] | portfolio [projects=2000] [seconds-per-endpoint=5] | voting [voters=1000] [postgres]");
    return 2;
}

/// <summary>
/// Issue 10: a fee run with PDF and EHF for N members (national scale: 372), through the real API on SQLite, against
/// the baseline of writing the same number of empty files (one PDF + one EHF per member) in the same run.
/// </summary>
internal static class FeeRun
{
    public static async Task<int> RunAsync(int count)
    {
        await using var app = new PartnerskapFactory();
        var office = await app.LoginAsOfficeAsync();
        var slug = "national";
        Check(await office.PostAsJsonAsync("/api/partnerships", new { slug, name = "Nasjonal test", agreementInForceFrom = "2025-01-01" }));
        Check(await office.PostAsJsonAsync($"/api/partnerships/{slug}/fee-models", new
        {
            validFromYear = 2025,
            decision = "Benchmark",
            schedules = new[] { new { kind = "other", fixedAmount = 25_000m } },
        }));
        Check(await office.SetSellerAsync(slug));
        foreach (var orgnr in TestData.Orgnrs(count))
        {
            Check(await office.PostAsJsonAsync($"/api/partnerships/{slug}/members", new { orgnr, name = $"Medlem {orgnr}", kind = "other", joinedOn = "2025-01-01" }));
        }

        var output = Directory.CreateTempSubdirectory("partnerskap-bench-").FullName;

        // Baseline: the same number of empty files.
        var baseline = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await File.WriteAllBytesAsync(Path.Combine(output, $"empty-{i}.pdf"), []);
            await File.WriteAllBytesAsync(Path.Combine(output, $"empty-{i}.xml"), []);
        }

        baseline.Stop();

        var run = Stopwatch.StartNew();
        var response = await office.PostAsync($"/api/partnerships/{slug}/fees/2025/run", null);
        Check(response);
        var invoices = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync()).GetProperty("invoices").EnumerateArray().ToList();
        var issued = run.Elapsed;
        foreach (var invoice in invoices)
        {
            var id = invoice.GetProperty("id").GetInt32();
            await File.WriteAllBytesAsync(Path.Combine(output, $"{id}.pdf"), await office.GetByteArrayAsync($"/api/invoices/{id}/pdf"));
            await File.WriteAllBytesAsync(Path.Combine(output, $"{id}.xml"), await office.GetByteArrayAsync($"/api/invoices/{id}/ehf"));
        }

        run.Stop();
        Console.WriteLine($"fee-run: {invoices.Count} invoices; issue {issued.TotalSeconds:0.00} s; issue + PDF + EHF {run.Elapsed.TotalSeconds:0.00} s");
        Console.WriteLine($"baseline: {2 * count} empty files {baseline.Elapsed.TotalSeconds:0.000} s");
        Console.WriteLine($"ratio (fee run with files / empty files): {run.Elapsed.TotalSeconds / Math.Max(baseline.Elapsed.TotalSeconds, 0.001):0.0}");
        Directory.Delete(output, recursive: true);
        return invoices.Count == count ? 0 : 1;
    }

    private static void Check(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} → {(int)response.StatusCode}: {response.Content.ReadAsStringAsync().Result}");
        }
    }
}
