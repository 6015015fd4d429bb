using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Cases;

/// <summary>Marker for Resources/Features/Cases/DeclineNoticeText(.en).resx: the email that tells a consumer the center declines their case.</summary>
public sealed class DeclineNoticeText;

/// <summary>
/// The email that tells a consumer the center declines their case, in the consumer's language: why, in words a consumer
/// understands (never only the reason's label), the message staff wrote, and what they can still do
/// (<see cref="ConsumerRemedies"/>: the marketplace's own process, the card issuer, PayPal, 188). A duplicate is not
/// a refusal of help (the other case goes on), so it names that case and suggests nothing else. The one writer of
/// this email: the status emails send it when a case is declined, and the case page previews it before declining.
/// </summary>
public sealed class DeclineNotice(IStringLocalizerFactory localizers)
{
    /// <summary>The email (CaseStatusDeclined_Subject and _Body in DeclineNoticeText); its name is the status email's for a decline.</summary>
    public sealed record Email(IReadOnlyDictionary<string, string> Values) : IEmailTemplate
    {
        public const string TemplateName = "CaseStatusDeclined";

        public string Name => TemplateName;

        public Type ResourceType => typeof(DeclineNoticeText);
    }

    /// <summary>
    /// The email for declining <paramref name="c"/> for <paramref name="reason"/>, with staff's <paramref name="message"/> (none
    /// when blank) and the link to the case this email carries (the preview shows a stand-in: the link is made as it is sent).
    /// </summary>
    public Email For(Case c, DeclineReason reason, string? duplicateOf, string? message, ConsumerContact contact, string trackingUrl)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(contact);
        var text = localizers.Create(typeof(DeclineNoticeText));
        var labels = localizers.Create(typeof(CaseLabels));
        return InLanguage.Read(contact.Language, () =>
        {
            var remedies = reason == DeclineReason.Duplicate
                ? []
                : ConsumerRemedies.For(c.PaymentMethod, c.PurchasePlatform)
                    .Select(remedy => text["Remedy_" + remedy, labels["PurchasePlatform_" + c.PurchasePlatform].Value].Value)
                    .ToList();
            return new Email(new Dictionary<string, string>
            {
                ["Name"] = contact.Name,
                ["CaseNumber"] = c.Number,
                ["Regarding"] = contact.ViaCounselor ? text["Regarding", c.ConsumerName].Value : "",
                ["Explanation"] = text["Explanation_" + reason, duplicateOf ?? ""].Value,
                ["Message"] = string.IsNullOrWhiteSpace(message) ? "" : message.Trim() + "\n\n",
                ["Remedies"] = remedies.Count == 0 ? "" : text["Remedies_Heading"].Value + "\n\n" + string.Join("\n\n", remedies) + "\n\n",
                ["TrackingUrl"] = trackingUrl,
            });
        });
    }
}
