using StackExchange.Redis;

namespace Partnerskap.Web.Infrastructure;

/// <summary>
/// SignalR for live pages (vote results). With one instance nothing else is needed. Behind a load balancer with
/// several instances, set <c>Partnerskap:Redis:ConnectionString</c> (or <c>ConnectionStrings:Redis</c>): SignalR then
/// sends every message through Redis, so an observer connected to instance B sees a ballot cast on instance A, and
/// <c>/health</c> checks Redis too.
/// </summary>
public static class Realtime
{
    public static string? RedisConnectionString(IConfiguration configuration) =>
        configuration["Partnerskap:Redis:ConnectionString"] is { Length: > 0 } cs ? cs
        : configuration.GetConnectionString("Redis") is { Length: > 0 } named ? named : null;

    public static IServiceCollection AddRealtime(this IServiceCollection services, IConfiguration configuration, IHealthChecksBuilder health)
    {
        var signalR = services.AddSignalR();
        if (RedisConnectionString(configuration) is { } redis)
        {
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = RedisChannel.Literal("partnerskap"));
            health.AddRedis(redis, name: "redis");
        }

        return services;
    }
}
