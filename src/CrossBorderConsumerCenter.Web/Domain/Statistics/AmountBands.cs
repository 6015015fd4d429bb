namespace CrossBorderConsumerCenter.Web.Domain.Statistics;

/// <summary>The amount paid, as a band in yen: what statistics and the de-identified export show instead of the amount.</summary>
public enum AmountBand
{
    Under5000,
    From5000To9999,
    From10000To29999,
    From30000To49999,
    From50000To99999,
    From100000To299999,
    From300000,

    /// <summary>Paid in a currency without a reference rate: no band can be told.</summary>
    Unknown,
}

/// <summary>
/// Which band an amount falls in. Amounts are kept in the currency the consumer paid in; for the band they are turned into
/// yen at a fixed reference rate per currency (rounded rates of the currencies consumers pay most in). A band is wide, so a
/// rate that drifts by some percent moves few cases; a fixed rate keeps a case's band the same every time it is counted.
/// A currency without a rate gives <see cref="AmountBand.Unknown"/>.
/// </summary>
public static class AmountBands
{
    /// <summary>Yen per unit of each currency, for banding only.</summary>
    public static readonly IReadOnlyDictionary<string, decimal> YenPerUnit = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        ["JPY"] = 1m,
        ["USD"] = 150m,
        ["EUR"] = 160m,
        ["GBP"] = 190m,
        ["CAD"] = 110m,
        ["AUD"] = 100m,
        ["CNY"] = 21m,
        ["HKD"] = 19m,
        ["TWD"] = 4.7m,
        ["KRW"] = 0.11m,
        ["SGD"] = 110m,
        ["CHF"] = 170m,
        ["THB"] = 4.2m,
    };

    /// <summary>The lower bound in yen of each band but <see cref="AmountBand.Unknown"/>, in order.</summary>
    private static readonly (decimal Floor, AmountBand Band)[] Floors =
    [
        (300_000m, AmountBand.From300000),
        (100_000m, AmountBand.From100000To299999),
        (50_000m, AmountBand.From50000To99999),
        (30_000m, AmountBand.From30000To49999),
        (10_000m, AmountBand.From10000To29999),
        (5_000m, AmountBand.From5000To9999),
    ];

    public static AmountBand Of(decimal amount, string currencyCode)
    {
        if (!YenPerUnit.TryGetValue(currencyCode.Trim().ToUpperInvariant(), out var rate))
        {
            return AmountBand.Unknown;
        }

        var yen = amount * rate;
        foreach (var (floor, band) in Floors)
        {
            if (yen >= floor)
            {
                return band;
            }
        }

        return AmountBand.Under5000;
    }
}
