using Partnerskap.Domain.Members;

namespace Partnerskap.Domain.Tests.Members;

public class MunicipalityNumberTests
{
    [Theory]
    [InlineData("3024", "30")] // Bærum 2020–2023
    [InlineData("3201", "32")] // Bærum from 2024
    [InlineData("0301", "03")] // Oslo, leading zero kept
    public void Four_digit_numbers_are_valid_and_keep_leading_zeros(string input, string county)
    {
        Assert.True(MunicipalityNumber.TryParse(input, out var number));
        Assert.Equal(input, number.Value);
        Assert.Equal(county, number.CountyNumber);
    }

    [Theory]
    [InlineData("301")]
    [InlineData("30245")]
    [InlineData("30a4")]
    [InlineData("0000")]
    [InlineData("3000")] // county 30 itself is not a municipality
    [InlineData("0024")]
    [InlineData(" 3024")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_municipality_number(string? input) =>
        Assert.False(MunicipalityNumber.TryParse(input, out _));
}
