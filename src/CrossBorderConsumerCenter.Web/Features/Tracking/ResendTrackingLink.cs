using System.Security.Cryptography;
using System.Text;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Contact;
using CrossBorderConsumerCenter.Web.Features.Cases;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Tracking;

/// <summary>
/// "I lost my link": the case number and the email address the center writes to for that case. When they match, a new
/// link goes to that address, and the earlier links stop working only once it is used (whoever asked may not be the
/// consumer, who must not be cut off); the answer is the same whether they match or not, so
/// the page never tells whether a case exists or whose it is. The same number and address asked again within
/// <see cref="Handler.MinimumInterval"/> are held back, and the page says so; it says the same whether or not they
/// matched, because what is held back is the pair asked, not a case (nobody can flood a consumer's inbox, and nothing is
/// learnt from it). The endpoint is also rate-limited per client address.
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

    /// <summary>What the page says, the same for a match and a non-match.</summary>
    /// <param name="HeldBackUntil">Null: the request was taken (a link went out if it matched). Otherwise the same number and
    /// address were asked for within the interval, nothing was done, and they can be asked again from then.</param>
    public sealed record Answer(DateTimeOffset? HeldBackUntil);

    /// <summary>The new link (TrackingLinkResent_Subject/_Body in TrackingText), in the case's language.</summary>
    public sealed record Email(IReadOnlyDictionary<string, string> Values) : IEmailTemplate
    {
        public const string TemplateName = "TrackingLinkResent";

        public string Name => TemplateName;

        public Type ResourceType => typeof(TrackingText);
    }

    public sealed class Handler(AppDbContext db, TrackingLinks links, EmailOutbox outbox, TimeProvider clock, ILogger<Handler> logger)
    {
        /// <summary>The same case number and address get at most one answer in this time, however often they are asked.</summary>
        public static readonly TimeSpan MinimumInterval = TimeSpan.FromMinutes(10);

        /// <summary>Sends a new link when the number and address match and were not asked for just before; the answer never says which.</summary>
        public async Task<Answer> HandleAsync(Form form, CancellationToken ct)
        {
            if (!Domain.Cases.CaseNumber.TryRead(form.CaseNumber, out var number))
            {
                throw new ArgumentException("The form was not validated.", nameof(form));
            }

            var email = EmailAddresses.Normalize(form.Email);
            var now = clock.GetUtcNow();
            if (await AskedBeforeAsync(RequestKey(number, email), now, ct) is { } askedAt)
            {
                return new Answer(askedAt + MinimumInterval);
            }

            var c = await db.Cases.AsNoTracking().SingleOrDefaultAsync(x => x.Number == number.ToString(), ct);
            var contact = c is null ? null : await CaseRecipients.ForConsumerAsync(db, c, ct);
            var address = contact?.Recipients.To.FirstOrDefault(a => string.Equals(a, email, StringComparison.OrdinalIgnoreCase));
            if (address is null)
            {
                return new Answer(null);
            }

            var token = links.IssueReplacement(c!.Id);
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
            logger.LogInformation("Case {CaseId}: a new tracking link sent; the earlier ones stop when it is used", c.Id);
            return new Answer(null);
        }

        /// <summary>What identifies a request: the case number as read and the address as compared (lower case), hashed.</summary>
        public static string RequestKey(Domain.Cases.CaseNumber number, string normalizedEmail) =>
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(number + "\n" + normalizedEmail.ToLowerInvariant())));

        /// <summary>
        /// Records the request now, unless the same one was made within the interval: then returns when that was and records
        /// nothing (so asking again and again does not push the time on). One statement, so two requests at once count once.
        /// </summary>
        private async Task<DateTimeOffset?> AskedBeforeAsync(string key, DateTimeOffset now, CancellationToken ct)
        {
            // PostgreSQL takes a timestamptz parameter in UTC only.
            now = now.ToUniversalTime();
            var since = now - MinimumInterval;
            await db.TrackingLinkRequests.Where(r => r.AskedAt <= since).ExecuteDeleteAsync(ct);
            var taken = await db.Database.SqlQuery<DateTimeOffset>($"""
                INSERT INTO tracking_link_requests (key_hash, asked_at) VALUES ({key}, {now})
                ON CONFLICT (key_hash) DO UPDATE SET asked_at = excluded.asked_at WHERE tracking_link_requests.asked_at <= {since}
                RETURNING asked_at AS "Value"
                """).ToListAsync(ct);
            if (taken.Count > 0)
            {
                return null;
            }

            logger.LogInformation("A new tracking link was asked for again within {Minutes} minutes; nothing done", MinimumInterval.TotalMinutes);
            return await db.TrackingLinkRequests.Where(r => r.KeyHash == key).Select(r => (DateTimeOffset?)r.AskedAt).SingleOrDefaultAsync(ct) ?? now;
        }
    }
}
