using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Contact;
using CrossBorderConsumerCenter.Web.Features.Cases;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Tracking;

/// <summary>
/// "I lost my link": the case number and the email address the center writes to for that case. When they match, a
/// new link replaces the old one and goes to that address; the answer is the same whether they match or not, so the
/// page never tells whether a case exists or whose it is. At most one new link per case per
/// <see cref="Handler.MinimumInterval"/> (nobody can flood a consumer's inbox), and the endpoint is rate-limited per
/// client address.
/// </summary>
public static class ResendTrackingLink
{
    public sealed class Form
    {
        public string? CaseNumber { get; set; }
        public string? Email { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<TrackingText> text)
        {
            RuleFor(f => f.CaseNumber).Cascade(CascadeMode.Stop)
                .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => text["Lost_CaseNumber_Required"])
                .Must(v => Domain.Cases.CaseNumber.TryRead(v, out _)).WithMessage(_ => text["Lost_CaseNumber_Invalid"]);
            RuleFor(f => f.Email).Cascade(CascadeMode.Stop)
                .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => text["Lost_Email_Required"])
                .Must(v => EmailAddresses.Normalize(v).Length <= EmailAddresses.MaxLength
                    && EmailAddresses.Check(EmailAddresses.Normalize(v)) != EmailAddressProblem.Malformed)
                .WithMessage(_ => text["Lost_Email_Invalid"]);
        }
    }

    /// <summary>The new link (TrackingLinkResent_Subject/_Body in TrackingText), in the case's language.</summary>
    public sealed record Email(IReadOnlyDictionary<string, string> Values) : IEmailTemplate
    {
        public const string TemplateName = "TrackingLinkResent";

        public string Name => TemplateName;

        public Type ResourceType => typeof(TrackingText);
    }

    public sealed class Handler(AppDbContext db, TrackingLinks links, EmailOutbox outbox, TimeProvider clock, ILogger<Handler> logger)
    {
        /// <summary>A case gets at most one new link in this time, however often it is asked for.</summary>
        public static readonly TimeSpan MinimumInterval = TimeSpan.FromMinutes(10);

        /// <summary>Sends a new link when the number and address match; returns nothing either way.</summary>
        public async Task HandleAsync(Form form, CancellationToken ct)
        {
            var c = Domain.Cases.CaseNumber.TryRead(form.CaseNumber, out var number)
                ? await db.Cases.AsNoTracking().SingleOrDefaultAsync(x => x.Number == number.ToString(), ct)
                : null;
            if (c is null)
            {
                return;
            }

            var email = EmailAddresses.Normalize(form.Email);
            var contact = await CaseRecipients.ForConsumerAsync(db, c, ct);
            var address = contact?.Recipients.To.FirstOrDefault(a => string.Equals(a, email, StringComparison.OrdinalIgnoreCase));
            if (address is null)
            {
                return;
            }

            var now = clock.GetUtcNow();
            var issuedAt = await db.CaseTrackingLinks.Where(l => l.CaseId == c.Id).Select(l => (DateTimeOffset?)l.IssuedAt).SingleOrDefaultAsync(ct);
            if (issuedAt > now - MinimumInterval)
            {
                logger.LogInformation("Case {CaseId}: a new tracking link was asked for again within {Minutes} minutes; none sent", c.Id, MinimumInterval.TotalMinutes);
                return;
            }

            var token = await links.ReplaceAsync(c.Id, ct);
            outbox.Enqueue(
                new Email(new Dictionary<string, string>
                {
                    ["Name"] = contact!.Name,
                    ["CaseNumber"] = c.Number,
                    ["TrackingUrl"] = links.UrlOf(token).ToString(),
                }),
                EmailRecipients.ForAddress(address) with { Answering = contact.Party },
                c.Language,
                c.Id,
                redactAfterSending: [token]);
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Case {CaseId}: tracking link replaced and sent again", c.Id);
        }
    }
}
