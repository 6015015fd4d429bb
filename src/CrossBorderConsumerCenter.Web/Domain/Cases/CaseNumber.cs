using System.Globalization;
using CrossBorderConsumerCenter.Web.Domain.Contact;

namespace CrossBorderConsumerCenter.Web.Domain.Cases;

/// <summary>
/// The number people quote: CCJ-YYYY-NNNNNN, sequential per year of receipt in Japan time (the
/// sequence widens past 999999 rather than wrap).
/// </summary>
public readonly record struct CaseNumber
{
    public const string Prefix = "CCJ";
    public const int MaxLength = 20;

    /// <summary>The most digits a typed sequence may have (leading zeros included): more cannot be a case of ours.</summary>
    private const int MaxSequenceDigits = 9;

    // Japan has kept UTC+9 without daylight saving since 1951, so the year needs no time-zone database.
    private static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    public CaseNumber(int year, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 2000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        Year = year;
        Sequence = sequence;
    }

    public int Year { get; }

    public int Sequence { get; }

    /// <summary>The numbering year of a case received at <paramref name="receivedAt"/>: the year in Japan then.</summary>
    public static int YearOf(DateTimeOffset receivedAt) => receivedAt.ToOffset(JapanOffset).Year;

    public static bool TryParse(string? text, out CaseNumber number)
    {
        number = default;
        var parts = text?.Trim().Split('-');
        if (parts is not [var prefix, var year, var sequence]
            || !string.Equals(prefix, Prefix, StringComparison.OrdinalIgnoreCase)
            || year.Length != 4 || sequence.Length < 6 || !year.All(char.IsAsciiDigit) || !sequence.All(char.IsAsciiDigit)
            || !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || !int.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out var s)
            || y < 2000 || s < 1)
        {
            return false;
        }

        number = new CaseNumber(y, s);
        return true;
    }

    /// <summary>
    /// A case number as a person types or pastes it: the one reading of the staff queue's search and the consumer's
    /// "I lost my link" form. Full-width letters, digits and hyphens are folded (NFKC), every dash look-alike (ー, −, ‐, –,
    /// …) counts as a hyphen, letters may be in any case, and white space and zero-width characters anywhere are ignored
    /// (copied text brings them). The prefix may be left out ("2026-000123"). With the prefix, the sequence's leading zeros
    /// may be left out too ("CCJ-2026-123"): the text can then be nothing but a case number. Without it the sequence needs
    /// its six digits, because "2026-123" may as well be an order number typed into the staff search.
    /// </summary>
    public static bool TryRead(string? typed, out CaseNumber number)
    {
        number = default;
        var text = Compact(TextInput.Narrow(typed));
        var parts = text.Split('-');
        var (year, sequence, minimumDigits) = parts switch
        {
            [var prefix, var y, var s] when string.Equals(prefix, Prefix, StringComparison.OrdinalIgnoreCase) => (y, s, 1),
            [var y, var s] => (y, s, 6),
            _ => ("", "", 0),
        };
        if (year.Length != 4 || sequence.Length < minimumDigits || sequence.Length > MaxSequenceDigits
            || !year.All(char.IsAsciiDigit) || !sequence.All(char.IsAsciiDigit))
        {
            return false;
        }

        var yearValue = int.Parse(year, NumberStyles.None, CultureInfo.InvariantCulture);
        var sequenceValue = int.Parse(sequence, NumberStyles.None, CultureInfo.InvariantCulture);
        if (yearValue < 2000 || sequenceValue < 1)
        {
            return false;
        }

        number = new CaseNumber(yearValue, sequenceValue);
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{Year:D4}-{Sequence:D6}");

    /// <summary>The text without white space and the zero-width characters that copying from a page or an email brings along.</summary>
    private static string Compact(string text) =>
        string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c is not ('\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF')));
}
