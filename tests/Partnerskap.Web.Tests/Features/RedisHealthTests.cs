using System.Net;
using Partnerskap.Testing;

namespace Partnerskap.Web.Tests.Features;

/// <summary>With Partnerskap:Redis set (several instances), /health reports Redis as well as the database.</summary>
public class RedisHealthTests
{
    private static void RequireRedis()
    {
        if (PartnerskapFactory.RedisServer is null)
        {
            Assert.SkipUnless(PartnerskapFactory.InCi, $"*** Redis suite SKIPPED: {PartnerskapFactory.RedisVariable} not set (bash .ci/redis-up.sh prints one). In CI this is a failure. ***");
            Assert.Fail($"CI=true but {PartnerskapFactory.RedisVariable} is not set.");
        }
    }

    [Fact]
    public async Task Health_is_ok_with_Redis_up()
    {
        RequireRedis();
        await using var app = new PartnerskapFactory { Redis = PartnerskapFactory.RedisServer };
        var response = await app.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_is_503_when_Redis_is_unreachable()
    {
        await using var app = new PartnerskapFactory { Redis = "127.0.0.1:1,connectTimeout=500,syncTimeout=500,asyncTimeout=500,connectRetry=0,abortConnect=false" };
        var response = await app.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
