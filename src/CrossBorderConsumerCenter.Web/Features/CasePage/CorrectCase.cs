using System.Security.Claims;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Contact;
using CrossBorderConsumerCenter.Web.Domain.Privacy;
using CrossBorderConsumerCenter.Web.Features.Intake;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.CasePage;

/// <summary>
/// Staff correct the merchant's name, website, country, email and phone, and the consumer's name, its reading and how to
/// reach them (a misread fax, a typo, a merchant filed under the wrong country), with the reason. The values are checked
/// by the intake's own rules for those sections. The audit entry keeps every corrected value before and after; the
/// timeline line names the fields (and the countries) and the reason. A new country makes the partner suggestion follow,
/// and a case with the old country's agency comes back to the staff so that it can go to the right one (ADR 0028).
/// </summary>
public static class CorrectCase
{
    public sealed class Form : IVersionedCaseForm
    {
        public uint Version { get; set; }
        public ComplaintForm.ConsumerSection Consumer { get; set; } = new();
        public ComplaintForm.BusinessSection Business { get; set; } = new();
        public string? Reason { get; set; }

        /// <summary>
        /// Who asked, when the person (or someone for them) asked for the correction (APPI art. 34): the correction is then
        /// also recorded as a request about personal data with its answer (ADR 0086). Empty when staff correct on their own.
        /// </summary>
        public string? RequestedBy { get; set; }

        public string? TypedText => Reason;

        /// <summary>The form filled with the case's values (the email typed twice, as the intake asks it).</summary>
        public static Form For(CaseSummary c)
        {
            ArgumentNullException.ThrowIfNull(c);
            return new()
            {
                Version = c.Version,
                Consumer = new()
                {
                    Name = c.ConsumerName,
                    NameKana = c.ConsumerNameKana,
                    Email = c.ConsumerEmail,
                    EmailConfirmation = c.ConsumerEmail,
                    Phone = c.ConsumerPhone,
                    PostalCode = c.ConsumerPostalCode,
                    Prefecture = c.ConsumerPrefectureCode,
                    Address = c.ConsumerAddress,
                },
                Business = new()
                {
                    Name = c.BusinessName,
                    Website = c.BusinessWebsite,
                    Country = c.BusinessCountryCode,
                    Email = c.BusinessEmail,
                    Phone = c.BusinessPhone,
                },
            };
        }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<CasePageText> text, IStringLocalizer<IntakeText> intakeText, IOptions<SmtpOptions> smtp)
        {
            // The intake's rules for these sections; whether the case needs an email address is the case's to say (the handler).
            RuleFor(f => f.Consumer).SetValidator(new ComplaintForm.ConsumerValidator(intakeText, emailRequired: false, smtp.Value.InternationalAddresses, correction: true));
            RuleFor(f => f.Business).SetValidator(new ComplaintForm.BusinessValidator(intakeText));
            RuleFor(f => f.Reason).FreeText(text, "Correct_Reason_Label", required: true);
            RuleFor(f => f.RequestedBy)
                .Must(v => v is null || v.Trim().Length <= PrivacyRequest.MaxRequestedByLength).WithMessage(_ => text["Correct_RequestedBy_TooLong", PrivacyRequest.MaxRequestedByLength])
                .Must(v => !TextInput.HasControlCharacters(v)).WithMessage(_ => text["Correct_RequestedBy_ControlCharacters"]);
        }
    }

    public sealed class Handler(CaseChanges changes, AppDbContext db, AuditTrail audit, IStringLocalizer<CasePageText> text)
    {
        public Task<CaseChanges.Result> HandleAsync(string number, Form form, ClaimsPrincipal user, CancellationToken ct) =>
            changes.RunAsync(number, form.Version, CaseAction.Correct, user, async (c, actor, now) =>
            {
                var consumer = ComplaintForm.ConsumerOf(form.Consumer, c.ConsumerAgeBand);
                if (c.RequiresConsumerEmail && consumer.Email is null)
                {
                    return CaseChanges.Change.Refuse("Consumer.Email", "Correct_EmailRequired");
                }

                var business = ComplaintForm.BusinessOf(form.Business);
                var before = CaseCorrection.Of(c);
                var corrected = new CaseCorrection(consumer.Name, consumer.NameKana, consumer.Email, consumer.Phone, consumer.PostalCode, consumer.PrefectureCode,
                    consumer.Address, business.Name, business.Website, business.CountryCode, business.Email, business.Phone);
                var countryBefore = c.BusinessCountryCode;
                if (c.Correct(corrected, form.Reason!, actor, now) is null)
                {
                    return CaseChanges.Change.Unchanged;
                }

                // The agency of the old country is not the one to answer: its unanswered links end with the correction.
                var closedLinks = 0;
                if (c.BusinessCountryCode != countryBefore)
                {
                    foreach (var link in await db.PartnerLinks.Where(l => l.CaseId == c.Id && l.AnsweredAt == null && l.ExpiresAt > now).ToListAsync(ct))
                    {
                        link.Close(now);
                        closedLinks++;
                    }
                }

                var after = CaseCorrection.Of(c).Values();
                var values = before.Values()
                    .Select((v, i) => (v.Field, Before: v.Value, After: after[i].Value))
                    .Where(v => !string.Equals(v.Before, v.After, StringComparison.Ordinal))
                    .ToDictionary(v => v.Field, v => new { before = v.Before, after = v.After });
                Guid? request = null;
                if (!string.IsNullOrWhiteSpace(form.RequestedBy))
                {
                    // The same correction, answered as the person's request: which fields changed (their values are in the audit entry).
                    var recorded = new PrivacyRequest(PrivacyRequestKind.Correction, c.Id, null, form.RequestedBy.Trim(), form.Reason!.Trim(), now);
                    recorded.Complete(text["Correct_RequestAnswer", string.Join(", ", values.Keys)], actor.UserId, now);
                    db.PrivacyRequests.Add(recorded);
                    audit.Record(AuditAction.PrivacyRequestAnswered, "PrivacyRequest", recorded.Id.ToString(), c.Id,
                        new { kind = recorded.Kind.ToString(), state = recorded.State.ToString() });
                    request = recorded.Id;
                }

                return CaseChanges.Change.Made(new { reason = form.Reason, corrected = values, closedPartnerLinks = closedLinks, request });
            }, ct);
    }
}
