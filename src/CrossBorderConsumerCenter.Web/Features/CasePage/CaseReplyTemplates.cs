using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Reference;
using CrossBorderConsumerCenter.Web.Domain.Replies;
using CrossBorderConsumerCenter.Web.Features.Cases;
using CrossBorderConsumerCenter.Web.Features.ReplyTemplates;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.CasePage;

/// <summary>What the reply-template picker of an action writes: the action, its address segment, the chosen template, the field it fills.</summary>
public sealed record ReplyTemplatePicker(CasePageModel Page, CaseAction Action, string Segment, Guid? Selected, string TargetField);

/// <summary>
/// Reply templates on the case page: a template's text in the case's language with the case's values in its placeholders,
/// for staff to edit before sending.
/// </summary>
public static class CaseReplyTemplates
{
    /// <summary>ViewData key: the name of the template just put into the form of the posted action.</summary>
    public const string FilledKey = "ReplyTemplateFilled";

    /// <summary>The template's text in the consumer's language, its placeholders filled from the case.</summary>
    public static string Fill(ReplyTemplateChoice template, CasePageModel page, IStringLocalizer<ReplyTemplatesText> text)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(page);
        return ReplyPlaceholders.Fill(template.TextIn(page.Case.Language), Values(page, text));
    }

    /// <summary>
    /// The case's values: the partner agency for the business's country in the consumer's language (a general phrase
    /// when there is none), and the date a request for information sent now would ask the consumer to answer by.
    /// </summary>
    public static IReadOnlyDictionary<ReplyPlaceholder, string> Values(CasePageModel page, IStringLocalizer<ReplyTemplatesText> text)
    {
        ArgumentNullException.ThrowIfNull(page);
        var c = page.Case;
        var partner = page.Forwarding.Agency is { } agency
            ? Languages.IsJapanese(c.Language) ? agency.JapaneseName : agency.EnglishName
            : InLanguage.Read(c.Language, () => text["Partner_General"].Value);
        return new Dictionary<ReplyPlaceholder, string>
        {
            [ReplyPlaceholder.CaseNumber] = c.Number,
            [ReplyPlaceholder.ConsumerName] = c.ConsumerName,
            [ReplyPlaceholder.Merchant] = c.BusinessName,
            [ReplyPlaceholder.Item] = c.PurchaseItem,
            [ReplyPlaceholder.Partner] = partner,
            [ReplyPlaceholder.Deadline] = RequestInformation.Handler.ReplyBy(CaseClocks.ConsumerReplyDue(page.Now), c.Language),
        };
    }
}
