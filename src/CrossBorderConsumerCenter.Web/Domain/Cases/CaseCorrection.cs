namespace CrossBorderConsumerCenter.Web.Domain.Cases;

/// <summary>
/// The details of a case that staff may correct (a misread fax, a typo, a merchant filed under the wrong country): the
/// merchant's name, website, country, email and phone, and the consumer's name, its reading and how to reach them. The
/// complaint itself (what happened, the purchase) stays as the consumer told it.
/// </summary>
public sealed record CaseCorrection(
    string ConsumerName,
    string? ConsumerNameKana,
    string? ConsumerEmail,
    string ConsumerPhone,
    string ConsumerPostalCode,
    string ConsumerPrefectureCode,
    string ConsumerAddress,
    string BusinessName,
    string? BusinessWebsite,
    string BusinessCountryCode,
    string? BusinessEmail,
    string? BusinessPhone)
{
    /// <summary>The case's values now.</summary>
    public static CaseCorrection Of(Case c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.ConsumerName, c.ConsumerNameKana, c.ConsumerEmail, c.ConsumerPhone, c.ConsumerPostalCode, c.ConsumerPrefectureCode, c.ConsumerAddress,
            c.BusinessName, c.BusinessWebsite, c.BusinessCountryCode, c.BusinessEmail, c.BusinessPhone);
    }

    /// <summary>Each field by its name (the names the timeline line and the audit entry use), in the order of the form.</summary>
    public IReadOnlyList<(string Field, string? Value)> Values() =>
    [
        (nameof(BusinessCountryCode), BusinessCountryCode),
        (nameof(BusinessName), BusinessName),
        (nameof(BusinessWebsite), BusinessWebsite),
        (nameof(BusinessEmail), BusinessEmail),
        (nameof(BusinessPhone), BusinessPhone),
        (nameof(ConsumerName), ConsumerName),
        (nameof(ConsumerNameKana), ConsumerNameKana),
        (nameof(ConsumerEmail), ConsumerEmail),
        (nameof(ConsumerPhone), ConsumerPhone),
        (nameof(ConsumerPostalCode), ConsumerPostalCode),
        (nameof(ConsumerPrefectureCode), ConsumerPrefectureCode),
        (nameof(ConsumerAddress), ConsumerAddress),
    ];

    /// <summary>The fields whose value differs in <paramref name="other"/>, in the order of the form.</summary>
    public IReadOnlyList<string> ChangedIn(CaseCorrection other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var theirs = other.Values();
        return [.. Values().Where((v, i) => !string.Equals(v.Value, theirs[i].Value, StringComparison.Ordinal)).Select(v => v.Field)];
    }
}
