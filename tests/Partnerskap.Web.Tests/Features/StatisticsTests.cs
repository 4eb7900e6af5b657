using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using nietras.SeparatedValues;
using Partnerskap.Domain.Statistics;
using Partnerskap.Testing;
using Partnerskap.Web.Data;
using Partnerskap.Web.Data.Seed;
using Partnerskap.Web.Features.Statistics;
using Partnerskap.Web.Tests.Statistics;

namespace Partnerskap.Web.Tests.Features;

/// <summary>Population (FIN-1) and kommunal deflator (FIN-2) through the API, on SQLite and on PostgreSQL.</summary>
public abstract class StatisticsTests(AppHost host)
{
    private PartnerskapFactory App => host.App;

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    /// <summary>The 51 municipalities' numbers from 2024 with their 1 January 2025 population (seed file), plus <paramref name="add"/>.</summary>
    private static List<(string Number, int Population)> Population2025(int add = 0)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(Path.Combine(SeedData.Folder, "akershus-buskerud-ostfold-population.csv"));
        var rows = new List<(string, int)>();
        foreach (var row in reader)
        {
            if (row["year"].ToString() == "2025")
            {
                rows.Add((row["kommunenummer"].ToString(), row["population"].Parse<int>() + add));
            }
        }

        return rows;
    }

    private static string ToCsv(IEnumerable<(string Number, int Population)> rows) =>
        "municipalityNumber,population\n" + string.Concat(rows.Select(r => $"{r.Number},{r.Population}\n"));

    private async Task<HttpClient> MemberContactAsync()
    {
        var email = $"contact-{Guid.NewGuid():N}@test.local";
        await App.CreateUserAsync(email, Roles.MemberContact, "920125298");
        return await App.LoginAsync(email);
    }

    private Task<(int Figures, int Imports)> CountsAsync() =>
        App.WithDbAsync(async db => (await db.PopulationFigures.CountAsync(), await db.StatisticsImports.CountAsync()));

    [Fact]
    public async Task FIN_1_csv_import_of_2026_for_the_51_current_numbers_is_stored_and_read_back()
    {
        var office = await App.LoginAsOfficeAsync();
        var rows = Population2025(add: 100);
        Assert.Equal(51, rows.Count);

        var response = await office.PutAsync("/api/statistics/population/2026", Csv(ToCsv(rows)));
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2026, body.GetProperty("year").GetInt32());
        Assert.Equal(51, body.GetProperty("imported").GetInt32());

        var stored = await office.GetJsonAsync("/api/statistics/population/2026");
        Assert.Equal(51, stored.GetArrayLength());
        var read = stored.EnumerateArray().Select(e => (e.GetProperty("municipalityNumber").GetString()!, e.GetProperty("population").GetInt32())).ToList();
        Assert.Equal(rows.OrderBy(r => r.Number, StringComparer.Ordinal), read);

        var import = await App.WithDbAsync(db => db.StatisticsImports.OrderByDescending(i => i.Id).FirstAsync());
        Assert.Equal(("population", 2026, "csv", 51, PartnerskapFactory.OfficeEmail), (import.Kind, import.Year, import.Format, import.Rows, import.ImportedBy));
    }

    [Fact]
    public async Task FIN_1_csv_with_an_unknown_number_and_a_negative_row_is_400_naming_both_and_stores_nothing()
    {
        var office = await App.LoginAsOfficeAsync();
        var before = await CountsAsync();

        var response = await office.PutAsync("/api/statistics/population/2026", Csv("municipalityNumber,population\n3201,131313\n9999,500\n3203,-5\n"));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.Contains("9999", errors.GetProperty("row 2")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("negative", errors.GetProperty("row 3")[0].GetString(), StringComparison.Ordinal);
        Assert.False(errors.TryGetProperty("row 1", out _));
        Assert.Equal(before, await CountsAsync());
        Assert.Equal(0, await App.CountAsync(db => db.PopulationFigures.Where(p => p.Year == 2026 && p.Population == 131313)));
    }

    [Fact]
    public async Task FIN_1_json_stat_import_replaces_the_2023_figures_and_records_the_import()
    {
        var office = await App.LoginAsOfficeAsync();
        var json = new StringContent(PopulationParsersTests.Fixture("ssb-07459-viken-2023.json"), Encoding.UTF8, "application/json");

        var response = await office.PutAsync("/api/statistics/population/2023?source=SSB%20fixture", json);
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, body.GetProperty("imported").GetInt32());
        var halden = await App.WithDbAsync(db => db.PopulationFigures.SingleAsync(p => p.Year == 2023 && p.MunicipalityNumber == "3001"));
        Assert.Equal((31730, "SSB fixture"), (halden.Population, halden.Source));
        var import = await App.WithDbAsync(db => db.StatisticsImports.SingleAsync(i => i.Id == halden.ImportId));
        Assert.Equal(("json-stat2", 2023, 3), (import.Format, import.Year, import.Rows));
        Assert.Equal(51, await App.CountAsync(db => db.PopulationFigures.Where(p => p.Year == 2023)));
    }

    [Theory]
    [InlineData(2019)]
    [InlineData(2028)]
    public async Task FIN_1_years_outside_two_years_before_the_agreement_to_next_year_are_refused(int year)
    {
        var office = await App.LoginAsOfficeAsync();
        var problem = await (await office.PutAsync($"/api/statistics/population/{year}", Csv("municipalityNumber,population\n3201,1\n")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "FIN-1");
        Assert.True(problem.GetProperty("errors").TryGetProperty("year", out _));
    }

    [Fact]
    public async Task FIN_1_a_body_that_is_neither_csv_nor_json_is_415()
    {
        var office = await App.LoginAsOfficeAsync();
        var response = await office.PutAsync("/api/statistics/population/2026", new StringContent("<x/>", Encoding.UTF8, "application/xml"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task FIN_1_fetch_from_ssb_when_ssb_cannot_be_asked_is_503_and_stores_nothing()
    {
        var office = await App.LoginAsOfficeAsync();
        var before = await CountsAsync();

        await (await office.PostAsync("/api/statistics/population/2025/fetch-from-ssb", null)).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);

        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task FIN_1_fetch_from_ssb_asks_for_the_numbers_members_had_on_1_january_and_imports_the_answer()
    {
        var ssb = new FakeSsb(PopulationParsersTests.Fixture("ssb-07459-viken-2023.json"));
        using var app = App.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStatisticsNorway>(ssb)));
        var office = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await (await office.PostAsJsonAsync("/api/auth/login", new { email = PartnerskapFactory.OfficeEmail, password = PartnerskapFactory.Password })).ReadJsonAsync();
        office.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("accessToken").GetString());

        var response = await office.PostAsync("/api/statistics/population/2023/fetch-from-ssb", null);
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2023, ssb.Year);
        Assert.Equal(51, ssb.Numbers.Count);
        Assert.All(ssb.Numbers, n => Assert.StartsWith("30", n, StringComparison.Ordinal)); // the Viken numbers valid on 1 January 2023
        Assert.Equal(3, body.GetProperty("imported").GetInt32());
        Assert.Equal(48, body.GetProperty("missing").GetArrayLength());
        var source = await App.WithDbAsync(db => db.PopulationFigures.Where(p => p.Year == 2023 && p.MunicipalityNumber == "3002").Select(p => p.Source).SingleAsync());
        Assert.Equal("SSB PxWebApi v2 table 07459, fetched 2026-11-25T10:00:00+00:00", source);
    }

    [Fact]
    public async Task FIN_2_deflator_put_then_get_replaces_that_years_estimate_of_that_kind()
    {
        var office = await App.LoginAsOfficeAsync();

        var first = await office.PutAsJsonAsync("/api/statistics/kommunal-deflator/2026", new { percent = 3.1m, source = "Prop. 1 S (2025–2026)" });
        var created = await first.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(("budget", 3.1m), (created.GetProperty("estimate").GetString(), created.GetProperty("percent").GetDecimal()));

        Assert.Equal(HttpStatusCode.OK, (await office.PutAsJsonAsync("/api/statistics/kommunal-deflator/2026", new { percent = 3.25m, source = "Prop. 1 S (2025–2026), corrected" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.PutAsJsonAsync("/api/statistics/kommunal-deflator/2026", new { percent = 3.4m, source = "RNB 2026", estimate = "revised" })).StatusCode);

        var all = await office.GetJsonAsync("/api/statistics/kommunal-deflator");
        var for2026 = all.EnumerateArray().Where(e => e.GetProperty("year").GetInt32() == 2026)
            .Select(e => (e.GetProperty("estimate").GetString(), e.GetProperty("percent").GetDecimal(), e.GetProperty("source").GetString()))
            .ToList();
        Assert.Equal([("budget", 3.25m, "Prop. 1 S (2025–2026), corrected"), ("revised", 3.4m, "RNB 2026")], for2026);
        Assert.Contains(all.EnumerateArray(), e => e.GetProperty("year").GetInt32() == 2022 && e.GetProperty("estimate").GetString() == "re-estimate");
        Assert.Contains(all.EnumerateArray(), e => e.GetProperty("year").GetInt32() == 2022 && e.GetProperty("estimate").GetString() == "budget"
                                                   && e.GetProperty("percent").GetDecimal() == 2.5m);
    }

    [Fact]
    public async Task FIN_2_deflator_without_percent_or_source_or_with_an_unknown_estimate_is_400()
    {
        var office = await App.LoginAsOfficeAsync();
        var before = await App.CountAsync(db => db.DeflatorEstimates);

        var problem = await (await office.PutAsJsonAsync("/api/statistics/kommunal-deflator/2025", new { estimate = "guess" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "FIN-2");

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("percent", out _));
        Assert.True(errors.TryGetProperty("source", out _));
        Assert.True(errors.TryGetProperty("estimate", out _));
        Assert.Equal(before, await App.CountAsync(db => db.DeflatorEstimates));
    }

    [Fact]
    public async Task Office_lists_the_imports_with_the_seeded_ones()
    {
        var office = await App.LoginAsOfficeAsync();
        var imports = await office.GetJsonAsync("/api/statistics/imports");
        Assert.Contains(imports.EnumerateArray(), i => i.GetProperty("format").GetString() == "seed" && i.GetProperty("kind").GetString() == "population");
        Assert.Contains(imports.EnumerateArray(), i => i.GetProperty("kind").GetString() == "kommunal-deflator");
    }

    [Fact]
    public async Task Member_contact_reads_statistics_but_cannot_change_them()
    {
        var contact = await MemberContactAsync();

        Assert.Equal(51, (await contact.GetJsonAsync("/api/statistics/population/2025")).GetArrayLength());
        Assert.True((await contact.GetJsonAsync("/api/statistics/kommunal-deflator")).GetArrayLength() >= 10);
        await (await contact.PutAsync("/api/statistics/population/2026", Csv("municipalityNumber,population\n3201,1\n"))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await contact.PutAsJsonAsync("/api/statistics/kommunal-deflator/2026", new { percent = 1m, source = "x" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await contact.PostAsync("/api/statistics/population/2026/fetch-from-ssb", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await contact.GetAsync("/api/statistics/imports")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Anonymous_gets_401_problem_json()
    {
        var anonymous = App.CreateClient();
        await (await anonymous.GetAsync("/api/statistics/population/2025")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync("/api/statistics/kommunal-deflator")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PutAsync("/api/statistics/population/2026", Csv("municipalityNumber,population\n3201,1\n"))).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    private sealed class FakeSsb(string answer) : IStatisticsNorway
    {
        public int Year { get; private set; }

        public IReadOnlyList<string> Numbers { get; private set; } = [];

        public Task<string> GetPopulationJsonStatAsync(int year, IReadOnlyList<string> municipalityNumbers, CancellationToken ct)
        {
            (Year, Numbers) = (year, municipalityNumbers);
            return Task.FromResult(answer);
        }
    }
}

public sealed class StatisticsTestsOnSqlite(SqliteHost host) : StatisticsTests(host), IClassFixture<SqliteHost>;

public sealed class StatisticsTestsOnPostgres(PostgresHost host) : StatisticsTests(host), IClassFixture<PostgresHost>;
