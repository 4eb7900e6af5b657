using System.Globalization;

namespace Partnerskap.Web.Features.Fees.Invoicing;

/// <summary>How invoice values are written: invariant for EHF, Norwegian for people (PDF).</summary>
internal static class InvoiceFormat
{
    // nb-NO, but with a plain space as the thousands separator (ICU gives U+00A0, which text search and copy-paste miss)
    // and a hyphen-minus for negatives.
    private static readonly NumberFormatInfo Norwegian = CreateNorwegian();

    /// <summary>EHF amount: invariant, exactly 2 decimals, midpoint away from zero ("288264.00").</summary>
    public static string XmlAmount(decimal amount) =>
        Math.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>EHF unit price: at least 2 decimals, more only when the price has them ("3.00", "0.125").</summary>
    public static string XmlPrice(decimal price) => price.ToString("0.00##########", CultureInfo.InvariantCulture);

    /// <summary>EHF quantity: invariant, no trailing zeros ("96088", "1.5").</summary>
    public static string XmlQuantity(decimal quantity) => quantity.ToString("0.##########", CultureInfo.InvariantCulture);

    public static string XmlDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"288 264,00".</summary>
    public static string Amount(decimal amount) =>
        Math.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("#,##0.00", Norwegian);

    /// <summary>"96 088", "1,5".</summary>
    public static string Quantity(decimal quantity) => quantity.ToString("#,##0.##########", Norwegian);

    /// <summary>"3,00", "0,125".</summary>
    public static string Price(decimal price) => price.ToString("#,##0.00##########", Norwegian);

    /// <summary>"15.01.2026", as Norwegian invoices write dates.</summary>
    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>Only the digits: "1234.56.78903" and "1234 56 78903" both give "12345678903".</summary>
    public static string Digits(string value) => new([.. value.Where(char.IsAsciiDigit)]);

    /// <summary>Org.nr. without spaces ("921 693 230" → "921693230"); other characters are kept so a wrong value stays visible.</summary>
    public static string Orgnr(string orgnr) => orgnr.Replace(" ", "", StringComparison.Ordinal).Trim();

    /// <summary>"921 693 230" for a 9-digit org.nr.; anything else unchanged.</summary>
    public static string OrgnrForPeople(string orgnr)
    {
        var digits = Orgnr(orgnr);
        return digits.Length == 9 && digits.All(char.IsAsciiDigit) ? $"{digits[..3]} {digits[3..6]} {digits[6..]}" : digits;
    }

    /// <summary>"1234 56 78903" for an 11-digit Norwegian account number; anything else unchanged.</summary>
    public static string BankAccount(string account)
    {
        var digits = Digits(account);
        return digits.Length == 11 ? $"{digits[..4]} {digits[4..6]} {digits[6..]}" : account.Trim();
    }

    /// <summary>
    /// A KID (kundeidentifikasjon) is 2–25 digits whose last digit is a MOD10 (Luhn) or MOD11 check digit (Nets'
    /// rules; MOD11 remainder 10 is written '-'). Anything else, such as an invoice number "2026-0001", is a plain reference.
    /// </summary>
    public static bool IsKid(string? reference)
    {
        if (reference is null || reference.Length is < 2 or > 25 || !reference[..^1].All(char.IsAsciiDigit))
        {
            return false;
        }

        var body = reference[..^1];
        var check = reference[^1];
        return (char.IsAsciiDigit(check) && Mod10(body) == check - '0') || Mod11(body) == check;
    }

    private static int Mod10(string body)
    {
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var d = (body[body.Length - 1 - i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }

        return (10 - (sum % 10)) % 10;
    }

    private static char Mod11(string body)
    {
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            sum += (body[body.Length - 1 - i] - '0') * (2 + (i % 6));
        }

        var check = 11 - (sum % 11);
        return check switch
        {
            11 => '0',
            10 => '-',
            _ => (char)('0' + check),
        };
    }

    private static NumberFormatInfo CreateNorwegian()
    {
        var format = (NumberFormatInfo)CultureInfo.GetCultureInfo("nb-NO").NumberFormat.Clone();
        format.NumberGroupSeparator = " ";
        format.NumberDecimalSeparator = ",";
        format.NegativeSign = "-";
        return NumberFormatInfo.ReadOnly(format);
    }
}
