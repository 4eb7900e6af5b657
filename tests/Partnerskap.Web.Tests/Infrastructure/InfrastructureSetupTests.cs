using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Infrastructure.Brreg;
using Partnerskap.Web.Infrastructure.Documents;
using Partnerskap.Web.Infrastructure.Mail;

namespace Partnerskap.Web.Tests.Infrastructure;

public class InfrastructureSetupTests
{
    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddDocumentsMailAndLookups(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void Defaults_are_file_store_pickup_folder_and_live_register()
    {
        using var provider = Build(("Partnerskap:DataDirectory", "/tmp/partnerskap-setup"));

        var store = Assert.IsType<FileSystemDocumentStore>(provider.GetRequiredService<IDocumentStore>());
        Assert.Equal("/tmp/partnerskap-setup/documents", store.Root);
        var mailer = Assert.IsType<PickupDirectoryMailer>(provider.GetRequiredService<IMailer>());
        Assert.Equal("/tmp/partnerskap-setup/mail", mailer.Directory);
        Assert.IsType<BrregClient>(provider.GetRequiredService<IEnhetsregisteret>());
    }

    [Fact]
    public void Smtp_host_selects_SMTP_and_offline_mode_selects_fixtures()
    {
        using var provider = Build(
            ("Partnerskap:Mail:Smtp:Host", "smtp.example"),
            ("Partnerskap:Brreg:Mode", "Offline"),
            ("Partnerskap:Brreg:FixtureDirectory", "/tmp/fixtures"));

        Assert.IsType<SmtpMailer>(provider.GetRequiredService<IMailer>());
        var fixtures = Assert.IsType<FixtureEnhetsregisteret>(provider.GetRequiredService<IEnhetsregisteret>());
        Assert.Equal("/tmp/fixtures", fixtures.Directory);
    }

    [Fact]
    public void Offline_mode_defaults_to_the_shipped_fixtures()
    {
        using var provider = Build(("Partnerskap:Brreg:Mode", "offline"));
        var fixtures = Assert.IsType<FixtureEnhetsregisteret>(provider.GetRequiredService<IEnhetsregisteret>());
        Assert.Equal(FixtureEnhetsregisteret.DefaultDirectory, fixtures.Directory);
        Assert.True(File.Exists(Path.Combine(fixtures.Directory, "920125298.json")));
    }
}
