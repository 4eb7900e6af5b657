using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnerskap.Domain.Common;
using Partnerskap.Testing;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Tests.Features;

/// <summary>
/// Names sorted in the database come back in bokmål order (… Z, Æ, Ø, Å; case ignored) on both providers: the
/// <see cref="Bokmal.Collation"/> collation (SQLite: registered per connection; PostgreSQL: ICU, from a migration).
/// Byte order would give Å before Æ and Ø, and lowercase after Z.
/// </summary>
public abstract partial class BokmalOrderTests(AppHost host)
{
    private PartnerskapFactory App => host.App;

    private const string P = "/api/partnerships/digiviken";

    /// <summary>The bokmål order; created in another order so the database has to sort.</summary>
    private static readonly string[] Expected = ["Aremark kommune", "bygdelaget", "Zeta AS", "ærlig AS", "Øvre Eiker kommune", "Ål kommune", "Ås kommune"];

    private static readonly string[] CreationOrder = ["Ås kommune", "ærlig AS", "Ål kommune", "Zeta AS", "Øvre Eiker kommune", "bygdelaget", "Aremark kommune"];

    [Fact]
    public void Expected_order_is_the_bokmal_comparer_order()
    {
        Assert.Equal(Expected, CreationOrder.Order(Bokmal.Order));
        Assert.NotEqual(Expected, CreationOrder.Order(StringComparer.Ordinal)); // the test would prove nothing otherwise
    }

    [Fact]
    public async Task External_partners_list_is_sorted_in_bokmal_order_by_the_database()
    {
        var office = await App.LoginAsOfficeAsync();
        var tag = Guid.NewGuid().ToString("N");
        foreach (var name in CreationOrder)
        {
            var created = await office.PostAsJsonAsync($"{P}/external-partners", new { name = $"{name} {tag}", kind = "other" });
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }

        var names = (await office.GetJsonAsync($"{P}/external-partners")).EnumerateArray().Select(x => x.GetProperty("name").GetString()!)
            .Where(n => n.EndsWith(tag, StringComparison.Ordinal)).Select(n => n[..^(tag.Length + 1)]).ToList();
        Assert.Equal(Expected, names);
    }

    [Fact]
    public async Task Networks_list_is_sorted_in_bokmal_order_by_the_database()
    {
        var office = await App.LoginAsOfficeAsync();
        var tag = Guid.NewGuid().ToString("N");
        foreach (var name in CreationOrder)
        {
            var created = await office.PostAsJsonAsync($"{P}/networks", new { name = $"{name} {tag}", kind = "network", purpose = "Rekkefølge" });
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }

        var names = (await office.GetJsonAsync($"{P}/networks")).EnumerateArray().Select(x => x.GetProperty("name").GetString()!)
            .Where(n => n.EndsWith(tag, StringComparison.Ordinal)).Select(n => n[..^(tag.Length + 1)]).ToList();
        Assert.Equal(Expected, names);
    }

    [Fact]
    public async Task Member_picker_on_the_network_page_lists_the_seeded_members_in_bokmal_order()
    {
        var office = await App.LoginAsOfficeAsync();
        var created = await office.PostAsJsonAsync($"{P}/networks", new { name = $"Velgerliste {Guid.NewGuid():N}", kind = "network", purpose = "Rekkefølge" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetInt32();

        var html = await office.GetStringAsync($"/digiviken/networks/{id}");
        var options = MemberOption().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.True(options.Count > 40, $"expected the DigiViken members in the picker, got {options.Count}");
        Assert.Equal(options.Order(Bokmal.Order), options);
        // DigiViken's own: Øvre Eiker, Ål and Ås come last, in that order (byte order: Ål, Ås, Øvre Eiker).
        Assert.Equal(["Øvre Eiker", "Ål", "Ås"], options.TakeLast(3).Select(n => n.Replace(" kommune", "", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task OrderByBokmal_sorts_in_the_database_and_handles_nulls()
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var digiviken = await db.Partnerships.AsNoTracking().SingleAsync(p => p.Slug == "digiviken", TestContext.Current.CancellationToken);
        var members = await db.Members.AsNoTracking().Where(m => m.PartnershipId == digiviken.Id)
            .OrderByBokmal(m => m.Name).ThenBy(m => m.Orgnr).Select(m => m.Name).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(members.Order(Bokmal.Order), members);

        // A nullable column (an external partner's contact name): NULL never reaches the collation (SQLite sorts it
        // first, PostgreSQL last); the names around it keep the bokmål order.
        var tag = Guid.NewGuid().ToString("N");
        foreach (var contact in new[] { "Åse", null, "anne", "Øyvind" })
        {
            db.ExternalPartners.Add(new Partnerskap.Domain.Collaboration.ExternalPartner(digiviken.Id, $"Partner {contact} {tag}",
                Partnerskap.Domain.Collaboration.ExternalPartnerKind.Other, null, isMember: false, contact, null));
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var contacts = await db.ExternalPartners.AsNoTracking().Where(x => x.Name.EndsWith(tag))
            .OrderByBokmal(x => x.ContactName!).Select(x => x.ContactName).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["anne", "Øyvind", "Åse"], contacts.Where(c => c is not null));
        Assert.Single(contacts, c => c is null);
    }

    [GeneratedRegex("""<option value="\d{9}">([^<]*)</option>""")]
    private static partial Regex MemberOption();
}

public sealed class BokmalOrderTestsOnSqlite(SqliteHost host) : BokmalOrderTests(host), IClassFixture<SqliteHost>;

public sealed class BokmalOrderTestsOnPostgres(PostgresHost host) : BokmalOrderTests(host), IClassFixture<PostgresHost>;
