using System.Globalization;

namespace CrossBorderConsumerCenter.Web.Domain.Cases;

/// <summary>
/// The number people quote: CCJ-YYYY-NNNNNN, sequential per year of receipt in Japan time (the
/// sequence widens past 999999 rather than wrap).
/// </summary>
public readonly record struct CaseNumber
{
    public const string Prefix = "CCJ";
    public const int MaxLength = 20;

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

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{Year:D4}-{Sequence:D6}");
}
