using Microsoft.EntityFrameworkCore;
using Partnerskap.Testing;

namespace Partnerskap.Web.Tests.Features;

public class StartupTests
{
    [Fact]
    public async Task First_start_on_an_empty_data_directory_creates_the_database_and_a_second_start_does_not_seed_twice()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"partnerskap-startup-{Guid.NewGuid():N}");
        Assert.False(Directory.Exists(dataDirectory));

        await using (var first = new PartnerskapFactory(TestDatabase.Sqlite, dataDirectory) { FromTemplate = false })
        {
            _ = first.Services;
            Assert.True(File.Exists(Path.Combine(dataDirectory, "partnerskap.db")));
            Assert.Equal(52, await first.CountAsync(db => db.Members));
        }

        await using var second = new PartnerskapFactory(TestDatabase.Sqlite, dataDirectory);
        _ = second.Services;
        Assert.Equal(1, await second.CountAsync(db => db.Partnerships));
        Assert.Equal(52, await second.CountAsync(db => db.Members));
        Assert.Equal(51 * 6, await second.CountAsync(db => db.PopulationFigures));
        Assert.Equal(1, await second.CountAsync(db => db.Users));
        Assert.Equal(52, await second.CountAsync(db => db.AuditEntries.Where(a => a.Entity == "Member")));
        Assert.Empty(await second.WithDbAsync(db => db.Database.GetPendingMigrationsAsync()));
    }
}
