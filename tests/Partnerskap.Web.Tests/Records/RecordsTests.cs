using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnerskap.Testing;
using Partnerskap.Web.Tests.Infrastructure;

namespace Partnerskap.Web.Tests.Records;

/// <summary>ORG-1: the records (Noark 5 shaped), the public journal and the Noark 5 export, on SQLite and PostgreSQL.</summary>
public abstract class RecordsTests(AppHost host)
{
    private PartnerskapFactory App => host.App;

    private const string P = "/api/partnerships/digiviken";

    private static object Letter(string text = "Vi sier opp vårt deltakerforhold i DigiViken.") => new
    {
        fileName = "oppsigelse.txt",
        contentType = "text/plain",
        contentBase64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(text)),
    };

    private static async Task<string> NewMemberAsync(HttpClient office)
    {
        var orgnr = TestData.NextOrgnr();
        var response = await office.PostAsJsonAsync($"{P}/members", new
        {
            orgnr,
            name = $"Arkivtest {orgnr}",
            kind = "other",
            joinedOn = "2022-01-01",
            signedBy = "Ola Ordfører",
            signedOn = "2022-01-01",
            document = new { fileName = "avtale.pdf", contentType = "application/pdf", contentBase64 = Convert.ToBase64String(Encoding.ASCII.GetBytes("%PDF-1.4\n% signert avtale\n%%EOF\n")) },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return orgnr;
    }

    private static System.Text.Json.JsonElement CaseOf(System.Text.Json.JsonElement cases, string key) =>
        cases.EnumerateArray().Single(c => c.GetProperty("key").GetString() == key);

    [Fact]
    public async Task ORG_1_joining_and_resignation_are_filed_in_the_members_case_with_their_documents()
    {
        var office = await App.LoginAsOfficeAsync();
        var orgnr = await NewMemberAsync(office);
        var resigned = await office.PostAsJsonAsync($"{P}/members/{orgnr}/resignation", new { receivedOn = "2026-06-30", document = Letter() });
        Assert.Equal(HttpStatusCode.Created, resigned.StatusCode);

        var memberCase = CaseOf(await office.GetJsonAsync($"{P}/records"), $"member:{orgnr}");
        Assert.Equal($"Medlemskap – Arkivtest {orgnr}", memberCase.GetProperty("title").GetString());
        var entries = memberCase.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["I", "I", "U"], entries.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal(memberCase.GetProperty("number").GetString() + "-3", entries[2].GetProperty("number").GetString());
        Assert.Equal("2026-06-30", entries[1].GetProperty("journalDate").GetString());
        Assert.All(entries, e => Assert.Single(e.GetProperty("documents").EnumerateArray()));

        // The checksum filed is the SHA-256 of the stored bytes.
        var notice = entries[1].GetProperty("documents")[0];
        var bytes = await office.GetByteArrayAsync($"/api/documents/{notice.GetProperty("storedDocumentId").GetInt32()}");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), notice.GetProperty("sha256").GetString());
        Assert.Equal("txt", notice.GetProperty("format").GetString());
    }

    [Fact]
    public async Task ORG_1_a_fee_model_decision_is_filed()
    {
        var office = await App.LoginAsOfficeAsync();
        var year = 2040 + Random.Shared.Next(0, 50);
        var created = await office.PostAsJsonAsync($"{P}/fee-models", new { validFromYear = year, amountPerInhabitant = 4, countyBaseAmount = 200_000, countyBaseYear = year, decision = $"Årsmøtet {year - 1}, sak 3" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var feeCase = CaseOf(await office.GetJsonAsync($"{P}/records"), $"fee-model:{year}");
        var entry = Assert.Single(feeCase.GetProperty("entries").EnumerateArray());
        Assert.Equal("X", entry.GetProperty("type").GetString());
        Assert.Contains($"Årsmøtet {year - 1}, sak 3", entry.GetProperty("title").GetString());
    }

    [Fact]
    public async Task ORG_1_a_restricted_entry_needs_a_legal_basis_and_the_public_journal_shows_only_the_screened_title()
    {
        var office = await App.LoginAsOfficeAsync();
        var key = $"test:{Guid.NewGuid():N}";
        await (await office.PostAsJsonAsync($"{P}/records", new { caseKey = key, caseTitle = "Personalsak", type = "I", title = "Søknad fra Per Hansen", restricted = true }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "ORG-1");

        var filed = await office.PostAsJsonAsync($"{P}/records", new
        {
            caseKey = key,
            caseTitle = "Personalsak",
            type = "I",
            title = "Søknad fra Per Hansen",
            journalDate = "2026-11-20",
            party = "Per Hansen",
            restricted = true,
            legalBasis = "offl. § 13 jf. fvl. § 13",
            publicTitle = "Søknad fra *****",
        });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var number = (await filed.ReadJsonAsync()).GetProperty("number").GetString();

        var anonymous = App.CreateClient();
        var line = (await anonymous.GetJsonAsync($"{P}/journal")).EnumerateArray().Single(e => e.GetProperty("number").GetString() == number);
        Assert.Equal("Søknad fra *****", line.GetProperty("title").GetString());
        Assert.Equal("offl. § 13 jf. fvl. § 13", line.GetProperty("legalBasis").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, line.GetProperty("party").ValueKind);
        Assert.Equal("Skjermet", line.GetProperty("caseTitle").GetString());
        var page = await anonymous.GetStringAsync("/digiviken/journal");
        Assert.Contains("Søknad fra *****", page);
        Assert.DoesNotContain("Per Hansen", page);
        Assert.DoesNotContain("Personalsak", page);

        // A member contact does not read the records themselves.
        var email = $"rec-{Guid.NewGuid():N}@test.local";
        await App.CreateUserAsync(email, "member-contact", "920125298");
        var member = await App.LoginAsync(email);
        await (await member.GetAsync($"{P}/records")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ORG_1_board_cases_and_their_decisions_are_filed_and_a_restricted_case_is_screened_in_public()
    {
        var office = await App.LoginAsOfficeAsync();
        var meeting = await (await office.PostAsJsonAsync($"{P}/meetings", new { kind = "board", title = "Styremøte arkiv", startsAt = "2026-12-03T09:00:00+01:00" })).ReadJsonAsync();
        var meetingId = meeting.GetProperty("id").GetInt32();
        var open = await (await office.PostAsJsonAsync($"/api/meetings/{meetingId}/cases", new { title = $"Felles skyplattform {Guid.NewGuid():N}" })).ReadJsonAsync();
        var screened = await (await office.PostAsJsonAsync($"/api/meetings/{meetingId}/cases", new { title = $"Tvist om lisenser {Guid.NewGuid():N}", partyOrgnrs = new[] { "920125298" }, restricted = true })).ReadJsonAsync();
        var openTitle = open.GetProperty("title").GetString()!;
        var screenedTitle = screened.GetProperty("title").GetString()!;
        using (var scope = App.Services.CreateScope())
        {
            var register = scope.ServiceProvider.GetRequiredService<Partnerskap.Web.Features.Board.DecisionRegister>();
            await register.RecordAsync(new(1, Domain.Decisions.DecisionBody.Board, new DateOnly(2026, 12, 3), "Skyplattform vedtatt", "Styret slutter seg til planen.",
                CaseId: open.GetProperty("id").GetInt32()), default);
        }

        var cases = await office.GetJsonAsync($"{P}/records");
        var openCase = CaseOf(cases, $"board-case:{open.GetProperty("number").GetString()}");
        Assert.Equal(openTitle, openCase.GetProperty("title").GetString());
        var titles = openCase.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("title").GetString()!).ToList();
        Assert.Equal(2, titles.Count);
        Assert.StartsWith("Sak ", titles[0]);
        Assert.StartsWith("Vedtak ", titles[1]);
        var screenedCase = CaseOf(cases, $"board-case:{screened.GetProperty("number").GetString()}");
        Assert.True(screenedCase.GetProperty("entries")[0].GetProperty("restricted").GetBoolean());

        // The public journal and the public page: the open case and its decision, nothing of the restricted one.
        using var anonymous = App.CreateClient();
        var journal = await anonymous.GetStringAsync($"{P}/journal");
        Assert.Contains(openTitle, journal);
        Assert.DoesNotContain(screenedTitle, journal);
        var publicPage = await anonymous.GetStringAsync("/digiviken/public");
        Assert.Contains("Skyplattform vedtatt", publicPage);
        Assert.DoesNotContain(screenedTitle, publicPage);
    }

    [Fact]
    public async Task ORG_1_parallel_filings_get_distinct_journal_and_entry_numbers()
    {
        var key = $"parallel:{Guid.NewGuid():N}";
        var responses = await Task.WhenAll(Enumerable.Range(1, 8).Select(async i =>
        {
            var client = await App.LoginAsOfficeAsync();
            return await client.PostAsJsonAsync($"{P}/records", new { caseKey = key, caseTitle = "Parallell sak", type = "N", title = $"Notat {i}" });
        }));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(r => r.ReadJsonAsync()));
        Assert.Equal(8, bodies.Select(b => b.GetProperty("journalSequence").GetInt32()).Distinct().Count());
        Assert.Equal(8, bodies.Select(b => b.GetProperty("number").GetString()).Distinct().Count());
        Assert.Equal(1, await App.WithDbAsync(db => db.CaseFiles.CountAsync(c => c.Key == key)));
    }

    [Fact]
    public async Task ORG_1_the_records_export_is_a_Noark_5_arkivuttrekk_that_validates_against_the_XSDs()
    {
        var office = await App.LoginAsOfficeAsync();
        var orgnr = await NewMemberAsync(office);
        await office.PostAsJsonAsync($"{P}/members/{orgnr}/resignation", new { receivedOn = "2026-06-30", document = Letter() });
        await office.PostAsJsonAsync($"{P}/records", new { caseKey = $"export:{Guid.NewGuid():N}", caseTitle = "Skjermet sak", type = "I", title = "Brev med personopplysninger", restricted = true, legalBasis = "offl. § 13" });

        var response = await office.GetAsync($"{P}/records/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var dir = new TempDirectory();
        using (var zip = new ZipArchive(await response.Content.ReadAsStreamAsync()))
        {
            zip.ExtractToDirectory(dir.Path);
        }

        var result = Noark5Validator.Run([Path.Combine(dir.Path, "arkivstruktur.xml"), Path.Combine(dir.Path, "arkivuttrekk.xml")]);
        Assert.True(result.ExitCode == 0, result.Output);

        // Beyond the XSD (Arkade N5.28/N5.30/N5.32): every referenced file exists with the checksum and size given.
        XNamespace n = "http://www.arkivverket.no/standarder/noark5/arkivstruktur";
        var structure = XDocument.Load(Path.Combine(dir.Path, "arkivstruktur.xml"));
        var objects = structure.Descendants(n + "dokumentobjekt").ToList();
        Assert.NotEmpty(objects);
        foreach (var o in objects)
        {
            var file = Path.Combine(dir.Path, o.Element(n + "referanseDokumentfil")!.Value);
            Assert.True(File.Exists(file), file);
            Assert.Equal(o.Element(n + "sjekksum")!.Value, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(file))));
            Assert.Equal(long.Parse(o.Element(n + "filstoerrelse")!.Value, System.Globalization.CultureInfo.InvariantCulture), new FileInfo(file).Length);
            Assert.Equal(o.Element(n + "format")!.Value, Path.GetExtension(file).TrimStart('.'));
        }

        Assert.Equal(objects.Count, Directory.GetFiles(Path.Combine(dir.Path, "dokumenter")).Length);
        var systemIds = structure.Descendants(n + "systemID").Select(e => e.Value).ToList();
        Assert.Equal(systemIds.Count, systemIds.Distinct().Count());
        Assert.Contains(structure.Descendants(n + "skjermingshjemmel"), e => e.Value == "offl. § 13");

        // ADDML: checksums of the XML and the schemas it lists match the files.
        XNamespace a = "http://www.arkivverket.no/standarder/addml";
        var addml = XDocument.Load(Path.Combine(dir.Path, "arkivuttrekk.xml"));
        foreach (var fileProperty in addml.Descendants(a + "property").Where(p => (string?)p.Attribute("name") == "file"))
        {
            var props = fileProperty.Element(a + "properties")!.Elements(a + "property").ToList();
            var name = props.Single(p => (string?)p.Attribute("name") == "name").Element(a + "value")!.Value;
            var sum = props.Single(p => (string?)p.Attribute("name") == "checksum").Descendants(a + "property").Single(p => (string?)p.Attribute("name") == "value").Element(a + "value")!.Value;
            Assert.Equal(sum, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(dir.Path, name)))));
        }

        // The shipped schemas are Arkivverket's, unchanged.
        Assert.Equal("77acc0f549f4f3856f56429cb30e6b626ddb05d8b8a3d6cae00cb5911b60f58c", Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(dir.Path, "arkivstruktur.xsd")))));
    }
}

public sealed class RecordsTestsOnSqlite(SqliteHost host) : RecordsTests(host), IClassFixture<SqliteHost>;

public sealed class RecordsTestsOnPostgres(PostgresHost host) : RecordsTests(host), IClassFixture<PostgresHost>;
