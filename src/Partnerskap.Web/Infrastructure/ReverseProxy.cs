using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Partnerskap.Web.Infrastructure;

/// <summary>
/// Behind a load balancer or reverse proxy: trust <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c> from the proxies
/// listed in <c>Partnerskap:ReverseProxy:KnownProxies</c> (IP addresses) or <c>:KnownNetworks</c> (CIDR, e.g.
/// 10.0.0.0/8). Then the login rate limit counts per real client, and redirects and cookies use https. Nothing is
/// trusted when both lists are empty (the default), so a client cannot forge its address.
/// </summary>
public static class ReverseProxy
{
    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection("Partnerskap:ReverseProxy:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection("Partnerskap:ReverseProxy:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            if (proxies.Length == 0 && networks.Length == 0)
            {
                o.ForwardedHeaders = ForwardedHeaders.None;
            }
        });
        return services;
    }
}
