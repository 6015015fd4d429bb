using System.Security.Claims;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.Cases;
using CrossBorderConsumerCenter.Web.Features.Forwarding;
using CrossBorderConsumerCenter.Web.Features.Partners;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.CasePage;

/// <summary>
/// Staff tell the consumer something in their own words (typically what the merchant did, after the partner agency's
/// answer): the message goes by email through the outbox in the consumer's language, and on the timeline. The case
/// keeps its status; staff then close it with an outcome.
/// </summary>
public static class NotifyConsumer
{
    public sealed class Form : IVersionedCaseForm
    {
        public uint Version { get; set; }
        public string? Message { get; set; }

        public string? TypedText => Message;
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<CasePageText> text) => RuleFor(f => f.Message).FreeText(text, "NotifyConsumer_Message_Label", required: true);
    }

    /// <summary>The email (ConsumerNotice_Subject/_Body in CasePageText), in the consumer's language.</summary>
    public sealed record Email(IReadOnlyDictionary<string, string> Values) : IEmailTemplate
    {
        public const string TemplateName = "ConsumerNotice";

        public string Name => TemplateName;

        public Type ResourceType => typeof(CasePageText);
    }

    /// <summary>
    /// The message staff start from, in the consumer's language: what the agency reported the merchant did (its latest
    /// answer), for staff to complete. Empty when no agency has answered.
    /// </summary>
    public static string Prefill(IStringLocalizer<CasePageText> text, IStringLocalizer<PartnersText> partners, string language, CaseForwarding forwarding)
    {
        if (forwarding.LatestAnswer is not { Outcome: { } outcome } answer)
        {
            return "";
        }

        return InLanguage.Read(language, () =>
        {
            var agency = forwarding.Agency?.Code == answer.AgencyCode ? forwarding.Agency.NameIn(language) : answer.AgencyName;
            return text["NotifyConsumer_Prefill", agency, partners["PartnerOutcome_" + outcome]].Value;
        });
    }

    public sealed class Handler(CaseChanges changes, EmailOutbox outbox)
    {
        public Task<CaseChanges.Result> HandleAsync(string number, Form form, ClaimsPrincipal user, CancellationToken ct) =>
            changes.RunAsync(number, form.Version, CaseAction.NotifyConsumer, user, (c, actor, now) =>
            {
                c.NotifyConsumer(form.Message!, actor, now);
                var (recipients, language) = CaseRecipients.Consumer(c);
                var email = outbox.Enqueue(
                    new Email(new Dictionary<string, string> { ["Name"] = c.ConsumerName, ["CaseNumber"] = c.Number, ["Message"] = form.Message! }),
                    recipients,
                    language,
                    c.Id);
                return Task.FromResult(CaseChanges.Change.Made(new { emailId = email.Id }));
            }, ct);
    }
}
