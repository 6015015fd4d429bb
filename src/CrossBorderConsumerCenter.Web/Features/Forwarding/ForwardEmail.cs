using System.Globalization;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Evidence;
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
public sealed record ForwardFile(Guid EvidenceId, Guid StoredFileId, string FileName, string ContentType, long Length, EvidenceSource Source)
{
    /// <summary>The name the file is attached and listed under: its extension that of its type, nothing that reads otherwise than it looks.</summary>
    public string DeliveryName => EvidenceFiles.TypeOf(ContentType) is { } type ? EvidenceFiles.DeliveryName(FileName, type) : FileName;
}

/// <summary>
/// The forward email, in the agency's language (English for every agency today), made from the template
/// (ForwardEmail_Text) with the facts of the case and what staff wrote on the compose page: the business and the
/// purchase as the agency reads them, the summary of the complaint (and, only when staff tick it, the consumer's own
/// text below it as "Original, in Japanese"), the business's answer, a note; then the consumer's details they chose, the
/// attached files, and how to answer (the link), with the center's signature for partners. The preview and the send
/// compose it the same way, so the preview is the message; only the link's secret part is made when sending.
/// </summary>
public sealed class ForwardEmail(IStringLocalizer<ForwardingText> text, ChoiceLists choices, EmailComposer composer, IOptions<PortalOptions> portal, ReplyAddresses replies)
{
    public const string TemplateName = "PartnerForward";

    public string Subject(Case c, PartnerListing agency, string businessName) =>
        InLanguage.Read(agency.Language, () => EmailComposer.Fill(text["ForwardEmail_Subject"], new Dictionary<string, string>
        {
            ["CaseNumber"] = c.Number,
            ["BusinessName"] = businessName.Trim(),
            ["Country"] = CountryName(c.BusinessCountryCode, agency.Language),
        }));

    /// <summary>
    /// The message: the letter with the facts, the chosen personal details, the attached files, and the answer link (a
    /// placeholder when <paramref name="token"/> is null, for the preview), with the signature for partners.
    /// </summary>
    public ComposedEmail Compose(Case c, PartnerListing agency, ComposeForward.Form form, IReadOnlyList<ForwardFile> files,
        string? token, DateTimeOffset answerDue, DateTimeOffset linkExpiresAt)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(agency);
        ArgumentNullException.ThrowIfNull(form);
        var (body, signature) = InLanguage.Read(agency.Language, () =>
        {
            var parts = new List<string> { Letter(c, agency, form), ConsumerPart(c, form) };
            if (files.Count > 0)
            {
                parts.Add(text[files.Count == 1 ? "ForwardEmail_File" : "ForwardEmail_Files", files.Count] + "\n" + string.Join('\n', files.Select(f => $"- {f.DeliveryName} ({Size(f.Length)})")));
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
            return (string.Join("\n\n", parts), text["ForwardEmail_Signature"].Value);
        });
        return composer.FromText(Subject(c, agency, form.BusinessName ?? ""), body, agency.Language, signature);
    }

    /// <summary>The letter: the agency greeted by its full name, the facts, and what staff wrote in the agency's language.</summary>
    private string Letter(Case c, PartnerListing agency, ComposeForward.Form form)
    {
        string Given(string? value) => string.IsNullOrWhiteSpace(value) ? text["ForwardEmail_NotGiven"] : value.Trim();
        var platform = ComposeForward.Form.AsksPlatformName(c) ? Given(form.PlatformName) : choices.Label(c.PurchasePlatform);
        var contact = EmailComposer.Fill(
            text[ComposeForward.Form.HasBusinessResponse(c) ? "ForwardEmail_BusinessAnswered" : "ForwardEmail_BusinessDidNotAnswer"],
            new Dictionary<string, string>
            {
                ["ContactedOn"] = Date(c.BusinessContactedOn),
                ["ContactMethod"] = choices.Label(c.BusinessContactMethod),
                ["BusinessResponse"] = Given(form.BusinessResponse),
            });
        return EmailComposer.Fill(text["ForwardEmail_Text"], new Dictionary<string, string>
        {
            ["AgencyName"] = Languages.IsJapanese(agency.Language) ? agency.JapaneseName : PartnerNames.InSentence(agency.EnglishName, agency.Code),
            ["Country"] = CountryName(c.BusinessCountryCode, agency.Language),
            ["CaseNumber"] = c.Number,
            ["BusinessName"] = Given(form.BusinessName),
            ["BusinessWebsite"] = Given(form.BusinessWebsite),
            ["BusinessEmail"] = Given(form.BusinessEmail),
            ["BusinessPhone"] = Given(form.BusinessPhone),
            ["PurchaseDate"] = Date(c.PurchaseDate),
            ["PurchaseItem"] = Given(form.Item),
            ["Amount"] = c.PurchaseAmount.ToString("#,0.###", CultureInfo.InvariantCulture),
            ["Currency"] = c.PurchaseCurrencyCode,
            ["OrderNumber"] = Given(form.OrderNumber),
            ["PaymentMethod"] = choices.Label(c.PaymentMethod),
            ["Platform"] = platform,
            ["Category"] = choices.Label(c.Category),
            ["Summary"] = Given(form.Summary),
            ["Original"] = form.IncludeOriginal ? "\n\n" + text["ForwardEmail_Original", c.WhatHappened.Trim()] : "",
            ["BusinessContact"] = contact,
            ["DesiredResolution"] = choices.Label(c.DesiredResolution),
            ["Note"] = string.IsNullOrWhiteSpace(form.Note) ? "" : "\n\n" + text["ForwardEmail_Note", form.Note.Trim()],
        });
    }

    private string ConsumerPart(Case c, ComposeForward.Form form)
    {
        var lines = new List<string>();
        if (form.IncludeName)
        {
            lines.Add(text["ForwardEmail_ConsumerName", form.ConsumerName?.Trim() ?? ""]);
        }

        if (form.IncludeAddress)
        {
            lines.Add(text["ForwardEmail_ConsumerAddress", form.ConsumerAddress?.Trim() ?? "", CountryName(Countries.Japan, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName)]);
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
