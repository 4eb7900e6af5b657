using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Testing;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Tests.Features;

/// <summary>The foundation through HTTP, on SQLite and on PostgreSQL (same tests, two subclasses).</summary>
public abstract class FoundationTests(AppHost host)
{
    private const string Asker = "920125298";
    private const string Baerum = "935478715";
    private PartnerskapFactory App => host.App;

    private async Task<HttpClient> MemberContactAsync(string orgnr = Asker)
    {
        var email = $"contact-{Guid.NewGuid():N}@test.local";
        await App.CreateUserAsync(email, Roles.MemberContact, orgnr);
        return await App.LoginAsync(email);
    }

    [Fact]
    public async Task Seeded_DigiViken_has_52_members_1_county_and_51_municipalities()
    {
        var client = await App.LoginAsOfficeAsync();
        var members = await client.GetJsonAsync("/api/partnerships/digiviken/members");

        Assert.Equal(52, members.GetArrayLength());
        Assert.Single(members.EnumerateArray(), m => m.GetProperty("kind").GetString() == "county");
        Assert.Equal(51, members.EnumerateArray().Count(m => m.GetProperty("kind").GetString() == "municipality"));
        Assert.All(members.EnumerateArray(), m =>
        {
            Assert.Equal("member", m.GetProperty("status").GetString());
            Assert.Equal("2022-01-01", m.GetProperty("joinedOn").GetString());
            Assert.Matches("^[0-9]{9}$", m.GetProperty("orgnr").GetString());
        });
    }

    [Fact]
    public async Task Partnerships_list_has_DigiViken()
    {
        var client = await App.LoginAsOfficeAsync();
        var list = await client.GetJsonAsync("/api/partnerships");
        Assert.Contains(list.EnumerateArray(), p => p.GetProperty("slug").GetString() == "digiviken" && p.GetProperty("name").GetString() == "DigiViken");
    }

    [Fact]
    public async Task Login_returns_a_bearer_token_and_refresh_token()
    {
        var client = App.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = PartnerskapFactory.OfficeEmail, password = PartnerskapFactory.Password });
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("accessToken").GetString()));
        Assert.True(body.GetProperty("expiresIn").GetInt64() > 0);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("refreshToken").GetString()));
    }

    [Fact]
    public async Task Login_with_a_wrong_password_is_401()
    {
        var response = await App.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = PartnerskapFactory.OfficeEmail, password = "wrong-password-123" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_call_to_a_protected_endpoint_is_401_problem_json()
    {
        var response = await App.CreateClient().GetAsync("/api/partnerships/digiviken/members");
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Member_contact_calling_an_office_endpoint_is_403_problem_json()
    {
        var client = await MemberContactAsync();
        var response = await client.PostAsJsonAsync("/api/users", new { email = "x@test.local", password = "Whatever-123!", name = "X", roles = new[] { "office" } });
        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Member_contact_reads_its_own_partnerships_members()
    {
        var client = await MemberContactAsync();
        var asker = await client.GetJsonAsync($"/api/partnerships/digiviken/members/{Asker}");
        Assert.Equal("Asker", asker.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Self_registration_is_not_available()
    {
        var response = await App.CreateClient().PostAsJsonAsync("/api/auth/register", new { email = "me@test.local", password = "Some-password-123!" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await App.CountAsync(db => db.Users.Where(u => u.Email == "me@test.local")));
    }

    [Fact]
    public async Task MEM_2_member_list_as_of_a_date_before_the_agreement_is_empty()
    {
        var client = await App.LoginAsOfficeAsync();
        var members = await client.GetJsonAsync("/api/partnerships/digiviken/members?asOf=2021-12-31");
        Assert.Equal(0, members.GetArrayLength());
    }

    [Fact]
    public async Task MEM_1_municipality_numbers_follow_the_as_of_date()
    {
        var client = await App.LoginAsOfficeAsync();
        var before = await client.GetJsonAsync("/api/partnerships/digiviken/members?asOf=2023-12-31");
        var after = await client.GetJsonAsync("/api/partnerships/digiviken/members?asOf=2024-01-01");

        static string? Number(JsonElement list) => list.EnumerateArray()
            .Single(m => m.GetProperty("orgnr").GetString() == Baerum).GetProperty("municipalityNumber").GetString();
        Assert.Equal("3024", Number(before));
        Assert.Equal("3201", Number(after));
    }

    [Fact]
    public async Task Invalid_as_of_date_is_400_with_the_field_named()
    {
        var client = await App.LoginAsOfficeAsync();
        var problem = await (await client.GetAsync("/api/partnerships/digiviken/members?asOf=31.12.2023"))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("asOf", out _));
    }

    [Fact]
    public async Task Member_details_have_numbers_and_history()
    {
        var client = await App.LoginAsOfficeAsync();
        var baerum = await client.GetJsonAsync($"/api/partnerships/digiviken/members/{Baerum}");

        Assert.Equal("Bærum", baerum.GetProperty("name").GetString());
        Assert.Equal("municipality", baerum.GetProperty("kind").GetString());
        Assert.Equal(2, baerum.GetProperty("municipalityNumbers").GetArrayLength());
        Assert.Contains(baerum.GetProperty("history").EnumerateArray(), h => h.GetProperty("event").GetString() == "joined");
        Assert.Equal(JsonValueKind.Array, baerum.GetProperty("contacts").ValueKind);
    }

    [Fact]
    public async Task Invalid_orgnr_is_400_and_unknown_orgnr_is_404()
    {
        var client = await App.LoginAsOfficeAsync();
        var invalid = await (await client.GetAsync("/api/partnerships/digiviken/members/123456789")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("orgnr", out _));
        await (await client.GetAsync("/api/partnerships/digiviken/members/991825827")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("/api/partnerships/nowhere/members")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Partnerships_are_separated_for_member_contacts()
    {
        var office = await App.LoginAsOfficeAsync();
        var slug = $"p{Guid.NewGuid():N}"[..20];
        var created = await office.PostAsJsonAsync("/api/partnerships", new { slug, name = "DigiTest", agreementInForceFrom = "2025-01-01" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var contact = await MemberContactAsync();
        await (await contact.GetAsync($"/api/partnerships/{slug}/members")).AssertProblemAsync(HttpStatusCode.Forbidden);
        var visible = await contact.GetJsonAsync("/api/partnerships");
        Assert.DoesNotContain(visible.EnumerateArray(), p => p.GetProperty("slug").GetString() == slug);
        Assert.Contains(visible.EnumerateArray(), p => p.GetProperty("slug").GetString() == "digiviken");
    }

    [Fact]
    public async Task Creating_a_partnership_twice_is_409_and_bad_input_is_400()
    {
        var office = await App.LoginAsOfficeAsync();
        await (await office.PostAsJsonAsync("/api/partnerships", new { slug = "digiviken", name = "Again", agreementInForceFrom = "2022-01-01" }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        var bad = await (await office.PostAsJsonAsync("/api/partnerships", new { slug = "Not A Slug", name = "", agreementInForceFrom = (string?)null }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        Assert.True(errors.TryGetProperty("slug", out _));
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("agreementInForceFrom", out _));
    }

    [Fact]
    public async Task Office_creates_a_member_contact_who_can_then_log_in()
    {
        var office = await App.LoginAsOfficeAsync();
        var email = $"halden-{Guid.NewGuid():N}@test.local";
        var response = await office.PostAsJsonAsync("/api/users", new
        {
            email,
            password = "Halden-password-1!",
            name = "Kari Nordmann",
            roles = new[] { "member-contact" },
            orgnr = "959159092",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var me = await (await App.LoginAsync(email, "Halden-password-1!")).GetJsonAsync("/api/users/me");
        Assert.Equal("959159092", me.GetProperty("orgnr").GetString());
        Assert.Equal("member-contact", me.GetProperty("roles")[0].GetString());
    }

    [Fact]
    public async Task Creating_a_user_with_bad_input_saves_nothing()
    {
        var office = await App.LoginAsOfficeAsync();
        var before = await App.CountAsync(db => db.Users);

        var badOrgnr = await (await office.PostAsJsonAsync("/api/users", new { email = "a@test.local", password = "Good-password-1!", name = "A", roles = new[] { "member-contact" }, orgnr = "123" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(badOrgnr.GetProperty("errors").TryGetProperty("orgnr", out _));
        var weak = await (await office.PostAsJsonAsync("/api/users", new { email = "b@test.local", password = "short", name = "B", roles = new[] { "office" } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(weak.GetProperty("errors").TryGetProperty("password", out _));
        var role = await (await office.PostAsJsonAsync("/api/users", new { email = "c@test.local", password = "Good-password-1!", name = "C", roles = new[] { "king" } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(role.GetProperty("errors").TryGetProperty("roles", out _));
        await (await office.PostAsJsonAsync("/api/users", new { email = PartnerskapFactory.OfficeEmail, password = "Good-password-1!", name = "D", roles = new[] { "office" } }))
            .AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(before, await App.CountAsync(db => db.Users));
    }

    [Fact]
    public async Task Every_change_is_audited_with_who_and_what()
    {
        var office = await App.LoginAsOfficeAsync();
        var slug = $"a{Guid.NewGuid():N}"[..20];
        await office.PostAsJsonAsync("/api/partnerships", new { slug, name = "Audit Test", agreementInForceFrom = "2025-01-01" });

        var entry = await App.WithDbAsync(db => db.AuditEntries
            .Where(a => a.Entity == "Partnership" && a.Action == "created" && a.Changes.Contains(slug))
            .SingleAsync());
        Assert.Equal(PartnerskapFactory.OfficeEmail, entry.Actor);
        Assert.Equal(App.Clock.GetUtcNow(), entry.At);
        Assert.Contains("Audit Test", entry.Changes);
    }

    [Fact]
    public async Task Seeding_is_audited_and_rests_on_the_agreement()
    {
        var seeded = await App.WithDbAsync(db => db.AuditEntries.Where(a => a.Entity == "Member" && a.Action == "created").ToListAsync());
        Assert.Equal(52, seeded.Count);
        Assert.All(seeded, a =>
        {
            Assert.Equal("system", a.Actor);
            Assert.Contains("Partneravtale DigiViken", a.DecisionRef);
        });
        Assert.DoesNotContain(await App.WithDbAsync(db => db.AuditEntries.Select(a => a.Changes).ToListAsync()), c => c.Contains("PasswordHash"));
    }

    [Fact]
    public async Task Statistics_are_seeded_with_sources()
    {
        var population = await App.WithDbAsync(db => db.PopulationFigures.ToListAsync());
        Assert.Equal(51 * 4 + 51 * 2, population.Count); // 2020–2023 by 30xx, 2024–2025 by new numbers
        Assert.Equal(128_982, population.Single(p => p.MunicipalityNumber == "3024" && p.Year == 2022).Population); // Bærum 1 Jan 2022
        Assert.Equal(1_269_230, population.Where(p => p.Year == 2022).Sum(p => p.Population)); // Viken total, data README
        Assert.All(population, p => Assert.NotNull(p.ImportId));
        var deflator = await App.WithDbAsync(db => db.DeflatorEstimates.ToListAsync());
        Assert.Equal(10, deflator.Count);
        Assert.Equal(2.5m, deflator.Single(d => d.Year == 2022 && d.Estimate == Domain.Statistics.DeflatorEstimateKind.Budget).Percent);
        Assert.All(deflator, d => Assert.StartsWith("http", d.Source));
    }

    [Fact]
    public async Task Health_answers_200()
    {
        var response = await App.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_document_describes_the_contract()
    {
        var doc = await App.CreateClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/partnerships/{slug}/members", doc);
        Assert.Contains("/api/partnerships/{slug}/members/{orgnr}", doc);
        Assert.Contains("/api/users", doc);
        Assert.Contains("/api/auth/login", doc);
        var reference = await App.CreateClient().GetAsync("/scalar");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
    }

    [Fact]
    public async Task Pages_redirect_anonymous_users_to_login_and_show_public_pages()
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var members = await client.GetAsync("/digiviken/members");
        Assert.Equal(HttpStatusCode.Redirect, members.StatusCode);
        Assert.StartsWith("/account/login", members.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);

        var overview = await client.GetAsync("/digiviken");
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        var html = await overview.Content.ReadAsStringAsync();
        Assert.Contains("DigiViken", html);
        Assert.Contains("lang=\"nb\"", html);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/no-such-partnership")).StatusCode);
    }

    [Fact]
    public async Task Responses_carry_security_headers()
    {
        var response = await App.CreateClient().GetAsync("/digiviken");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task English_is_one_switch_away()
    {
        var html = await App.CreateClient().GetStringAsync("/digiviken?culture=en-GB");
        Assert.Contains("lang=\"en\"", html);
        Assert.Contains("Members", html);
    }
}

public sealed class FoundationTestsOnSqlite(SqliteHost host) : FoundationTests(host), IClassFixture<SqliteHost>;

public sealed class FoundationTestsOnPostgres(PostgresHost host) : FoundationTests(host), IClassFixture<PostgresHost>;
