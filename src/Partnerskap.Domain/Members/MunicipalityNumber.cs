using System.Diagnostics.CodeAnalysis;

namespace Partnerskap.Domain.Members;

/// <summary>
/// A municipality number (kommunenummer): four digits, the first two the county number
/// ("3024" Bærum 2020–2023, "3201" Bærum from 2024). A municipality's number can change (MEM-1: the
/// 2024 split of Viken), so a number is valid for a period; that period is data, not part of this value.
/// Equality is by the four digits. The default value is invalid and never produced by <see cref="TryParse"/>.
/// </summary>
public readonly record struct MunicipalityNumber
{
    private MunicipalityNumber(string value) => Value = value;

    /// <summary>The four digits, leading zeros kept ("0301").</summary>
    public string Value { get; }

    /// <summary>The two-digit county part ("30" for "3024").</summary>
    public string CountyNumber => Value[..2];

    /// <summary>Exactly four ASCII digits; county part 01–99 and municipality part 01–99.</summary>
    public static bool TryParse([NotNullWhen(true)] string? input, out MunicipalityNumber number)
    {
        number = default;
        if (input is null || input.Length != 4 || !input.All(char.IsAsciiDigit))
        {
            return false;
        }

        if (input[..2] == "00" || input[2..] == "00")
        {
            return false;
        }

        number = new MunicipalityNumber(input);
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/> naming the input.</summary>
    public static MunicipalityNumber Parse(string input) =>
        TryParse(input, out var number)
            ? number
            : throw new FormatException($"'{input}' is not a municipality number (four digits, e.g. 3024).");

    /// <summary>True when <paramref name="input"/> has the format of a municipality number.</summary>
    public static bool IsValid(string? input) => TryParse(input, out _);

    public override string ToString() => Value ?? "";
}
