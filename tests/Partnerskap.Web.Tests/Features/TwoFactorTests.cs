using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Partnerskap.Testing;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Tests.Features;

/// <summary>A test host with the production default: office users must use two-factor authentication.</summary>
public sealed class TwoFactorRequiredFactory : PartnerskapFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Partnerskap:Security:RequireTwoFactorForOffice", "true");
    }
}

/// <summary>TOTP (authenticator app) for office users: set up, log in with a code, and the requirement.</summary>
public sealed class TwoFactorTests : IAsyncLifetime
{
    private readonly TwoFactorRequiredFactory _app = new();

    public ValueTask InitializeAsync()
    {
        _ = _app.Services;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Creates an office user and turns on TOTP for it as the setup page does; returns the shared key.</summary>
    private async Task<string> OfficeWithTotpAsync(string email)
    {
        await _app.CreateUserAsync(email, Roles.Office);
        using var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        await users.ResetAuthenticatorKeyAsync(user);
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        Assert.True(await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Code(key)));
        await users.SetTwoFactorEnabledAsync(user, true);
        return key;
    }

    private static string Code(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow); // Identity checks TOTP against the system clock

    [Fact]
    public async Task Office_user_with_only_a_password_is_sent_to_set_up_two_factor_and_the_API_refuses()
    {
        var email = $"office-{Guid.NewGuid():N}@test.local";
        await _app.CreateUserAsync(email, Roles.Office);
        var api = await _app.LoginAsync(email);
        await (await api.GetAsync("/api/users", TestContext.Current.CancellationToken)).AssertProblemAsync(HttpStatusCode.Forbidden);

        var browser = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        browser.DefaultRequestHeaders.Authorization = api.DefaultRequestHeaders.Authorization;
        var page = await browser.GetAsync("/api/partnerships", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);

        // A board member (not office) with a password only is not affected.
        var board = $"board-{Guid.NewGuid():N}@test.local";
        await _app.CreateUserAsync(board, Roles.Board);
        Assert.Equal(HttpStatusCode.OK, (await (await _app.LoginAsync(board)).GetAsync("/api/partnerships", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Office_user_with_TOTP_logs_in_with_the_code_and_gets_access()
    {
        var email = $"office-{Guid.NewGuid():N}@test.local";
        var key = await OfficeWithTotpAsync(email);
        var client = _app.CreateClient();
        var without = await client.PostAsJsonAsync("/api/auth/login", new { email, password = PartnerskapFactory.Password }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        var wrong = await client.PostAsJsonAsync("/api/auth/login", new { email, password = PartnerskapFactory.Password, twoFactorCode = "000000" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = PartnerskapFactory.Password, twoFactorCode = Code(key) }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await login.ReadJsonAsync()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/users", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task The_login_page_asks_for_the_code_after_the_password()
    {
        var email = $"office-{Guid.NewGuid():N}@test.local";
        await OfficeWithTotpAsync(email);
        var browser = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await browser.GetStringAsync("/account/login", TestContext.Current.CancellationToken);
        var antiforgery = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var posted = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = PartnerskapFactory.Password,
            ["__RequestVerificationToken"] = antiforgery,
        }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.StartsWith("/account/login-two-factor", posted.Headers.Location?.OriginalString, StringComparison.OrdinalIgnoreCase);
        var second = await browser.GetStringAsync(posted.Headers.Location, TestContext.Current.CancellationToken);
        Assert.Contains("Kode fra autentiseringsappen", second, StringComparison.Ordinal);
    }
}
