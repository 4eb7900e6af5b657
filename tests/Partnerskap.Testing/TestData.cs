using System.Net.Http.Json;
using Partnerskap.Domain.Members;

namespace Partnerskap.Testing;

/// <summary>Test data used across test projects and the benchmarks.</summary>
public static class TestData
{
    /// <summary>The host as seller on the invoices (ORG-5); the bank account is a made-up, well-formed number.</summary>
    public static readonly object Seller = new
    {
        sellerOrgnr = "921693230",
        sellerName = "Viken fylkeskommune",
        street = "Postboks 220",
        postalCode = "1702",
        city = "Sarpsborg",
        bankAccount = "12345678903",
        paymentTermsDays = 30,
    };

    /// <summary>PUT …/invoicing with <see cref="Seller"/>.</summary>
    public static Task<HttpResponseMessage> SetSellerAsync(this HttpClient client, string slug = "digiviken") =>
        client.PutAsJsonAsync($"/api/partnerships/{slug}/invoicing", Seller);

    private static int _next = Random.Shared.Next(0, 5_000_000);

    /// <summary>A fresh, mod-11-valid organisation number starting with 8 (never a real municipality's).</summary>
    public static string NextOrgnr()
    {
        while (true)
        {
            var prefix = "8" + (Interlocked.Increment(ref _next) % 10_000_000).ToString("D7");
            if (OrganisationNumber.CheckDigit(prefix) is { } check)
            {
                return prefix + check;
            }
        }
    }

    /// <summary><paramref name="count"/> distinct valid organisation numbers, in order, starting at 800000000.</summary>
    public static IEnumerable<string> Orgnrs(int count)
    {
        var produced = 0;
        for (var i = 0; produced < count; i++)
        {
            var prefix = "8" + i.ToString("D7");
            if (OrganisationNumber.CheckDigit(prefix) is { } check)
            {
                produced++;
                yield return prefix + check;
            }
        }
    }
}
