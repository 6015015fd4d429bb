using System.Text.RegularExpressions;

namespace CrossBorderConsumerCenter.Web.Domain.Replies;

/// <summary>What a reply template may leave for the case to fill in.</summary>
public enum ReplyPlaceholder
{
    /// <summary>The case number (CCJ-2026-000123).</summary>
    CaseNumber,

    /// <summary>The consumer's name as they gave it.</summary>
    ConsumerName,

    /// <summary>The business the consumer bought from.</summary>
    Merchant,

    /// <summary>What the consumer bought.</summary>
    Item,

    /// <summary>The partner agency for the business's country, in the consumer's language (or a general phrase when there is none).</summary>
    Partner,

    /// <summary>The date by which the consumer is asked to answer: the end of the consumer's week from today, as a request for information sets it.</summary>
    Deadline,
}

/// <summary>
/// The placeholders of reply templates: a name in braces ({case_number}), lower case with underscores, so that staff
/// read them as words. Text in braces that is not one of them is refused when a template is saved, so a typo
/// ({case_nunber}) never reaches a consumer; a lone brace is ordinary text.
/// </summary>
public static partial class ReplyPlaceholders
{
    public sealed record Definition(ReplyPlaceholder Placeholder, string Name)
    {
        /// <summary>As written in a template: {case_number}.</summary>
        public string Token => "{" + Name + "}";
    }

    public static readonly IReadOnlyList<Definition> All =
    [
        new(ReplyPlaceholder.CaseNumber, "case_number"),
        new(ReplyPlaceholder.ConsumerName, "consumer_name"),
        new(ReplyPlaceholder.Merchant, "merchant"),
        new(ReplyPlaceholder.Item, "item"),
        new(ReplyPlaceholder.Partner, "partner"),
        new(ReplyPlaceholder.Deadline, "deadline"),
    ];

    private static readonly Dictionary<string, ReplyPlaceholder> ByName = All.ToDictionary(d => d.Name, d => d.Placeholder, StringComparer.Ordinal);

    /// <summary>Everything in braces that is not a placeholder, each once, in the order written (as written, braces included).</summary>
    public static IReadOnlyList<string> Unknown(string? text) =>
        string.IsNullOrEmpty(text)
            ? []
            : [.. Braced().Matches(text).Where(m => !ByName.ContainsKey(m.Groups[1].Value)).Select(m => m.Value).Distinct(StringComparer.Ordinal)];

    /// <summary>The text with each placeholder replaced by its value (nothing when there is none); anything else left as written.</summary>
    public static string Fill(string text, IReadOnlyDictionary<ReplyPlaceholder, string> values) =>
        Braced().Replace(text, m => ByName.TryGetValue(m.Groups[1].Value, out var placeholder) ? values.GetValueOrDefault(placeholder, "") : m.Value);

    // Braces around anything but braces and line breaks: a placeholder, or a mistake to name.
    [GeneratedRegex(@"\{([^{}\r\n]*)\}")]
    private static partial Regex Braced();
}
