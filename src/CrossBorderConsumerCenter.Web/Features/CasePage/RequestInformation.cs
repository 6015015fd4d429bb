using System.Globalization;
using System.Security.Claims;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.Cases;
using CrossBorderConsumerCenter.Web.Features.Tracking;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.CasePage;

/// <summary>
/// Staff ask the consumer for more: the question goes by email through the outbox, in the consumer's language,
/// with the case number in the subject and a reply-by date; the case waits for the consumer (a week). The consumer
/// answers on their tracking page, or by replying when the portal reads replies (Reply-To names the case and them,
/// <see cref="ReplyAddresses"/>). For a resident without email
/// the question goes to the counselor who filed the case (<see cref="CaseRecipients"/>).
/// </summary>
public static class RequestInformation
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
        public Validator(IStringLocalizer<CasePageText> text) => RuleFor(f => f.Message).FreeText(text, "RequestInformation_Message_Label", required: true);
    }

    /// <summary>
    /// The email (InformationRequest_Subject and _Body_RepliesRead or _Body_RepliesNotRead in CasePageText), in the
    /// consumer's language: it offers answering by reply only when replies are read.
    /// </summary>
    public sealed record Email(IReadOnlyDictionary<string, string> Values, bool RepliesAreRead) : IEmailTemplate
    {
        public const string TemplateName = "InformationRequest";

        public string Name => TemplateName;

        public string BodyKey => ReplyAddresses.TextKey(TemplateName + "_Body", RepliesAreRead);

        public Type ResourceType => typeof(CasePageText);
    }

    public sealed class Handler(CaseChanges changes, EmailOutbox outbox, AppDbContext db, TrackingLinks links, ReplyAddresses replies)
    {
        public Task<CaseChanges.Result> HandleAsync(string number, Form form, ClaimsPrincipal user, CancellationToken ct) =>
            changes.RunAsync(number, form.Version, CaseAction.RequestInformation, user, async (c, actor, now) =>
            {
                c.RequestInformation(form.Message!, actor, now);

                // To the consumer; for a resident without email, to the counselor who filed the case.
                var contact = await CaseRecipients.ForConsumerAsync(db, c, ct);
                if (contact is null)
                {
                    return CaseChanges.Change.Refuse(nameof(Form.Message), "RequestInformation_NoRecipient");
                }

                var token = links.Issue(c.Id);
                var email = outbox.Enqueue(
                    new Email(new Dictionary<string, string>
                    {
                        ["Name"] = contact.Name,
                        ["CaseNumber"] = c.Number,
                        ["Message"] = form.Message!,
                        ["ReplyBy"] = ReplyBy(c.DueAt!.Value, c.Language),
                        ["TrackingUrl"] = links.UrlOf(token).ToString(),
                    }, replies.RepliesAreRead),
                    contact.Recipients,
                    contact.Language,
                    c.Id,
                    redactAfterSending: [token]);
                return CaseChanges.Change.Made(new { emailId = email.Id });
            }, ct);

        /// <summary>The reply-by day in Japan, as the consumer's language writes a date (2026年11月28日, Saturday, November 28, 2026).</summary>
        public static string ReplyBy(DateTimeOffset due, string language) =>
            TimeZoneInfo.ConvertTime(due, LocalizationRegistration.JapanTime).ToString("D", CultureInfo.GetCultureInfo(language));
    }
}
