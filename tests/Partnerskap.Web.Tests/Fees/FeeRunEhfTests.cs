using System.Net.Http.Json;
using System.Text;
using Partnerskap.Testing;

namespace Partnerskap.Web.Tests.Fees;

/// <summary>The EHF files a real fee run produces (through the API) pass validate-ehf: EN 16931 + PEPPOL BIS 3 + NO rules.</summary>
public class FeeRunEhfTests(SqliteHost host) : IClassFixture<SqliteHost>
{
    [Fact]
    public async Task FIN_2_every_EHF_file_of_a_fee_run_and_a_credit_note_passes_the_validator()
    {
        var office = await host.App.LoginAsOfficeAsync();
        await office.SetSellerAsync();
        await office.PutAsJsonAsync("/api/partnerships/digiviken/members/920125298/details", new { invoiceReference = "Digitalisering 4410", address = "Postboks 353", postalCode = "1372", city = "Asker" });
        var run = await (await office.PostAsync("/api/partnerships/digiviken/fees/2024/run", null)).ReadJsonAsync();
        var invoices = run.GetProperty("invoices").EnumerateArray().ToList();
        var credit = await (await office.PostAsJsonAsync($"/api/invoices/{invoices[1].GetProperty("id").GetInt32()}/credit", new { reason = "Test av kreditnota" })).ReadJsonAsync();

        var folder = Directory.CreateTempSubdirectory("ehf-run-").FullName;
        var files = new List<string>();
        foreach (var id in invoices.Take(8).Select(i => i.GetProperty("id").GetInt32()).Append(credit.GetProperty("id").GetInt32()))
        {
            var response = await office.GetAsync($"/api/invoices/{id}/ehf");
            Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
            var path = Path.Combine(folder, $"invoice-{id}.xml");
            await File.WriteAllTextAsync(path, await response.Content.ReadAsStringAsync(), Encoding.UTF8);
            files.Add(path);
        }

        var asker = await File.ReadAllTextAsync(files.First(f => File.ReadAllText(f).Contains("920125298", StringComparison.Ordinal) && !File.ReadAllText(f).Contains("CreditNote", StringComparison.Ordinal)));
        Assert.Contains("Digitalisering 4410", asker); // the member's buyer reference (BT-10)
        Assert.Contains("schemeID=\"0192\"", asker);

        var result = EhfValidator.Run(files);
        Assert.True(result.ExitCode == 0, result.Output);
    }
}
