using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Testing;
using Partnerskap.Web.Data;
using Partnerskap.Web.Tests;

namespace Partnerskap.Web.Tests.Fees;

/// <summary>Fees and invoices through the API on SQLite and PostgreSQL. Each test uses its own fee year.</summary>
public abstract class FeesApiTests(AppHost host)
{
    private const string P = "/api/partnerships/digiviken";
    private PartnerskapFactory App => host.App;

    private async Task<HttpClient> OfficeWithSellerAsync()
    {
        var office = await App.LoginAsOfficeAsync();
        Assert.Equal(HttpStatusCode.OK, (await office.SetSellerAsync()).StatusCode);
        return office;
    }

    private static decimal Amount(JsonElement fees, string orgnr) =>
        fees.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("orgnr").GetString() == orgnr).GetProperty("amount").GetDecimal();

    [Fact]
    public async Task FIN_1_and_FIN_2_DigiViken_2022_matches_the_hand_checked_figures()
    {
        var fees = await (await App.LoginAsOfficeAsync()).GetJsonAsync($"{P}/fees/2022");
        Assert.Empty(fees.GetProperty("problems").EnumerateArray());
        Assert.Equal(52, fees.GetProperty("lines").GetArrayLength());
        Assert.Equal(288_264m, Amount(fees, "920125298"));   // Asker: 96 088 × 3
        Assert.Equal(386_946m, Amount(fees, "935478715"));   // Bærum: 128 982 × 3
        Assert.Equal(150_000m, Amount(fees, "921693230"));   // Viken fylkeskommune, base year
        Assert.Equal((3m * 1_269_230m) + 150_000m, fees.GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task FIN_2_DigiViken_2023_indexes_the_county_by_the_budget_deflator()
    {
        var fees = await (await App.LoginAsOfficeAsync()).GetJsonAsync($"{P}/fees/2023");
        Assert.Equal(389_622m, Amount(fees, "935478715"));   // Bærum: 129 874 × 3
        Assert.Equal(155_550m, Amount(fees, "921693230"));   // 150 000 × 1.037
        Assert.Equal("budget", fees.GetProperty("indexEstimate").GetString());
        Assert.Equal((3m * 1_292_241m) + 155_550m, fees.GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task FIN_1_missing_statistics_are_listed_and_the_run_refuses()
    {
        var office = await OfficeWithSellerAsync();
        var fees = await office.GetJsonAsync($"{P}/fees/2026");
        var problems = fees.GetProperty("problems").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Contains(problems, p => p!.Contains("population", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(problems, p => p!.Contains("deflator", StringComparison.OrdinalIgnoreCase));
        var before = await App.CountAsync(db => db.Invoices);
        await (await office.PostAsync($"{P}/fees/2026/run", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(before, await App.CountAsync(db => db.Invoices));
    }

    [Fact]
    public async Task PUR_6_no_fee_before_the_agreement_took_effect()
    {
        var fees = await (await App.LoginAsOfficeAsync()).GetJsonAsync($"{P}/fees/2021");
        Assert.Contains(fees.GetProperty("problems").EnumerateArray(), p => p.GetString()!.Contains("PUR-6", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FIN_1_the_fee_run_is_idempotent_and_numbers_are_gapless()
    {
        var office = await OfficeWithSellerAsync();
        var first = await (await office.PostAsync($"{P}/fees/2024/run", null)).ReadJsonAsync();
        var second = await (await office.PostAsync($"{P}/fees/2024/run", null)).ReadJsonAsync();

        Assert.Equal(52, first.GetProperty("created").GetInt32());
        Assert.Equal(0, second.GetProperty("created").GetInt32());
        var a = first.GetProperty("invoices").EnumerateArray().Select(i => i.GetProperty("number").GetString()).ToList();
        var b = second.GetProperty("invoices").EnumerateArray().Select(i => i.GetProperty("number").GetString()).ToList();
        Assert.Equal(a, b);
        await AssertGaplessAsync();
    }

    [Fact]
    public async Task FIN_1_concurrent_fee_runs_create_each_invoice_once()
    {
        await OfficeWithSellerAsync();
        var before = await App.CountAsync(db => db.Invoices.Where(i => i.FeeYear == 2022 && i.Kind == Domain.Fees.InvoiceKind.Invoice));
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => App.LoginAsOfficeAsync()));
        var responses = await Task.WhenAll(clients.Select(c => c.PostAsync($"{P}/fees/2022/run", null)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var created = 0;
        foreach (var r in responses)
        {
            created += (await r.ReadJsonAsync()).GetProperty("created").GetInt32();
        }

        Assert.Equal(52 - before, created); // another test in this class may have run 2022 already
        Assert.Equal(52, await App.CountAsync(db => db.Invoices.Where(i => i.FeeYear == 2022 && i.Kind == Domain.Fees.InvoiceKind.Invoice)));
        await AssertGaplessAsync();
    }

    [Fact]
    public async Task A_credit_note_takes_the_next_number_and_the_member_can_be_invoiced_again()
    {
        var office = await OfficeWithSellerAsync();
        var run = await (await office.PostAsync($"{P}/fees/2023/run", null)).ReadJsonAsync();
        var asker = run.GetProperty("invoices").EnumerateArray().First(i => i.GetProperty("orgnr").GetString() == "920125298");
        var id = asker.GetProperty("id").GetInt32();

        await (await office.PostAsJsonAsync($"/api/invoices/{id}/credit", new { reason = "" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var credit = await (await office.PostAsJsonAsync($"/api/invoices/{id}/credit", new { reason = "Feil folketall (test)" })).ReadJsonAsync();
        Assert.Equal("credit-note", credit.GetProperty("kind").GetString());
        await (await office.PostAsJsonAsync($"/api/invoices/{id}/credit", new { reason = "igjen" })).AssertProblemAsync(HttpStatusCode.Conflict);

        var again = await (await office.PostAsync($"{P}/fees/2023/run", null)).ReadJsonAsync();
        Assert.Equal(1, again.GetProperty("created").GetInt32());
        await AssertGaplessAsync();

        var invoices = await office.GetJsonAsync($"{P}/invoices?year=2023");
        Assert.Contains(invoices.EnumerateArray(), i => i.GetProperty("id").GetInt32() == id && i.GetProperty("status").GetString() == "credited");
    }

    [Fact]
    public async Task Payment_must_match_and_status_only_moves_forward()
    {
        var office = await OfficeWithSellerAsync();
        var run = await (await office.PostAsync($"{P}/fees/2025/run", null)).ReadJsonAsync();
        var invoice = run.GetProperty("invoices")[0];
        var id = invoice.GetProperty("id").GetInt32();
        var amount = invoice.GetProperty("amount").GetDecimal();

        Assert.Equal(HttpStatusCode.OK, (await office.PostAsync($"/api/invoices/{id}/sent", null)).StatusCode);
        await (await office.PostAsync($"/api/invoices/{id}/sent", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await office.PostAsJsonAsync($"/api/invoices/{id}/paid", new { paidOn = "2026-11-20", amount = amount - 1 })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var paid = await (await office.PostAsJsonAsync($"/api/invoices/{id}/paid", new { paidOn = "2026-11-20", amount })).ReadJsonAsync();
        Assert.Equal("paid", paid.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ORG_5_a_fee_run_without_seller_settings_is_refused_clearly()
    {
        // A fresh partnership without invoicing settings.
        var office = await App.LoginAsOfficeAsync();
        var slug = $"f{Guid.NewGuid():N}"[..16];
        await office.PostAsJsonAsync("/api/partnerships", new { slug, name = "Uten selger", agreementInForceFrom = "2022-01-01" });
        var problem = await (await office.PostAsync($"/api/partnerships/{slug}/fees/2022/run", null)).AssertProblemAsync(HttpStatusCode.Conflict, "ORG-5");
        Assert.Contains("seller", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        await (await office.PutAsJsonAsync($"/api/partnerships/{slug}/invoicing", new { sellerOrgnr = "123" })).AssertProblemAsync(HttpStatusCode.BadRequest, "ORG-5");
    }

    [Fact]
    public async Task FIN_6_fee_models_are_versions_that_need_a_decision()
    {
        var office = await App.LoginAsOfficeAsync();
        var models = await office.GetJsonAsync($"{P}/fee-models");
        var first = models[0];
        Assert.Equal(2022, first.GetProperty("validFromYear").GetInt32());
        Assert.Equal(3m, first.GetProperty("amountPerInhabitant").GetDecimal());
        Assert.Equal(150_000m, first.GetProperty("countyBaseAmount").GetDecimal());
        Assert.Equal(2022, first.GetProperty("countyBaseYear").GetInt32());

        await (await office.PostAsJsonAsync($"{P}/fee-models", new { validFromYear = 2030, amountPerInhabitant = 4 })).AssertProblemAsync(HttpStatusCode.BadRequest, "FIN-6");
        await (await office.PostAsJsonAsync($"{P}/fee-models", new { validFromYear = 2022, amountPerInhabitant = 4, decision = "x" })).AssertProblemAsync(HttpStatusCode.Conflict, "FIN-6");
        var created = await office.PostAsJsonAsync($"{P}/fee-models", new { validFromYear = 2031, amountPerInhabitant = 4, countyBaseAmount = 200_000, countyBaseYear = 2031, decision = "Årsmøtet 2030, sak 3 (test)" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task A_member_contact_sees_only_its_own_invoices()
    {
        var office = await OfficeWithSellerAsync();
        var run = await (await office.PostAsync($"{P}/fees/2022/run", null)).ReadJsonAsync();
        var email = $"asker-{Guid.NewGuid():N}@test.local";
        await App.CreateUserAsync(email, Roles.MemberContact, "920125298");
        var asker = await App.LoginAsync(email);

        var mine = await asker.GetJsonAsync($"{P}/invoices?year=2022");
        Assert.All(mine.EnumerateArray(), i => Assert.Equal("920125298", i.GetProperty("orgnr").GetString()));
        var other = run.GetProperty("invoices").EnumerateArray().First(i => i.GetProperty("orgnr").GetString() != "920125298").GetProperty("id").GetInt32();
        await (await asker.GetAsync($"/api/invoices/{other}/pdf")).AssertProblemAsync(HttpStatusCode.Forbidden);
        var own = mine[0].GetProperty("id").GetInt32();
        Assert.Equal("application/pdf", (await asker.GetAsync($"/api/invoices/{own}/pdf")).Content.Headers.ContentType?.MediaType);
    }

    private async Task AssertGaplessAsync()
    {
        var sequences = await App.WithDbAsync(db => db.Invoices.Where(i => i.IssueYear == 2026).Select(i => i.Sequence).OrderBy(s => s).ToListAsync());
        Assert.Equal(Enumerable.Range(1, sequences.Count), sequences);
    }
}

public sealed class FeesApiTestsOnSqlite(SqliteHost host) : FeesApiTests(host), IClassFixture<SqliteHost>;

public sealed class FeesApiTestsOnPostgres(PostgresHost host) : FeesApiTests(host), IClassFixture<PostgresHost>;
