using System.Globalization;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Partners;
using CrossBorderConsumerCenter.Web.Domain.Reference;
using CrossBorderConsumerCenter.Web.Features.Cases;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using CrossBorderConsumerCenter.Web.Features.Forms;

namespace CrossBorderConsumerCenter.Web.Features.Forwarding;

/// <summary>An evidence file of the case that a forward may attach.</summary>
public sealed record ForwardFile(Guid EvidenceId, Guid StoredFileId, string FileName, string ContentType, long Length, EvidenceSource Source);

/// <summary>
/// The forward email, in the agency's language (English for every agency today): the text staff start from (the
/// facts of the case, from the ForwardEmail_Text template) and the message as sent: their text, then the consumer's
/// details they chose, the list of attached files, and how to answer (the link). The preview and the send compose it
/// the same way, so the preview is the message; only the link's secret part is made when sending.
/// </summary>
public sealed class ForwardEmail(IStringLocalizer<ForwardingText> text, ChoiceLists choices, EmailComposer composer, IOptions<PortalOptions> portal, ReplyAddresses replies)
{
    public const string TemplateName = "PartnerForward";

    public string Subject(Case c, PartnerListing agency) =>
        InLanguage.Read(agency.Language, () => EmailComposer.Fill(text["ForwardEmail_Subject"], new Dictionary<string, string>
        {
            ["CaseNumber"] = c.Number,
            ["BusinessName"] = c.BusinessName,
            ["Country"] = CountryName(c.BusinessCountryCode, agency.Language),
        }));

    /// <summary>The text staff start from: the facts of the case, no personal details of the consumer.</summary>
    public string DefaultText(Case c, PartnerListing agency) =>
        InLanguage.Read(agency.Language, () =>
        {
            string Given(string? value) => string.IsNullOrWhiteSpace(value) ? text["ForwardEmail_NotGiven"] : value;
            var platform = c.PurchasePlatform is PurchasePlatform.Other && !string.IsNullOrWhiteSpace(c.PurchasePlatformName)
                ? c.PurchasePlatformName
                : choices.Label(c.PurchasePlatform);
            return EmailComposer.Fill(text["ForwardEmail_Text"], new Dictionary<string, string>
            {
                ["AgencyName"] = agency.NameIn(agency.Language),
                ["Country"] = CountryName(c.BusinessCountryCode, agency.Language),
                ["CaseNumber"] = c.Number,
                ["BusinessName"] = c.BusinessName,
                ["BusinessWebsite"] = Given(c.BusinessWebsite),
                ["BusinessEmail"] = Given(c.BusinessEmail),
                ["BusinessPhone"] = Given(c.BusinessPhone),
                ["PurchaseDate"] = Date(c.PurchaseDate),
                ["PurchaseItem"] = c.PurchaseItem,
                ["Amount"] = c.PurchaseAmount.ToString("#,0.###", CultureInfo.InvariantCulture),
                ["Currency"] = c.PurchaseCurrencyCode,
                ["OrderNumber"] = Given(c.PurchaseOrderNumber),
                ["PaymentMethod"] = choices.Label(c.PaymentMethod),
                ["Platform"] = platform,
                ["Category"] = choices.Label(c.Category),
                ["WhatHappened"] = c.WhatHappened,
                ["ContactedOn"] = Date(c.BusinessContactedOn),
                ["ContactMethod"] = choices.Label(c.BusinessContactMethod),
                ["BusinessResponse"] = c.BusinessResponse,
                ["DesiredResolution"] = choices.Label(c.DesiredResolution),
            });
        });

    /// <summary>
    /// The message: staff's text, the chosen personal details, the attached files, and the answer link (a placeholder
    /// when <paramref name="token"/> is null, for the preview), with the common signature.
    /// </summary>
    public ComposedEmail Compose(Case c, PartnerListing agency, string staffText, IReadOnlyCollection<ProvidedItem> chosen, IReadOnlyList<ForwardFile> files,
        string? token, DateTimeOffset answerDue, DateTimeOffset linkExpiresAt)
    {
        var body = InLanguage.Read(agency.Language, () =>
        {
            var parts = new List<string> { staffText.Trim(), ConsumerPart(c, chosen) };
            if (files.Count > 0)
            {
                parts.Add(text["ForwardEmail_Files"] + "\n" + string.Join('\n', files.Select(f => $"- {f.FileName} ({Size(f.Length)})")));
            }

            var link = token is null ? text["ForwardEmail_LinkPlaceholder"].Value : new Uri(portal.Value.BaseUri, "partner/" + token).ToString();
            // A reply reaches the case only when replies are read; otherwise the answer page is the one way.
            parts.Add(EmailComposer.Fill(text[replies.TextKey("ForwardEmail_Answer")], new Dictionary<string, string>
            {
                ["Link"] = link,
                ["AnswerDue"] = Date(answerDue),
                ["LinkExpires"] = Date(linkExpiresAt),
                ["CaseNumber"] = c.Number,
            }));
            return string.Join("\n\n", parts);
        });
        return composer.FromText(Subject(c, agency), body, agency.Language);
    }

    private string ConsumerPart(Case c, IReadOnlyCollection<ProvidedItem> chosen)
    {
        var lines = new List<string>();
        if (chosen.Contains(ProvidedItem.Name))
        {
            lines.Add(text["ForwardEmail_ConsumerName", string.IsNullOrWhiteSpace(c.ConsumerNameKana) ? c.ConsumerName : $"{c.ConsumerName} ({c.ConsumerNameKana})"]);
        }

        if (chosen.Contains(ProvidedItem.Address))
        {
            var prefecture = Prefectures.Find(c.ConsumerPrefectureCode)?.NameIn(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) ?? c.ConsumerPrefectureCode;
            lines.Add(text["ForwardEmail_ConsumerAddress", $"{c.ConsumerPostalCode} {prefecture} {c.ConsumerAddress}", CountryName(Countries.Japan, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName)]);
        }

        return lines.Count == 0
            ? text["ForwardEmail_ConsumerWithheld", c.Number]
            : text["ForwardEmail_Consumer"] + "\n" + string.Join('\n', lines);
    }

    private static string CountryName(string code, string language) => Countries.Find(code)?.NameIn(language) ?? code;

    /// <summary>ISO dates (2026-12-07): unambiguous to every reader; the texts say they are Japan time.</summary>
    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Date(DateTimeOffset at) => Date(DateOnly.FromDateTime(at.ToOffset(CaseClocks.JapanOffset).DateTime));

    private static string Size(long bytes) => bytes < 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, bytes / 1024)} KB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MB");
}
