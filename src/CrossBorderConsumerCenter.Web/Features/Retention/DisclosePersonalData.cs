using System.Security.Claims;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Contact;
using CrossBorderConsumerCenter.Web.Domain.Privacy;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Retention;

/// <summary>
/// Disclosure (APPI art. 33, ADR 0085): a supervisor finds every case that holds the person, by their email address,
/// phone number or name (each one given must match: <see cref="PersonKeys"/>), whoever filed it (the consumer online,
/// a counselor for a resident, staff from a fax, letter or call). The request is recorded with who asked, why, and the
/// cases found (<see cref="PrivacyRequest.DisclosedCaseIds"/>); the package is made from those cases
/// (<see cref="DisclosurePackage"/>).
/// </summary>
public static class DisclosePersonalData
{
    /// <summary>At most this many cases go into one package (a name shared by many people needs a second key).</summary>
    public const int MaxCases = 50;

    public sealed class Form
    {
        public string? Email { get; set; }
        public string? Phone { get; set; }
        public string? Name { get; set; }
        public string? RequestedBy { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<RetentionText> text)
        {
            RuleFor(f => f.Email)
                .Must(v => !TextInput.HasControlCharacters(v)).WithMessage(_ => text["Disclose_ControlCharacters"])
                .Must(v => string.IsNullOrWhiteSpace(v) || v.Trim().Length <= EmailAddresses.MaxLength).WithMessage(_ => text["Disclose_Email_TooLong", EmailAddresses.MaxLength]);
            RuleFor(f => f.Phone)
                .Must(v => !TextInput.HasControlCharacters(v)).WithMessage(_ => text["Disclose_ControlCharacters"])
                .Must(v => string.IsNullOrWhiteSpace(v) || v.Trim().Length <= PhoneNumbers.MaxLength).WithMessage(_ => text["Disclose_Phone_TooLong", PhoneNumbers.MaxLength])
                .Must(v => string.IsNullOrWhiteSpace(v) || PersonKeys.Phone(v).Length > 0).WithMessage(_ => text["Disclose_Phone_NoDigits"]);
            RuleFor(f => f.Name)
                .Must(v => !TextInput.HasControlCharacters(v)).WithMessage(_ => text["Disclose_ControlCharacters"])
                .Must(v => string.IsNullOrWhiteSpace(v) || v.Trim().Length <= PersonKeys.MaxNameLength).WithMessage(_ => text["Disclose_Name_TooLong", PersonKeys.MaxNameLength]);
            RuleFor(f => f)
                .Must(f => !string.IsNullOrWhiteSpace(f.Email) || !string.IsNullOrWhiteSpace(f.Phone) || !string.IsNullOrWhiteSpace(f.Name))
                .OverridePropertyName(nameof(Form.Email)).WithMessage(_ => text["Disclose_Key_Required"]);
            RuleFor(f => f.RequestedBy).RequestedBy(text);
            RuleFor(f => f.Reason).RequestText(text, "Hold_Reason_Required");
        }
    }

    public sealed record Result(Guid RequestId, int Found, bool TooMany);

    // The name is the first field of the stored search text, its reading the second (Data/CaseQueueColumns); the bigram
    // index narrows the candidates, the whole-field comparison decides. Every value is a parameter.
    private static readonly string FindSql = $"""
        SELECT id AS "Value" FROM cases
        WHERE anonymised_at IS NULL
          AND (@email = '' OR lower(consumer_email) = @email)
          AND (@phone = '' OR {PersonKeys.PhoneSql("consumer_phone")} = @phone)
          AND (@name = '' OR (search_bigrams @> @bigrams::text[]
               AND (split_part(search_text, chr(31), 1) = @name OR split_part(search_text, chr(31), 2) = @name)))
        ORDER BY received_at, id
        LIMIT {MaxCases + 1}
        """;

    public sealed class Handler(AppDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<RetentionText> text)
    {
        public async Task<Result> HandleAsync(Form form, ClaimsPrincipal user, CancellationToken ct)
        {
            var ids = await FindAsync(form, ct);
            var tooMany = ids.Count > MaxCases;
            if (tooMany)
            {
                ids = [.. ids.Take(MaxCases)];
            }

            var numbers = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.ReceivedAt).Select(c => c.Number).ToListAsync(ct);
            var now = clock.GetUtcNow();
            var request = new PrivacyRequest(PrivacyRequestKind.Disclosure, null, Subject(form), form.RequestedBy!.Trim(), form.Reason!.Trim(), now);
            var answer = numbers.Count == 0 ? text["Disclose_Answer_None"].Value : text["Disclose_Answer", numbers.Count, string.Join(", ", numbers)].Value;
            request.Disclose(ids, answer, Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!), now);
            db.PrivacyRequests.Add(request);
            audit.Record(AuditAction.PrivacyRequestAnswered, "PrivacyRequest", request.Id.ToString(), null,
                new { kind = request.Kind.ToString(), state = request.State.ToString(), cases = numbers });
            await db.SaveChangesAsync(ct);
            return new Result(request.Id, ids.Count, tooMany);
        }

        /// <summary>The cases (oldest first) where every key given matches the consumer; anonymised cases hold nothing of them.</summary>
        public async Task<List<Guid>> FindAsync(Form form, CancellationToken ct)
        {
            var email = PersonKeys.Email(form.Email);
            var phone = string.IsNullOrWhiteSpace(form.Phone) ? "" : PersonKeys.Phone(form.Phone);
            var name = PersonKeys.Name(form.Name);
            var bigrams = CaseSearchText.Bigrams(name).ToArray();

            return await db.Database.SqlQueryRaw<Guid>(FindSql,
                new Npgsql.NpgsqlParameter("email", email), new Npgsql.NpgsqlParameter("phone", phone),
                new Npgsql.NpgsqlParameter("name", name), new Npgsql.NpgsqlParameter("bigrams", bigrams)).ToListAsync(ct);
        }

        /// <summary>What the request was about, as staff typed it (kept with the request; the anonymiser replaces it with the case's values).</summary>
        private static string Subject(Form form)
        {
            var parts = new List<string>();
            Add("email", form.Email);
            Add("phone", form.Phone);
            Add("name", form.Name);
            return TextInput.Clip(string.Join("; ", parts), PrivacyRequest.MaxSubjectLength);

            void Add(string key, string? value)
            {
                if (!string.IsNullOrWhiteSpace(value))
                {
                    parts.Add($"{key}={value.Trim()}");
                }
            }
        }
    }
}
