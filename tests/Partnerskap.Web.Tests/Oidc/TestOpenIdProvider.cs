using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Partnerskap.Web.Tests.Oidc;

/// <summary>The person the test provider signs in, without asking, at its authorization endpoint.</summary>
public sealed record TestPerson(string Subject, string Email, string Name, string? Orgnr);

/// <summary>
/// A real OpenID Connect provider for the tests: OpenIddict's server on Kestrel (random loopback port, plain HTTP),
/// in-memory EF Core stores, ephemeral keys, authorization code flow with PKCE, one confidential client, and an
/// authorization endpoint that approves <see cref="Person"/> at once (claims sub, email, name, orgnr).
/// </summary>
public sealed class TestOpenIdProvider : IAsyncDisposable
{
    public const string ClientId = "partnerskap";
    public const string ClientSecret = "test-client-secret";

    private readonly WebApplication _app;

    private TestOpenIdProvider(WebApplication app) => _app = app;

    /// <summary>Issuer and authority, e.g. http://127.0.0.1:41234/.</summary>
    public string Authority { get; private set; } = "";

    public TestPerson Person { get; set; } = new("person-1", "kari@asker.kommune.no", "Kari Nordmann", "920125298");

    public static async Task<TestOpenIdProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var database = $"openiddict-{Guid.NewGuid():N}";
        builder.Services.AddDbContext<DbContext>(o => o.UseInMemoryDatabase(database).UseOpenIddict());
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<DbContext>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email);
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                o.DisableAccessTokenEncryption();
                o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            });

        var app = builder.Build();
        var provider = new TestOpenIdProvider(app);
        app.MapGet("connect/authorize", provider.Authorize);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        provider.Authority = address.TrimEnd('/') + "/";
        return provider;
    }

    /// <summary>Registers the relying party with its redirect URI (known once the app has a port).</summary>
    public async Task RegisterClientAsync(string redirectUri)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await manager.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            ClientType = ClientTypes.Confidential,
            DisplayName = "Partnerskap",
            RedirectUris = { new Uri(redirectUri) },
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email,
                Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        });
    }

    private IResult Authorize(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var person = Person;
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, person.Subject)
            .SetClaim(Claims.Email, person.Email)
            .SetClaim(Claims.Name, person.Name);
        if (person.Orgnr is not null)
        {
            identity.SetClaim("orgnr", person.Orgnr);
        }

        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
