using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnerskap.Testing;
using Partnerskap.Web.Data;
using Partnerskap.Web.Infrastructure.Oidc;

namespace Partnerskap.Web.Tests.Oidc;

/// <summary>
/// OpenID Connect login end to end: a real provider (<see cref="TestOpenIdProvider"/>) and the app, both on Kestrel on
/// loopback, and an HttpClient that follows redirects and carries cookies across both, as a browser would.
/// </summary>
public sealed partial class OidcLoginTests
{
    private const string AskerOrgnr = "920125298";
    private const string MembersPage = "/digiviken/members";

    [Fact]
    public async Task A_user_the_office_created_logs_in_through_the_provider_and_gets_their_roles()
    {
        await using var provider = await TestOpenIdProvider.StartAsync();
        await using var app = await StartAppAsync(provider, autoProvision: false);
        await app.CreateUserAsync("kari@asker.kommune.no", Roles.Board, AskerOrgnr, name: "Kari Nordmann"); // Asker's board member: sees DigiViken
        provider.Person = new TestPerson("person-kari", "kari@asker.kommune.no", "Kari Nordmann", null);

        using var browser = Browser(app);
        var landed = await LogInThroughProviderAsync(browser);
        Assert.Equal(MembersPage, landed.RequestMessage!.RequestUri!.AbsolutePath); // the return URL, a page that needs a login

        var me = await browser.GetFromJsonAsync<JsonElement>("/api/users/me", TestContext.Current.CancellationToken);
        Assert.Equal("kari@asker.kommune.no", me.GetProperty("email").GetString());
        Assert.Equal([Roles.Board], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        // The external login is remembered: the next login finds the user by provider and person, whatever the e-mail says.
        provider.Person = provider.Person with { Email = "kari.nordmann@example.org" };
        using var second = Browser(app);
        await LogInThroughProviderAsync(second);
        var again = await second.GetFromJsonAsync<JsonElement>("/api/users/me", TestContext.Current.CancellationToken);
        Assert.Equal("kari@asker.kommune.no", again.GetProperty("email").GetString());
    }

    [Fact]
    public async Task An_unknown_person_is_refused_without_auto_provisioning()
    {
        await using var provider = await TestOpenIdProvider.StartAsync();
        await using var app = await StartAppAsync(provider, autoProvision: false);
        provider.Person = new TestPerson("person-ola", "ola@ukjent.no", "Ola Ukjent", AskerOrgnr);
        var usersBefore = await app.CountAsync(db => db.Users);

        using var browser = Browser(app);
        var landed = await LogInThroughProviderAsync(browser);

        Assert.Equal("/account/login", landed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Du er ikke registrert som bruker", await landed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/users/me", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(usersBefore, await app.CountAsync(db => db.Users));
    }

    [Fact]
    public async Task With_auto_provisioning_a_member_contact_is_created_for_the_orgnr_in_the_claim()
    {
        await using var provider = await TestOpenIdProvider.StartAsync();
        await using var app = await StartAppAsync(provider, autoProvision: true);
        provider.Person = new TestPerson("person-per", "per@asker.kommune.no", "Per Asker", AskerOrgnr);

        using var browser = Browser(app);
        var landed = await LogInThroughProviderAsync(browser);
        Assert.Equal(MembersPage, landed.RequestMessage!.RequestUri!.AbsolutePath); // the return URL, a page that needs a login

        var me = await browser.GetFromJsonAsync<JsonElement>("/api/users/me", TestContext.Current.CancellationToken);
        Assert.Equal("Per Asker", me.GetProperty("name").GetString());
        Assert.Equal(AskerOrgnr, me.GetProperty("orgnr").GetString());
        Assert.Equal([Roles.MemberContact], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var logins = await app.WithDbAsync(db => db.UserLogins.Where(l => l.LoginProvider == OidcOptions.Scheme).Select(l => l.ProviderKey).ToListAsync());
        Assert.Equal(["person-per"], logins);
    }

    [Fact]
    public async Task With_auto_provisioning_an_orgnr_that_is_not_a_member_is_refused()
    {
        await using var provider = await TestOpenIdProvider.StartAsync();
        await using var app = await StartAppAsync(provider, autoProvision: true);
        provider.Person = new TestPerson("person-x", "x@example.org", "X", "974760673"); // Brønnøysundregistrene: valid, not a member

        using var browser = Browser(app);
        var landed = await LogInThroughProviderAsync(browser);

        Assert.Equal("/account/login", landed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("er ikke medlem", await landed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public void The_person_is_read_through_the_configured_claim_names()
    {
        var options = new OidcOptions { PersonClaim = "pid", EmailClaim = "email", NameClaim = "name", OrgnrClaim = "orgnr" };
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("pid", "24079409630"), new Claim("email", " kari@asker.kommune.no "), new Claim("name", "Kari"), new Claim("orgnr", "920 125 298")], "oidc"));

        Assert.Equal(new ExternalPerson("24079409630", "kari@asker.kommune.no", "Kari", AskerOrgnr), ExternalPerson.From(principal, options));
        Assert.Null(ExternalPerson.From(principal, new OidcOptions { PersonClaim = "sub" }));
        Assert.Null(ExternalPerson.From(principal, new OidcOptions { PersonClaim = "pid" })!.Orgnr); // no orgnr claim configured
    }

    private static async Task<OidcAppFactory> StartAppAsync(TestOpenIdProvider provider, bool autoProvision)
    {
        var app = new OidcAppFactory(provider.Authority, autoProvision);
        app.Clock.SetUtcNow(DateTimeOffset.UtcNow); // cookie expiry dates are compared with the real clock by the cookie container
        app.UseKestrel(0);
        app.StartServer();
        await provider.RegisterClientAsync(new Uri(app.ClientOptions.BaseAddress, "/signin-oidc").ToString());
        return app;
    }

    private static HttpClient Browser(PartnerskapFactory app) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true, MaxAutomaticRedirections = 20 })
        {
            BaseAddress = app.ClientOptions.BaseAddress,
        };

    /// <summary>The login page's "Logg inn med …" button, then every redirect through the provider and back.</summary>
    private static async Task<HttpResponseMessage> LogInThroughProviderAsync(HttpClient browser)
    {
        var ct = TestContext.Current.CancellationToken;
        var page = await browser.GetStringAsync("/account/login", ct);
        var form = ExternalForm().Match(page);
        Assert.True(form.Success, "The login page has no external login form.");
        Assert.Contains("Logg inn med Testporten", form.Value, StringComparison.Ordinal);
        var token = Token().Match(form.Value).Groups[1].Value;
        var response = await browser.PostAsync(
            "/account/external-login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = MembersPage, ["__RequestVerificationToken"] = token }),
            ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    [GeneratedRegex("<form[^>]*action=\"/account/external-login\"[\\s\\S]*?</form>")]
    private static partial Regex ExternalForm();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    private sealed class OidcAppFactory(string authority, bool autoProvision) : PartnerskapFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Partnerskap:Oidc:Enabled", "true");
            builder.UseSetting("Partnerskap:Oidc:DisplayName", "Testporten");
            builder.UseSetting("Partnerskap:Oidc:Authority", authority);
            builder.UseSetting("Partnerskap:Oidc:ClientId", TestOpenIdProvider.ClientId);
            builder.UseSetting("Partnerskap:Oidc:ClientSecret", TestOpenIdProvider.ClientSecret);
            builder.UseSetting("Partnerskap:Oidc:PersonClaim", "sub");
            builder.UseSetting("Partnerskap:Oidc:OrgnrClaim", "orgnr");
            builder.UseSetting("Partnerskap:Oidc:AutoProvision", autoProvision ? "true" : "false");
            builder.UseSetting("Partnerskap:Oidc:RequireHttpsMetadata", "false");
        }
    }
}
