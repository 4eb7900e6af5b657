using System.Diagnostics.CodeAnalysis;

namespace Partnerskap.Domain.Members;

/// <summary>
/// A Norwegian organisation number (organisasjonsnummer, orgnr): nine digits whose last digit is a
/// modulus-11 check digit with weights 3, 2, 7, 6, 5, 4, 3, 2 (Brønnøysundregistrene).
/// It is the stable identity of a member. Equality is by the nine digits. The default value is invalid
/// and never produced by <see cref="TryParse"/>.
/// </summary>
public readonly record struct OrganisationNumber
{
    private static readonly int[] Weights = [3, 2, 7, 6, 5, 4, 3, 2];

    private OrganisationNumber(string value) => Value = value;

    /// <summary>The nine digits, without spaces.</summary>
    public string Value { get; }

    /// <summary>
    /// Accepts nine digits, optionally grouped with spaces ("921 693 230"), and checks the mod-11 digit.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? input, out OrganisationNumber number)
    {
        number = default;
        if (input is null)
        {
            return false;
        }

        var digits = input.Replace(" ", "", StringComparison.Ordinal).Trim();
        if (digits.Length != 9 || !digits.All(char.IsAsciiDigit) || !HasValidCheckDigit(digits))
        {
            return false;
        }

        number = new OrganisationNumber(digits);
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/> naming the input.</summary>
    public static OrganisationNumber Parse(string input) =>
        TryParse(input, out var number)
            ? number
            : throw new FormatException($"'{input}' is not a valid organisation number (9 digits, mod-11).");

    /// <summary>True when <paramref name="input"/> is a valid organisation number.</summary>
    public static bool IsValid(string? input) => TryParse(input, out _);

    private static bool HasValidCheckDigit(string digits) => CheckDigit(digits[..8]) == digits[8] - '0';

    /// <summary>
    /// The mod-11 check digit for the first eight digits, or null when none exists (a computed 10: no valid number
    /// has these eight digits).
    /// </summary>
    public static int? CheckDigit(string firstEight)
    {
        if (firstEight.Length != 8 || !firstEight.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("Give exactly eight digits.", nameof(firstEight));
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (firstEight[i] - '0') * Weights[i];
        }

        var remainder = sum % 11;
        var check = remainder == 0 ? 0 : 11 - remainder;
        return check == 10 ? null : check;
    }

    public override string ToString() => Value ?? "";
}
