using System.Security.Claims;
using CrossBorderConsumerCenter.Web.Data;
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

        /// <summary>The reply template chosen to start the message from ("use the template"); not used when the action is done.</summary>
        public Guid? TemplateId { get; set; }

        public string? TypedText => Message;
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<CasePageText> text) => RuleFor(f => f.Message).FreeText(text, "NotifyConsumer_Message_Label", required: true);
    }

    /// <summary>
    /// The email (ConsumerNotice_Subject and _Body_RepliesRead or _Body_RepliesNotRead in CasePageText), in the consumer's
    /// language: it invites questions by reply only when replies are read.
    /// </summary>
    public sealed record Email(IReadOnlyDictionary<string, string> Values, bool RepliesAreRead) : IEmailTemplate
    {
        public const string TemplateName = "ConsumerNotice";

        public string Name => TemplateName;

        public string BodyKey => ReplyAddresses.TextKey(TemplateName + "_Body", RepliesAreRead);

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

    public sealed class Handler(CaseChanges changes, EmailOutbox outbox, AppDbContext db, ReplyAddresses replies)
    {
        public Task<CaseChanges.Result> HandleAsync(string number, Form form, ClaimsPrincipal user, CancellationToken ct) =>
            changes.RunAsync(number, form.Version, CaseAction.NotifyConsumer, user, async (c, actor, now) =>
            {
                c.NotifyConsumer(form.Message!, actor, now);

                // To the consumer; for a resident without email, to the counselor who filed the case.
                if (await CaseRecipients.ForConsumerAsync(db, c, ct) is not { } contact)
                {
                    return CaseChanges.Change.Refuse(nameof(Form.Message), "NotifyConsumer_NoRecipient");
                }

                var email = outbox.Enqueue(
                    new Email(new Dictionary<string, string> { ["Name"] = contact.Name, ["CaseNumber"] = c.Number, ["Message"] = form.Message! }, replies.RepliesAreRead),
                    contact.Recipients,
                    contact.Language,
                    c.Id);
                return CaseChanges.Change.Made(new { emailId = email.Id });
            }, ct);
    }
}
