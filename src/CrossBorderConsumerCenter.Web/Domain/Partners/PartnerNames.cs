namespace CrossBorderConsumerCenter.Web.Domain.Partners;

/// <summary>How an agency's name from the registry reads in an English letter.</summary>
public static class PartnerNames
{
    /// <summary>
    /// The full English name as it reads inside a sentence: without the code the registry adds in parentheses, and with
    /// the definite article an organisation's name takes there, in lower case ("Dear colleagues at the Council of Better
    /// Business Bureaus,", "… at the Consumers Association of Singapore,"). A name that would be left empty is kept as it is.
    /// </summary>
    public static string InSentence(string englishName, string code)
    {
        ArgumentNullException.ThrowIfNull(englishName);
        var name = englishName.Trim();
        var suffix = $"({code})";
        if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^suffix.Length].TrimEnd();
        }

        if (name.StartsWith("The ", StringComparison.OrdinalIgnoreCase))
        {
            name = name[4..].TrimStart();
        }

        return name.Length == 0 || name.Equals("the", StringComparison.OrdinalIgnoreCase) ? englishName.Trim() : "the " + name;
    }
}
