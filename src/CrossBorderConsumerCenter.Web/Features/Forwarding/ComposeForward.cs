using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Contact;
using CrossBorderConsumerCenter.Web.Domain.Reference;
using CrossBorderConsumerCenter.Web.Domain.Mail;
using CrossBorderConsumerCenter.Web.Domain.Partners;
using CrossBorderConsumerCenter.Web.Features.Partners;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.Forwarding;

/// <summary>
/// "Forward to partner": the compose page, pre-filled from the English template with the facts of the case; staff
/// edit the text, choose the consumer's details (only with consent) and the evidence files, and see a preview of
/// exactly what will be sent before sending (<see cref="SendForward"/>). Everything the page shows is checked again
/// when sending.
/// </summary>
public static class ComposeForward
{
    /// <summary>The longest text staff may write.</summary>
    public const int MaxTextLength = CaseEvent.MaxTextLength;

    public sealed class Form
    {
        /// <summary>The case's version the page was composed from: a change meanwhile asks staff to look again.</summary>
        public uint Version { get; set; }

        /// <summary>The agency the page was composed for (its code).</summary>
        public string? Agency { get; set; }

        /// <summary>The complaint in the agency's language, written by staff from the consumer's words.</summary>
        public string? Summary { get; set; }

        /// <summary>The item or service, the business and the purchase's details, as the agency will read them.</summary>
        public string? Item { get; set; }
        public string? BusinessName { get; set; }
        public string? BusinessWebsite { get; set; }
        public string? BusinessEmail { get; set; }
        public string? BusinessPhone { get; set; }
        public string? OrderNumber { get; set; }

        /// <summary>The marketplace or shop it was bought through, when the consumer named one that is not in the list.</summary>
        public string? PlatformName { get; set; }

        /// <summary>The business's answer as the consumer reports it, when the case has one.</summary>
        public string? BusinessResponse { get; set; }

        /// <summary>Anything else staff tell the agency (optional).</summary>
        public string? Note { get; set; }

        public bool IncludeName { get; set; }

        /// <summary>The consumer's name in Latin letters, suggested from the kana reading.</summary>
        public string? ConsumerName { get; set; }

        public bool IncludeAddress { get; set; }

        /// <summary>The consumer's postal address in Latin letters ("Japan" is added).</summary>
        public string? ConsumerAddress { get; set; }

        /// <summary>Whether the consumer's own text (in Japanese) goes below the summary as "Original, in Japanese".</summary>
        public bool IncludeOriginal { get; set; }

        public List<Guid> Evidence { get; set; } = [];

        public IReadOnlyList<ProvidedItem> Chosen =>
            [.. new[] { (IncludeName, ProvidedItem.Name), (IncludeAddress, ProvidedItem.Address) }.Where(x => x.Item1).Select(x => x.Item2)];

        /// <summary>
        /// Every field of the form whose text goes to the agency for this case, by its name (as the page and ModelState
        /// name it): the optional ones only when they are sent (the platform's name only for "another" platform, the
        /// business's answer only when the case has one, the name and address only when chosen).
        /// </summary>
        public IEnumerable<(string Field, string? Value)> SentFields(Case c)
        {
            ArgumentNullException.ThrowIfNull(c);
            yield return (nameof(BusinessName), BusinessName);
            yield return (nameof(BusinessWebsite), BusinessWebsite);
            yield return (nameof(BusinessEmail), BusinessEmail);
            yield return (nameof(BusinessPhone), BusinessPhone);
            yield return (nameof(Item), Item);
            yield return (nameof(OrderNumber), OrderNumber);
            if (AsksPlatformName(c))
            {
                yield return (nameof(PlatformName), PlatformName);
            }

            yield return (nameof(Summary), Summary);
            if (HasBusinessResponse(c))
            {
                yield return (nameof(BusinessResponse), BusinessResponse);
            }

            yield return (nameof(Note), Note);
            if (IncludeName)
            {
                yield return (nameof(ConsumerName), ConsumerName);
            }

            if (IncludeAddress)
            {
                yield return (nameof(ConsumerAddress), ConsumerAddress);
            }
        }

        /// <summary>What the record of provision keeps of it.</summary>
        public ForwardedText ToForwardedText(Case c) => new(
            BusinessName?.Trim() ?? "",
            Item?.Trim() ?? "",
            Summary?.Trim() ?? "",
            HasBusinessResponse(c) ? BusinessResponse?.Trim() : null,
            IncludeName ? ConsumerName?.Trim() : null,
            IncludeOriginal);

        public static bool HasBusinessResponse(Case c) => !string.IsNullOrWhiteSpace(c.BusinessResponse);

        public static bool AsksPlatformName(Case c) => c.PurchasePlatform is PurchasePlatform.Other && !string.IsNullOrWhiteSpace(c.PurchasePlatformName);
    }

    /// <summary>The rules that need nothing but the form: what is required, lengths, characters that cannot be kept.</summary>
    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<ForwardingText> text)
        {
            void Text(System.Linq.Expressions.Expression<Func<Form, string?>> field, string name, int max, bool required, Func<Form, bool>? when = null)
            {
                var rule = RuleFor(field).Cascade(CascadeMode.Stop);
                IRuleBuilder<Form, string?> builder = rule;
                if (required)
                {
                    builder = rule.Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => text["Error_Required", text["Field_" + name]]);
                }

                var options = builder
                    .Must(v => v is null || v.Trim().Length <= max).WithMessage((_, v) => text["Error_TooLong", text["Field_" + name], max, v!.Trim().Length])
                    .Must(v => !TextInput.HasControlCharacters(v)).WithMessage(_ => text["Error_ControlCharacters", text["Field_" + name]]);
                if (when is not null)
                {
                    options.When(when);
                }
            }

            Text(f => f.Summary, nameof(Form.Summary), ForwardedText.MaxSummaryLength, required: true);
            Text(f => f.Item, nameof(Form.Item), ForwardedText.MaxItemLength, required: true);
            Text(f => f.BusinessName, nameof(Form.BusinessName), ForwardedText.MaxBusinessNameLength, required: true);
            Text(f => f.BusinessWebsite, nameof(Form.BusinessWebsite), ComplaintLimits.Website, required: false);
            Text(f => f.BusinessEmail, nameof(Form.BusinessEmail), ComplaintLimits.Email, required: false);
            Text(f => f.BusinessPhone, nameof(Form.BusinessPhone), ComplaintLimits.Phone, required: false);
            Text(f => f.OrderNumber, nameof(Form.OrderNumber), ComplaintLimits.OrderNumber, required: false);
            Text(f => f.PlatformName, nameof(Form.PlatformName), ComplaintLimits.PlatformName, required: false);
            Text(f => f.BusinessResponse, nameof(Form.BusinessResponse), ForwardedText.MaxBusinessResponseLength, required: false);
            Text(f => f.Note, nameof(Form.Note), MaxTextLength, required: false);
            Text(f => f.ConsumerName, nameof(Form.ConsumerName), ForwardedText.MaxConsumerNameLength, required: true, when: f => f.IncludeName);
            Text(f => f.ConsumerAddress, nameof(Form.ConsumerAddress), ComplaintLimits.Address, required: true, when: f => f.IncludeAddress);
        }
    }

    /// <summary>A problem with what staff composed, found against the case: the field and the message's key in ForwardingText with its arguments.</summary>
    public sealed record Problem(string Field, string MessageKey, object[] Arguments);

    /// <summary>An argument of a <see cref="Problem"/> that is a field's label ("Field_" + the field's name in ForwardingText), read in the page's language.</summary>
    public sealed record Label(string Field)
    {
        public string Key => "Field_" + Field;
    }

    /// <summary>
    /// The form as the page first shows it: the business and the purchase as the consumer gave them where they are already
    /// in Latin letters (the page shows the consumer's words beside every field), the consumer's name in Latin letters
    /// from the kana reading, the name chosen, the address and the consumer's original text not.
    /// </summary>
    public static Form Prefilled(Case c, PartnerListing? agency)
    {
        ArgumentNullException.ThrowIfNull(c);
        static string? Latin(string? value) => JapaneseScript.Contains(value) ? null : value;
        return new Form
        {
            Version = c.Version,
            Agency = agency?.Code,
            BusinessName = Latin(c.BusinessName),
            BusinessWebsite = Latin(c.BusinessWebsite),
            BusinessEmail = Latin(c.BusinessEmail),
            BusinessPhone = Latin(c.BusinessPhone),
            Item = Latin(c.PurchaseItem),
            OrderNumber = Latin(c.PurchaseOrderNumber),
            PlatformName = Form.AsksPlatformName(c) ? Latin(c.PurchasePlatformName) : null,
            BusinessResponse = Form.HasBusinessResponse(c) ? Latin(c.BusinessResponse) : null,
            Summary = Latin(c.WhatHappened),
            IncludeName = true,
            ConsumerName = KanaRomanization.Romanize(c.ConsumerNameKana),
        };
    }

    /// <summary>The compose page, or its preview (<see cref="Preview"/> set) when everything checks out.</summary>
    public sealed record Page(
        Case Case,
        PartnerListing? Agency,
        IReadOnlyList<ForwardingRefusal> Refusals,
        IReadOnlyList<ForwardFile> Files,
        Form Form,
        DateTimeOffset AnswerDue,
        DateTimeOffset LinkExpiresAt,
        int PreviousForwards)
    {
        public ComposedEmail? Preview { get; init; }

        public IReadOnlyList<string> Recipients { get; init; } = [];

        public string? ReplyTo { get; init; }

        public IReadOnlyList<ProvidedItem> Items { get; init; } = [];

        public bool CanForward => Refusals.Count == 0 && Agency is not null;
    }

    /// <summary>Reads the case, the agency (fresh from the registry), the evidence, and checks a posted form against them.</summary>
    public sealed class Handler(
        AppDbContext db, ForwardEmail email, AuditTrail audit, IOptions<PartnerAnswer.PartnerLinksOptions> links, IOptions<SmtpOptions> smtp, ReplyAddresses replies, TimeProvider clock)
    {
        /// <summary>The page for a case (null when there is none), with <paramref name="posted"/> or the pre-filled form. Records the view.</summary>
        public async Task<Page?> LoadAsync(string number, Form? posted, CancellationToken ct)
        {
            var c = await db.Cases.AsNoTracking().Include(x => x.Consents).SingleOrDefaultAsync(x => x.Number == number, ct);
            if (c is null)
            {
                return null;
            }

            var registry = await PartnerDirectory.LoadAsync(db, ct);
            var agency = registry.Covering(c.BusinessCountryCode);
            var now = clock.GetUtcNow();
            var files = await FilesAsync(db, c.Id, ct);
            var previous = await db.PartnerProvisions.CountAsync(p => p.CaseId == c.Id, ct);
            var form = posted ?? Prefilled(c, agency);

            audit.Record(AuditAction.CaseViewed, "Case", c.Id.ToString(), c.Id, new { page = "forward" });
            await db.SaveChangesAsync(ct);
            return new Page(
                c,
                agency,
                ForwardingRules.Refusals(c.Status, c.Consent.AgreesToProvisionAbroad, agency),
                files,
                form,
                CaseClocks.PartnerDue(now, agency?.ResponseBusinessDays ?? 0),
                now + links.Value.ValidFor,
                previous);
        }

        /// <summary>What is wrong with the posted form against the case now (nothing when it may be sent).</summary>
        public static IReadOnlyList<Problem> Check(Page page)
        {
            var (c, form) = (page.Case, page.Form);
            var problems = new List<Problem>();
            if (page.Agency is null || form.Agency != page.Agency.Code)
            {
                problems.Add(new Problem("", "Problem_AgencyChanged", [page.Agency?.Code ?? "-"]));
            }

            var chosenFiles = form.Evidence.Distinct().ToList();
            if (chosenFiles.Any(id => page.Files.All(f => f.EvidenceId != id)))
            {
                problems.Add(new Problem("Evidence", "Problem_UnknownFile", []));
            }

            var bytes = page.Files.Where(f => chosenFiles.Contains(f.EvidenceId)).Sum(f => f.Length);
            if (bytes > ForwardingRules.MaxAttachmentBytes)
            {
                problems.Add(new Problem("Evidence", "Problem_FilesTooLarge", [ForwardingRules.MaxAttachmentBytes / (1024 * 1024)]));
            }

            if (Form.HasBusinessResponse(c) && string.IsNullOrWhiteSpace(form.BusinessResponse))
            {
                problems.Add(new Problem(nameof(Form.BusinessResponse), "Error_Required", [new Label(nameof(Form.BusinessResponse))]));
            }

            if (Form.AsksPlatformName(c) && string.IsNullOrWhiteSpace(form.PlatformName))
            {
                problems.Add(new Problem(nameof(Form.PlatformName), "Error_Required", [new Label(nameof(Form.PlatformName))]));
            }

            // The agency reads its own language: a text it cannot read is refused, naming the field (the consumer's own
            // text, appended on purpose below the summary when staff tick it, excepted).
            if (page.Agency is not null && !Languages.IsJapanese(page.Agency.Language))
            {
                foreach (var (field, value) in form.SentFields(c))
                {
                    if (JapaneseScript.First(value) is { } japanese)
                    {
                        problems.Add(new Problem(field, "Problem_JapaneseScript", [new Label(field), japanese]));
                    }
                }
            }

            // The consumer's details the forward must not carry, in any text staff wrote (the name fields themselves excepted).
            var contact = new ConsumerContact(c.ConsumerName, c.ConsumerNameKana, c.ConsumerEmail, c.ConsumerPhone, c.ConsumerAddress);
            foreach (var (field, value) in form.SentFields(c).Where(f => f.Field is not (nameof(Form.ConsumerName) or nameof(Form.ConsumerAddress))))
            {
                var latinName = form.IncludeName ? null : KanaRomanization.Romanize(c.ConsumerNameKana);
                foreach (var detail in ForwardingRules.PersonalDetailsInText(value ?? "", contact with { LatinName = latinName }, form.Chosen))
                {
                    problems.Add(new Problem(field, "Problem_TextContains_" + detail, [new Label(field)]));
                }
            }

            return problems;
        }

        /// <summary>The page with the exact message to be sent (the link's secret part excepted), its recipients and the items it provides.</summary>
        public async Task<Page> WithPreviewAsync(Page page, CancellationToken ct)
        {
            var files = Chosen(page);
            return page with
            {
                Preview = email.Compose(page.Case, page.Agency!, page.Form, files, token: null, page.AnswerDue, page.LinkExpiresAt),
                Recipients = await db.PartnerAgencies.AsNoTracking().Where(a => a.Code == page.Agency!.Code).Select(a => a.EmailAddresses).SingleAsync(ct),
                // As the outbox will write it: the agency's reply address for the case when replies are read.
                ReplyTo = replies.For(page.Case.Id, ReplyParty.Partner) ?? (string.IsNullOrWhiteSpace(smtp.Value.ReplyToAddress) ? null : smtp.Value.ReplyToAddress),
                Items = ForwardingRules.ItemsProvided(page.Form.Chosen, files.Count),
            };
        }

        public static IReadOnlyList<ForwardFile> Chosen(Page page) => [.. page.Files.Where(f => page.Form.Evidence.Contains(f.EvidenceId))];

        /// <summary>The case's evidence files, consumer's first, in the order they came.</summary>
        public static Task<List<ForwardFile>> FilesAsync(AppDbContext db, Guid caseId, CancellationToken ct) =>
            (from e in db.CaseEvidence.AsNoTracking()
             join f in db.StoredFiles on e.StoredFileId equals f.Id
             where e.CaseId == caseId
             orderby e.AddedAt, e.Id
             select new ForwardFile(e.Id, f.Id, f.FileName, f.ContentType, f.Length, e.Source)).ToListAsync(ct);
    }
}
