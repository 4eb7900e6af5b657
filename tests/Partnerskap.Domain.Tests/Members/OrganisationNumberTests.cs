using CsCheck;
using Partnerskap.Domain.Members;

namespace Partnerskap.Domain.Tests.Members;

public class OrganisationNumberTests
{
    [Theory]
    [InlineData("921693230")] // Viken fylkeskommune
    [InlineData("920125298")] // Asker kommune
    [InlineData("959159092")] // Halden kommune
    [InlineData("991825827")] // Digitaliseringsdirektoratet
    [InlineData("921 693 230")] // grouped the way Brønnøysund prints it
    public void Valid_organisation_numbers_pass_the_mod_11_check(string input)
    {
        Assert.True(OrganisationNumber.TryParse(input, out var number));
        Assert.Equal(input.Replace(" ", ""), number.Value);
    }

    [Theory]
    [InlineData("921693231")] // wrong check digit
    [InlineData("92169323")] // eight digits
    [InlineData("9216932300")] // ten digits
    [InlineData("92169323a")] // letter
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("٩٢١٦٩٣٢٣٠")] // non-ASCII digits are not digits here
    public void Invalid_organisation_numbers_are_rejected(string? input) =>
        Assert.False(OrganisationNumber.TryParse(input, out _));

    [Fact]
    public void A_number_whose_check_digit_would_be_10_is_never_valid()
    {
        // 8 leading digits with weighted sum ≡ 1 (mod 11) → check digit 10 → no valid number.
        // 10000001x: 1*3 + 1*2 = 5 → not 1. 40000001x: 4*3+1*2=14 ≡ 3. Search instead of hand-picking:
        var prefix = Enumerable.Range(10000000, 100000).Select(i => i.ToString("D8"))
            .First(p => p.Select((c, i) => (c - '0') * new[] { 3, 2, 7, 6, 5, 4, 3, 2 }[i]).Sum() % 11 == 1);
        for (var d = 0; d <= 9; d++)
        {
            Assert.False(OrganisationNumber.IsValid(prefix + d));
        }
    }

    [Fact]
    public void Exactly_one_check_digit_completes_each_valid_prefix() =>
        Gen.Int[0, 99_999_999].Sample(n =>
        {
            var prefix = n.ToString("D8");
            var valid = Enumerable.Range(0, 10).Count(d => OrganisationNumber.IsValid(prefix + d));
            return valid <= 1;
        });

    [Fact]
    public void Parse_throws_a_format_exception_naming_the_input()
    {
        var ex = Assert.Throws<FormatException>(() => OrganisationNumber.Parse("123"));
        Assert.Contains("'123'", ex.Message);
    }
}
