using CrossBorderConsumerCenter.Web.Domain.Cases;

namespace CrossBorderConsumerCenter.Web.Domain.Partners;

/// <summary>
/// What a forward told the agency in the agency's language, as staff wrote it on the compose page and the record of
/// provision keeps it: the business's name, the item or service, the summary of the complaint, the business's answer
/// (when the case has one), the consumer's name in Latin letters (when provided), and whether the consumer's own text
/// (in Japanese) went below the summary. The agency's answer page shows these, never the consumer's Japanese.
/// </summary>
public sealed record ForwardedText(string BusinessName, string Item, string Summary, string? BusinessResponse, string? ConsumerName, bool OriginalIncluded)
{
    public const int MaxBusinessNameLength = ComplaintLimits.BusinessName;
    public const int MaxItemLength = ComplaintLimits.Item;
    public const int MaxSummaryLength = CaseEvent.MaxTextLength;
    public const int MaxBusinessResponseLength = CaseEvent.MaxTextLength;
    public const int MaxConsumerNameLength = ComplaintLimits.Name;
}
