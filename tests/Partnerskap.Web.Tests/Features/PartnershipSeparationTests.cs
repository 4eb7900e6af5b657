using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Partnerskap.Testing;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Tests.Features;

/// <summary>
/// Several partnerships in one installation (api.md "Records": partnerships are separated). A second partnership,
/// digi-agder, with its own member, fee model and records; the matrix tries anonymous, a member contact of each
/// partnership and an office login tied to DigiViken only against both partnerships' endpoints and pages.
/// </summary>
public abstract class PartnershipSeparationTests(AppHost host)
{
    private PartnerskapFactory App => host.App;

    private const string B = "digi-agder";

    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Creates digi-agder (once per host) with one member, a contact with e-mail and phone, and a fee model.</summary>
    private async Task<string> SecondPartnershipAsync()
    {
        await Gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            var existing = await App.WithDbAsync(db => Task.FromResult(db.Members.Where(m => db.Partnerships.Any(p => p.Id == m.PartnershipId && p.Slug == B)).Select(m => m.Orgnr).FirstOrDefault()));
            if (existing is not null)
            {
                return existing;
            }

            var office = await App.LoginAsOfficeAsync();
            Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync("/api/partnerships", new { slug = B, name = "Digi Agder", agreementInForceFrom = "2022-01-01" })).StatusCode);
            var orgnr = TestData.NextOrgnr();
            var joined = await office.PostAsJsonAsync($"/api/partnerships/{B}/members", new { orgnr, name = "Agder testorganisasjon", kind = "other", joinedOn = "2022-01-01" });
            Assert.Equal(HttpStatusCode.Created, joined.StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync($"/api/partnerships/{B}/members/{orgnr}/contacts",
                new { name = "Agnes Agder", email = "agnes@agder.example", phone = "91234567", role = "chief-executive", from = "2022-01-01" })).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync($"/api/partnerships/{B}/fee-models",
                new { validFromYear = 2022, amountPerInhabitant = 2, countyBaseAmount = 100_000, countyBaseYear = 2022, decision = "Digi Agder årsmøte 2021, sak 4" })).StatusCode);
            return orgnr;
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task<HttpClient> UserAsync(string role, string? orgnr = null, string[]? partnerships = null)
    {
        var office = await App.LoginAsOfficeAsync();
        var email = $"sep-{Guid.NewGuid():N}@test.local";
        var created = await office.PostAsJsonAsync("/api/users", new { email, password = PartnerskapFactory.Password, name = "Separert Person", roles = new[] { role }, orgnr, partnerships });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return await App.LoginAsync(email);
    }

    private static string[] UrlsOf(string slug, string orgnr) =>
    [
        $"/api/partnerships/{slug}/members",
        $"/api/partnerships/{slug}/members/{orgnr}",
        $"/api/partnerships/{slug}/successions",
        $"/api/partnerships/{slug}/settings",
        $"/api/partnerships/{slug}/fee-models",
        $"/api/partnerships/{slug}/fees/2025",
        $"/api/partnerships/{slug}/invoices",
        $"/api/partnerships/{slug}/invoicing",
        $"/api/partnerships/{slug}/records",
        $"/api/partnerships/{slug}/records/export",
        $"/{slug}/members",
        $"/{slug}/members/{orgnr}",
        $"/{slug}/fees",
        $"/{slug}/invoices",
        $"/{slug}/successions",
        $"/{slug}/settings",
        $"/{slug}/records",
    ];

    private static bool Denied(HttpResponseMessage r) =>
        r.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
        || (r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.OriginalString.Contains("/account/access-denied", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public async Task A_member_contact_and_an_office_login_of_DigiViken_see_nothing_of_a_second_partnership()
    {
        var bOrgnr = await SecondPartnershipAsync();
        var memberA = await UserAsync(Roles.MemberContact, "920125298");
        var officeA = await UserAsync(Roles.Office, partnerships: ["digiviken"]);
        var memberB = await UserAsync(Roles.MemberContact, bOrgnr);
        var anonymous = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var failures = new List<string>();
        foreach (var url in UrlsOf(B, bOrgnr))
        {
            foreach (var (who, client) in new[] { ("member contact of DigiViken", memberA), ("office of DigiViken only", officeA) })
            {
                var r = await client.GetAsync(url, TestContext.Current.CancellationToken);
                if (!Denied(r))
                {
                    failures.Add($"{who}: GET {url} → {(int)r.StatusCode}");
                }
            }

            var anon = await anonymous.GetAsync(url, TestContext.Current.CancellationToken);
            if (anon.StatusCode != HttpStatusCode.Unauthorized && !(anon.StatusCode == HttpStatusCode.Redirect && anon.Headers.Location!.OriginalString.Contains("/account/login", StringComparison.OrdinalIgnoreCase)))
            {
                failures.Add($"anonymous: GET {url} → {(int)anon.StatusCode}");
            }
        }

        // And the other way round: digi-agder's member contact sees nothing of DigiViken.
        foreach (var url in UrlsOf("digiviken", "920125298"))
        {
            var r = await memberB.GetAsync(url, TestContext.Current.CancellationToken);
            if (!Denied(r))
            {
                failures.Add($"member contact of digi-agder: GET {url} → {(int)r.StatusCode}");
            }
        }

        Assert.Empty(failures);

        // Each sees its own partnership.
        Assert.Equal(HttpStatusCode.OK, (await memberB.GetAsync($"/api/partnerships/{B}/members/{bOrgnr}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await memberB.GetAsync($"/{B}/members", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officeA.GetAsync("/api/partnerships/digiviken/records", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officeA.GetAsync("/digiviken/records", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(["digiviken"], (await officeA.GetJsonAsync("/api/partnerships")).EnumerateArray().Select(p => p.GetProperty("slug").GetString()));
        Assert.Equal(["digiviken"], (await memberA.GetJsonAsync("/api/partnerships")).EnumerateArray().Select(p => p.GetProperty("slug").GetString()));
        Assert.Equal([B], (await memberB.GetJsonAsync("/api/partnerships")).EnumerateArray().Select(p => p.GetProperty("slug").GetString()));
        var all = (await (await App.LoginAsOfficeAsync()).GetJsonAsync("/api/partnerships")).EnumerateArray().Select(p => p.GetProperty("slug").GetString()).ToList();
        Assert.Contains(B, all);
        Assert.Contains("digiviken", all);
    }

    [Fact]
    public async Task An_office_login_tied_to_a_partnership_cannot_act_in_another_or_administer_the_installation()
    {
        var bOrgnr = await SecondPartnershipAsync();
        var officeA = await UserAsync(Roles.Office, partnerships: ["digiviken"]);

        await (await officeA.PostAsJsonAsync($"/api/partnerships/{B}/members", new { orgnr = TestData.NextOrgnr(), name = "Inntrenger", kind = "other", joinedOn = "2023-01-01" }, TestContext.Current.CancellationToken))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await officeA.PostAsJsonAsync($"/api/partnerships/{B}/records", new { caseKey = "x", title = "x", type = "I" }, TestContext.Current.CancellationToken))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, (await officeA.PostAsJsonAsync($"/api/partnerships/{B}/members/{bOrgnr}/resignation", new { receivedOn = "2026-03-01" }, TestContext.Current.CancellationToken)).StatusCode);

        // Installation-wide administration is for an office login tied to no partnership.
        Assert.Equal(HttpStatusCode.Forbidden, (await officeA.GetAsync("/api/users", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officeA.PostAsJsonAsync("/api/users", new { }, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officeA.GetAsync("/api/audit", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officeA.PostAsync("/api/backups", null, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officeA.PostAsJsonAsync("/api/partnerships", new { slug = "tredje", name = "Tredje", agreementInForceFrom = "2022-01-01" }, TestContext.Current.CancellationToken)).StatusCode);

        // In its own partnership it is the office.
        var own = await officeA.PostAsJsonAsync("/api/partnerships/digiviken/members", new { orgnr = TestData.NextOrgnr(), name = "Eget medlem", kind = "other", joinedOn = "2023-01-01" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        var me = await officeA.GetJsonAsync("/api/users/me");
        Assert.Equal(["digiviken"], me.GetProperty("partnerships").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task An_office_login_of_another_partnership_finds_no_invoice_of_DigiViken_by_id()
    {
        await SecondPartnershipAsync();
        var office = await App.LoginAsOfficeAsync();
        Assert.Equal(HttpStatusCode.OK, (await office.SetSellerAsync()).StatusCode);
        var run = await (await office.PostAsync("/api/partnerships/digiviken/fees/2022/run", null, TestContext.Current.CancellationToken)).ReadJsonAsync();
        var id = run.GetProperty("invoices")[0].GetProperty("id").GetInt32();
        var officeB = await UserAsync(Roles.Office, partnerships: [B]);

        Assert.Equal(HttpStatusCode.NotFound, (await officeB.GetAsync($"/api/invoices/{id}/pdf", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officeB.GetAsync($"/api/invoices/{id}/ehf", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officeB.PostAsync($"/api/invoices/{id}/sent", null, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officeB.PostAsJsonAsync($"/api/invoices/{id}/credit", new { reason = "x" }, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/api/invoices/{id}/pdf", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_login_can_only_be_tied_to_existing_partnerships_and_only_as_office_or_board()
    {
        var office = await App.LoginAsOfficeAsync();
        await (await office.PostAsJsonAsync("/api/users", new { email = $"x-{Guid.NewGuid():N}@test.local", password = PartnerskapFactory.Password, name = "X", roles = new[] { "office" }, partnerships = new[] { "finnes-ikke" } }, TestContext.Current.CancellationToken))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await office.PostAsJsonAsync("/api/users", new { email = $"x-{Guid.NewGuid():N}@test.local", password = PartnerskapFactory.Password, name = "X", roles = new[] { "member-contact" }, orgnr = "920125298", partnerships = new[] { "digiviken" } }, TestContext.Current.CancellationToken))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Contacts_e_mail_and_phone_are_shown_only_to_the_office_and_the_members_own_contacts()
    {
        var bOrgnr = await SecondPartnershipAsync();
        var own = await UserAsync(Roles.MemberContact, bOrgnr);
        var office = await App.LoginAsOfficeAsync();
        var other = TestData.NextOrgnr();
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync($"/api/partnerships/{B}/members", new { orgnr = other, name = "Annen Agder-organisasjon", kind = "other", joinedOn = "2022-01-01" }, TestContext.Current.CancellationToken)).StatusCode);
        var colleague = await UserAsync(Roles.MemberContact, other);

        static string? Email(System.Text.Json.JsonElement member) =>
            member.GetProperty("contacts").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Agnes Agder").GetProperty("email").GetString();

        Assert.Equal("agnes@agder.example", Email(await office.GetJsonAsync($"/api/partnerships/{B}/members/{bOrgnr}")));
        Assert.Equal("agnes@agder.example", Email(await own.GetJsonAsync($"/api/partnerships/{B}/members/{bOrgnr}")));
        var seenByColleague = await colleague.GetJsonAsync($"/api/partnerships/{B}/members/{bOrgnr}");
        Assert.Null(Email(seenByColleague));
        var page = await (await colleague.GetAsync($"/{B}/members/{bOrgnr}", TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Agnes Agder", page);
        Assert.DoesNotContain("agnes@agder.example", page);
        Assert.DoesNotContain("91234567", page);
    }

    [Fact]
    public async Task ORG_1_each_partnership_has_its_own_public_journal_and_numbering()
    {
        var bOrgnr = await SecondPartnershipAsync();
        var anonymous = App.CreateClient();
        var journalB = await anonymous.GetJsonAsync($"/api/partnerships/{B}/journal");
        Assert.Contains(journalB.EnumerateArray(), e => e.GetProperty("title").GetString()!.Contains("Agder testorganisasjon", StringComparison.Ordinal));
        var journalA = await anonymous.GetJsonAsync("/api/partnerships/digiviken/journal");
        Assert.DoesNotContain(journalA.EnumerateArray(), e => e.GetProperty("title").GetString()!.Contains("Agder", StringComparison.Ordinal));
        var page = await anonymous.GetStringAsync($"/{B}/journal", TestContext.Current.CancellationToken);
        Assert.Contains("Agder testorganisasjon", page);

        // The public page lists the partnership's own members and nothing personal.
        var open = await anonymous.GetStringAsync($"/{B}/public", TestContext.Current.CancellationToken);
        Assert.Contains("Agder testorganisasjon", open);
        Assert.DoesNotContain("agnes@agder.example", open);
        Assert.DoesNotContain("Agnes Agder", open);
        Assert.DoesNotContain("Asker", open);
        Assert.NotNull(bOrgnr);
    }
}

public sealed class PartnershipSeparationTestsOnSqlite(SqliteHost host) : PartnershipSeparationTests(host), IClassFixture<SqliteHost>;

public sealed class PartnershipSeparationTestsOnPostgres(PostgresHost host) : PartnershipSeparationTests(host), IClassFixture<PostgresHost>;
