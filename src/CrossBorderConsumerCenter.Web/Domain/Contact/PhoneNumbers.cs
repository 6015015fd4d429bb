namespace CrossBorderConsumerCenter.Web.Domain.Contact;

/// <summary>
/// A loose phone number check: digits with '+', '-', spaces and parentheses, '+' only in front, and a
/// plausible number of digits. The center calls the consumer back (a fax consultation is answered by phone), so a typo matters more
/// than the exact national format.
/// </summary>
public static class PhoneNumbers
{
    public const int MaxLength = 30;

    /// <summary>A Japanese number has 10 (landline) or 11 (mobile) digits; E.164 allows 15 with the country code.</summary>
    public const int ConsumerMinDigits = 10;
    public const int ConsumerMaxDigits = 15;

    /// <summary>Businesses abroad: some countries have short national numbers (Singapore: 8 digits).</summary>
    public const int BusinessMinDigits = 6;
    public const int BusinessMaxDigits = 15;

    public static string Normalize(string? input) => TextInput.Narrow(input);

    public static bool IsPlausible(string normalized, int minDigits, int maxDigits)
    {
        if (normalized.Length is 0 or > MaxLength)
        {
            return false;
        }

        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            var allowed = char.IsAsciiDigit(c) || c is '-' or ' ' or '(' or ')' || (c == '+' && i == 0);
            if (!allowed)
            {
                return false;
            }
        }

        var digits = normalized.Count(char.IsAsciiDigit);
        return digits >= minDigits && digits <= maxDigits;
    }
}

/// <summary>Japanese postal codes: seven digits, written 123-4567.</summary>
public static class PostalCodes
{
    /// <summary>The code as 123-4567, or null when the input is not seven digits (with or without the hyphen).</summary>
    public static string? Normalize(string? input)
    {
        var value = TextInput.Narrow(input);
        var digits = value.Replace("-", "", StringComparison.Ordinal);
        var shapeOk = value.Length == 7 || (value.Length == 8 && value[3] == '-');
        return shapeOk && digits.Length == 7 && digits.All(char.IsAsciiDigit) ? $"{digits[..3]}-{digits[3..]}" : null;
    }
}
