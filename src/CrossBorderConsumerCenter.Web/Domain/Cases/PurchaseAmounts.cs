using System.Collections.Frozen;
using System.Globalization;
using CrossBorderConsumerCenter.Web.Domain.Contact;
using CrossBorderConsumerCenter.Web.Domain.Reference;

namespace CrossBorderConsumerCenter.Web.Domain.Cases;

/// <summary>Why a typed amount cannot be taken as it is.</summary>
public enum AmountProblem
{
    None,
    Missing,
    NotANumber,
    Negative,
    NotPositive,
    TooManyDecimals,
    TooLarge,

    /// <summary>"12.000": twelve, or twelve thousand written the European way? Only a currency with three decimals says which.</summary>
    Ambiguous,

    /// <summary>The text names a currency ("$", "円", "USD") other than the one chosen.</summary>
    OtherCurrency,
}

/// <summary>
/// A typed amount, read: the number (null when it could not be read), the currencies the text itself names (none when it
/// names none), the sign, code or word that named them as typed (for messages), and the currency the amount is in: the
/// one chosen, or else the one currency the text names.
/// </summary>
public sealed record AmountReading(AmountProblem Problem, decimal? Amount, IReadOnlyList<string> NamedCurrencies, string? Marker, string? CurrencyCode);

/// <summary>
/// How an amount paid is read from what a consumer types. People copy it from a receipt, a card statement or a shop's
/// page: "¥12000", "12,000円", "$12.50", "USD 12.50", "€19,99", full-width digits from a Japanese keyboard. So:
/// <list type="bullet">
/// <item>Full-width characters are folded (NFKC) and spaces around are ignored.</item>
/// <item>One currency sign, code or word may come before the number and one after; each names the currencies it may
/// mean ("$" a dollar or a peso, "¥" the yen or the yuan, "円" only the yen, "NT$" only the Taiwan dollar). When they name
/// none that could be the currency chosen, the consumer is asked which is right; when no currency is chosen and they name
/// exactly one, that one is meant.</item>
/// <item>Separators as written in Japan, the Americas and Europe: "1,234.56", "1.234,56", "12 000". A comma or dot
/// followed by one or two digits is the decimal separator; several of one kind, or a comma before three digits, group
/// thousands (Japanese and American usage: "12,000" is twelve thousand). A single dot before exactly three digits
/// ("12.000") is a decimal point only in a currency with three decimals (the Kuwaiti dinar); otherwise it is asked again
/// rather than guessed, as twelve and twelve thousand differ a thousandfold.</item>
/// <item>A minus sign, or ▲ and △ as Japanese accounts write it, is refused with its own message: what was paid is asked,
/// not what was refunded.</item>
/// </list>
/// At most <see cref="ComplaintLimits.AmountDecimals"/> decimals and at most <see cref="ComplaintLimits.MaxAmount"/>.
/// </summary>
public static class PurchaseAmounts
{
    /// <summary>Longer than this is not an amount (and could not be parsed as a decimal anyway).</summary>
    public const int MaxLength = 30;

    /// <summary>ISO 4217's currencies with three decimals (minor units of a thousandth).</summary>
    private static readonly FrozenSet<string> ThreeDecimals = FrozenSet.Create(StringComparer.Ordinal, "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND");

    private static readonly string[] Dollars = Named("Dollar");
    private static readonly string[] DollarsAndPesos = [.. Dollars, .. Named("Peso"), "BRL"];
    private static readonly string[] Pounds = Named("Pound");

    /// <summary>
    /// Signs and words, as matched (folded as the typed text is: "ユーロ" reads "ユ-ロ" once its long-vowel mark is taken
    /// for a dash) and as shown in messages, longest first so that "US$" is not read as "$" after "US".
    /// </summary>
    private static readonly (string Marker, string Match, string[] Currencies)[] Markers =
    [
        .. new (string, string[])[]
        {
            ("US$", ["USD"]), ("NT$", ["TWD"]), ("HK$", ["HKD"]), ("SG$", ["SGD"]), ("S$", ["SGD"]), ("AU$", ["AUD"]), ("A$", ["AUD"]),
            ("CA$", ["CAD"]), ("C$", ["CAD"]), ("NZ$", ["NZD"]), ("MX$", ["MXN"]), ("R$", ["BRL"]), ("$", DollarsAndPesos),
            ("¥", ["JPY", "CNY"]), ("円", ["JPY"]), ("元", ["CNY", "TWD"]), ("ドル", Dollars), ("€", ["EUR"]), ("ユーロ", ["EUR"]),
            ("£", ["GBP", "FKP", "GIP", "SHP"]), ("ポンド", Pounds), ("₩", ["KRW"]), ("ウォン", ["KRW"]), ("฿", ["THB"]), ("バーツ", ["THB"]),
        }.Select(m => (m.Item1, TextInput.Narrow(m.Item1), m.Item2)).OrderByDescending(m => m.Item2.Length),
    ];

    private const string MinusSigns = "-▲△";

    /// <summary>Reads <paramref name="text"/> as an amount in <paramref name="chosenCurrency"/> (the form's currency, or null when none is chosen).</summary>
    public static AmountReading Read(string? text, string? chosenCurrency)
    {
        var chosen = Currencies.Find(chosenCurrency)?.Code;
        var rest = TextInput.Narrow(text);
        if (rest.Length == 0)
        {
            return Refused(AmountProblem.Missing);
        }

        if (rest.Length > MaxLength)
        {
            return Refused(AmountProblem.NotANumber);
        }

        // A minus sign before the currency ("-$12.50") or after it ("¥-12000"), once.
        var negative = TakeSign(ref rest);
        var before = TakeMarker(ref rest, atStart: true);
        negative = negative || TakeSign(ref rest);
        var after = TakeMarker(ref rest, atStart: false);
        string[] named = (before, after) switch
        {
            (null, null) => [],
            ({ } b, null) => b.Currencies,
            (null, { } a) => a.Currencies,
            ({ } b, { } a) => [.. b.Currencies.Intersect(a.Currencies)],
        };
        if (before is not null && after is not null && named.Length == 0)
        {
            return Refused(AmountProblem.NotANumber);
        }

        var marker = before?.Marker ?? after?.Marker;
        var currency = chosen ?? (named.Length == 1 ? named[0] : null);
        var (problem, amount) = ReadNumber(rest, currency);
        if (problem == AmountProblem.None && negative)
        {
            problem = AmountProblem.Negative;
        }
        else if (problem == AmountProblem.None && amount <= 0)
        {
            problem = AmountProblem.NotPositive;
        }
        else if (problem == AmountProblem.None && amount > ComplaintLimits.MaxAmount)
        {
            problem = AmountProblem.TooLarge;
        }
        else if (problem == AmountProblem.None && chosen is not null && named.Length > 0 && !named.Contains(chosen))
        {
            problem = AmountProblem.OtherCurrency;
        }

        return new AmountReading(problem, problem == AmountProblem.None ? amount : null, named, marker, currency);

        AmountReading Refused(AmountProblem why) => new(why, null, [], null, chosen);
    }

    private static bool TakeSign(ref string rest)
    {
        if (rest.Length > 1 && MinusSigns.Contains(rest[0], StringComparison.Ordinal))
        {
            rest = rest[1..].TrimStart();
            return true;
        }

        return false;
    }

    /// <summary>Takes a sign, word or ISO code off the start (or end) of <paramref name="rest"/>, with the spaces next to it.</summary>
    private static (string Marker, string[] Currencies)? TakeMarker(ref string rest, bool atStart)
    {
        foreach (var (marker, match, currencies) in Markers)
        {
            if (atStart ? rest.StartsWith(match, StringComparison.Ordinal) : rest.EndsWith(match, StringComparison.Ordinal))
            {
                rest = (atStart ? rest[match.Length..] : rest[..^match.Length]).Trim();
                return (marker, currencies);
            }
        }

        var code = rest.Length < 3 ? "" : atStart ? rest[..3] : rest[^3..];
        if (code.All(char.IsAsciiLetter) && Currencies.Find(code.ToUpperInvariant()) is { } currency
            && (rest.Length == 3 || !char.IsAsciiLetter(atStart ? rest[3] : rest[^4])))
        {
            rest = (atStart ? rest[3..] : rest[..^3]).Trim();
            return (code, [currency.Code]);
        }

        return null;
    }

    /// <summary>Digits with separators, read as the class comment says; never a sign or a currency.</summary>
    private static (AmountProblem Problem, decimal Amount) ReadNumber(string text, string? currency)
    {
        if (text.Length == 0 || !text.All(c => char.IsAsciiDigit(c) || c is ',' or '.' or ' ')
            || !char.IsAsciiDigit(text[^1]) || !(char.IsAsciiDigit(text[0]) || text[0] == '.'))
        {
            return (AmountProblem.NotANumber, 0);
        }

        // Runs of digits and the one separator between each two of them.
        var runs = new List<string>();
        var separators = new List<char>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                if (i > 0 && !char.IsAsciiDigit(text[i - 1]))
                {
                    return (AmountProblem.NotANumber, 0);
                }

                runs.Add(text[start..i]);
                separators.Add(text[i]);
                start = i + 1;
            }
        }

        runs.Add(text[start..]);
        var decimalAt = DecimalSeparatorIndex(separators, runs, currency);
        if (decimalAt is Ambiguous or Mixed)
        {
            return (decimalAt == Ambiguous ? AmountProblem.Ambiguous : AmountProblem.NotANumber, 0);
        }

        var whole = decimalAt < 0 ? runs : runs[..(decimalAt + 1)];
        var grouping = decimalAt < 0 ? separators : separators[..decimalAt];
        var groupsValid = grouping.Distinct().Count() <= 1
            && (whole.Count == 1 || (whole[0].Length is >= 1 and <= 3 && whole.Skip(1).All(g => g.Length == 3)));
        if (!groupsValid || (decimalAt < 0 && runs[0].Length == 0))
        {
            return (AmountProblem.NotANumber, 0);
        }

        var fraction = decimalAt < 0 ? "" : runs[^1];
        if (fraction.Length > ComplaintLimits.AmountDecimals)
        {
            return (AmountProblem.TooManyDecimals, 0);
        }

        var digits = string.Concat(whole) + (fraction.Length > 0 ? "." + fraction : "");
        return decimal.TryParse(digits.Length > 0 && digits[0] == '.' ? "0" + digits : digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            ? (AmountProblem.None, amount)
            : (AmountProblem.TooLarge, 0);
    }

    private const int NoDecimals = -1;
    private const int Ambiguous = -2;
    private const int Mixed = -3;

    /// <summary>
    /// Which separator (by its index) is the decimal one: <see cref="NoDecimals"/>, <see cref="Ambiguous"/> when the text does
    /// not say, <see cref="Mixed"/> when commas and dots are mixed in a way no one writes.
    /// </summary>
    private static int DecimalSeparatorIndex(List<char> separators, List<string> runs, string? currency)
    {
        if (separators.Count == 0)
        {
            return NoDecimals;
        }

        var last = separators.Count - 1;
        var kind = separators[last];
        var digitsAfter = runs[^1].Length;
        if (kind == ' ')
        {
            return NoDecimals;
        }

        var other = kind == ',' ? '.' : ',';
        if (separators.Contains(other))
        {
            // "1,234.56" or "1.234,56": the last one is the decimal separator, and appears once.
            return separators.Count(s => s == kind) == 1 ? last : Mixed;
        }

        if (separators.Count(s => s == kind) > 1)
        {
            return NoDecimals;
        }

        if (digitsAfter != 3)
        {
            // "12,5", "129.99", "1.2345": decimals (too many of them is its own message).
            return last;
        }

        // One separator before exactly three digits: a comma groups thousands ("12,000"); so does a dot after spaces that
        // already group them ("12 345.678" keeps the dot as decimal). A lone dot: decimals only in a three-decimal currency.
        if (kind == ',')
        {
            return NoDecimals;
        }

        return separators.Contains(' ') || (currency is not null && ThreeDecimals.Contains(currency)) ? last : Ambiguous;
    }

    private static string[] Named(string word) =>
        [.. Currencies.All.Where(c => c.EnglishName.Contains(word, StringComparison.Ordinal)).Select(c => c.Code)];
}
