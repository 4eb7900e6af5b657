using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Partnerskap.Testing;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Tests.Features;

/// <summary>Account lockout: five wrong passwords lock the login for 15 minutes, even against the right password.</summary>
public sealed class AccountLockoutTests(SqliteHost host) : IClassFixture<SqliteHost>
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_login_and_the_sixth_attempt_with_the_right_password_is_refused_for_15_minutes()
    {
        var email = $"lockout-{Guid.NewGuid():N}@test.local";
        await host.App.CreateUserAsync(email, Roles.Board);
        var client = host.App.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/auth/login", new { email, password = "Wrong-password-9!" }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        var locked = await client.PostAsJsonAsync("/api/auth/login", new { email, password = PartnerskapFactory.Password }, TestContext.Current.CancellationToken);
        var problem = await locked.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("LockedOut", problem.GetProperty("detail").GetString(), ignoreCase: true);
        using var scope = host.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        Assert.True(await users.IsLockedOutAsync(user));
        var remaining = (await users.GetLockoutEndDateAsync(user))!.Value - DateTimeOffset.UtcNow; // Identity's lockout uses the system clock
        Assert.InRange(remaining, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));

    }
}

/// <summary>A test host whose login limit is 3 attempts a minute per client address.</summary>
public sealed class LowLoginLimitFactory : PartnerskapFactory
{
    public const int Limit = 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Partnerskap:Security:LoginPermitLimit", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>Login rate limit per client IP, shared by POST /api/auth/login and the login page's POST.</summary>
public sealed class LoginRateLimitTests : IAsyncLifetime
{
    private readonly LowLoginLimitFactory _app = new();

    public ValueTask InitializeAsync()
    {
        _ = _app.Services;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Over_the_limit_the_API_answers_429_problem_and_the_login_page_a_friendly_429_page()
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login", TestContext.Current.CancellationToken)).StatusCode);
        for (var i = 0; i < LowLoginLimitFactory.Limit; i++)
        {
            var attempt = await client.PostAsJsonAsync("/api/auth/login", new { email = PartnerskapFactory.OfficeEmail, password = "Wrong-password-9!" }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Unauthorized, attempt.StatusCode);
        }

        var limited = await client.PostAsJsonAsync("/api/auth/login", new { email = PartnerskapFactory.OfficeEmail, password = PartnerskapFactory.Password }, TestContext.Current.CancellationToken);
        var problem = await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("Too many login attempts", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.NotNull(limited.Headers.RetryAfter?.Delta);

        var page = await client.PostAsync(
            "/account/login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = PartnerskapFactory.OfficeEmail, ["password"] = PartnerskapFactory.Password }),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("For mange forsøk", html, StringComparison.Ordinal);

        // Other requests are not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", TestContext.Current.CancellationToken)).StatusCode);
    }
}

/// <summary>Behind a trusted proxy (loopback here), the login limit counts the client named in X-Forwarded-For.</summary>
public sealed class BehindProxyFactory : PartnerskapFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Partnerskap:Security:LoginPermitLimit", LowLoginLimitFactory.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Partnerskap:ReverseProxy:KnownProxies:0", "127.0.0.1");
        // The test server has no socket: every request comes "from" the proxy on loopback.
        builder.ConfigureServices(s => s.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, FromLoopback>());
    }

    private sealed class FromLoopback : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public sealed class LoginRateLimitBehindProxyTests : IAsyncLifetime
{
    private readonly BehindProxyFactory _app = new();

    public ValueTask InitializeAsync()
    {
        _ = _app.Services;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<HttpStatusCode> AttemptFromAsync(string clientIp)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = JsonContent.Create(new { email = PartnerskapFactory.OfficeEmail, password = "Wrong-password-9!" }),
        };
        request.Headers.Add("X-Forwarded-For", clientIp);
        return (await _app.CreateClient().SendAsync(request, TestContext.Current.CancellationToken)).StatusCode;
    }

    [Fact]
    public async Task Each_client_behind_the_proxy_has_its_own_login_limit()
    {
        for (var i = 0; i < LowLoginLimitFactory.Limit; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await AttemptFromAsync("203.0.113.7"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await AttemptFromAsync("203.0.113.7"));
        Assert.Equal(HttpStatusCode.Unauthorized, await AttemptFromAsync("198.51.100.20")); // another client is not punished
    }
}
