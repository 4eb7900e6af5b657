using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Partnerskap.Web.Infrastructure.Brreg;
using Partnerskap.Web.Infrastructure.Documents;
using Partnerskap.Web.Infrastructure.Mail;

namespace Partnerskap.Web.Infrastructure;

public static class InfrastructureSetup
{
    /// <summary>
    /// Registers <see cref="IDocumentStore"/> (files under {DataDirectory}/documents), <see cref="IMailer"/> (pickup
    /// folder {DataDirectory}/mail, or SMTP when Partnerskap:Mail:Smtp:Host is set) and <see cref="IEnhetsregisteret"/>
    /// (data.brreg.no, or the fixtures when Partnerskap:Brreg:Mode is "Offline"). Choices are made when a service is
    /// first resolved, so test hosts can override the configuration. Needs a <see cref="TimeProvider"/> registration.
    /// </summary>
    public static IServiceCollection AddDocumentsMailAndLookups(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PartnerskapOptions>().Bind(configuration.GetSection(PartnerskapOptions.Section));
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section));
        services.AddOptions<BrregOptions>().Bind(configuration.GetSection(BrregOptions.Section));

        services.AddSingleton<IDocumentStore, FileSystemDocumentStore>();

        services.AddSingleton<PickupDirectoryMailer>();
        services.AddSingleton<SmtpMailer>();
        services.AddSingleton<IMailer>(sp =>
            string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<MailOptions>>().Value.Smtp.Host)
                ? sp.GetRequiredService<PickupDirectoryMailer>()
                : sp.GetRequiredService<SmtpMailer>());

        services.AddHttpClient<BrregClient>(http =>
        {
            http.BaseAddress = BrregClient.DefaultBaseAddress;
            http.Timeout = BrregClient.DefaultTimeout;
            http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<BrregOptions>>().Value;
            return new FixtureEnhetsregisteret(string.IsNullOrWhiteSpace(options.FixtureDirectory)
                ? FixtureEnhetsregisteret.DefaultDirectory
                : options.FixtureDirectory);
        });
        services.AddTransient<IEnhetsregisteret>(sp =>
            sp.GetRequiredService<IOptions<BrregOptions>>().Value.IsOffline
                ? sp.GetRequiredService<FixtureEnhetsregisteret>()
                : sp.GetRequiredService<BrregClient>());

        return services;
    }
}
