using System.Globalization;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Contact;
using CrossBorderConsumerCenter.Web.Domain.Partners;
using CrossBorderConsumerCenter.Web.Domain.Reference;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using EmailRules = CrossBorderConsumerCenter.Web.Domain.Contact.EmailAddresses;

namespace CrossBorderConsumerCenter.Web.Features.Partners;

/// <summary>
/// Admins add a partner agency or change one: names, the countries it covers with their privacy laws, email
/// addresses, language, deadline. A country is covered by at most one active agency; two admins at once: the
/// second is told (xmin). Every change is audited with the values before and after.
/// </summary>
public static class EditPartnerAgency
{
    /// <summary>Empty country rows the form offers for adding countries.</summary>
    public const int SpareCountryRows = 2;

    public sealed class CountryRow
    {
        public string? CountryCode { get; set; }
        public string? PrivacyLawJapanese { get; set; }
        public string? PrivacyLawEnglish { get; set; }

        public bool IsEmpty => string.IsNullOrWhiteSpace(CountryCode) && string.IsNullOrWhiteSpace(PrivacyLawJapanese) && string.IsNullOrWhiteSpace(PrivacyLawEnglish);
    }

    public sealed class Form
    {
        /// <summary>Only when creating: an existing agency's code never changes.</summary>
        public string? Code { get; set; }

        public string? EnglishName { get; set; }
        public string? JapaneseName { get; set; }

        /// <summary>One address per line.</summary>
        public string? EmailAddresses { get; set; }

        public string? Language { get; set; } = Languages.English;
        public string? ResponseBusinessDays { get; set; } = "10";
        public List<CountryRow> Countries { get; set; } = [];
        public uint Version { get; set; }

        public IReadOnlyList<string> Addresses =>
            [.. (EmailAddresses ?? "").Split(['\n', '\r', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(EmailRules.Normalize)];

        public PartnerAgencyDetails ToDetails(string code) => new(
            code,
            EnglishName?.Trim() ?? "",
            JapaneseName?.Trim() ?? "",
            Addresses,
            Language ?? "",
            int.TryParse(TextInput.Narrow(ResponseBusinessDays), NumberStyles.None, CultureInfo.InvariantCulture, out var days) ? days : 0,
            [.. Countries.Where(r => !r.IsEmpty).Select(r => new PartnerCoverage(r.CountryCode?.Trim() ?? "", r.PrivacyLawJapanese?.Trim() ?? "", r.PrivacyLawEnglish?.Trim() ?? ""))]);

        public static Form From(PartnerAgency agency) => new()
        {
            EnglishName = agency.EnglishName,
            JapaneseName = agency.JapaneseName,
            EmailAddresses = string.Join('\n', agency.EmailAddresses),
            Language = agency.Language,
            ResponseBusinessDays = agency.ResponseBusinessDays.ToString(CultureInfo.InvariantCulture),
            Countries = [.. agency.Countries.Select(c => new CountryRow { CountryCode = c.CountryCode, PrivacyLawJapanese = c.PrivacyLawJapanese, PrivacyLawEnglish = c.PrivacyLawEnglish })],
            Version = agency.Version,
        };

        /// <summary>The rows the form shows: those given, and a couple of empty ones for more countries.</summary>
        public IReadOnlyList<CountryRow> RowsToShow => [.. Countries, .. Enumerable.Range(0, SpareCountryRows).Select(_ => new CountryRow())];
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<PartnersText> text)
        {
            RuleFor(f => f.EnglishName).Must(Name).WithMessage(_ => text["Error_Name", text["Agency_EnglishName"], PartnerAgency.MaxNameLength]);
            RuleFor(f => f.JapaneseName).Must(Name).WithMessage(_ => text["Error_Name", text["Agency_JapaneseName"], PartnerAgency.MaxNameLength]);
            RuleFor(f => f.EmailAddresses).Custom((_, context) =>
            {
                var addresses = context.InstanceToValidate.Addresses;
                foreach (var bad in addresses.Where(a => EmailRules.Check(a) != EmailAddressProblem.None))
                {
                    context.AddFailure(text["Error_Address", bad]);
                }

                if (addresses.Count > PartnerAgency.MaxAddresses)
                {
                    context.AddFailure(text["Error_TooManyAddresses", PartnerAgency.MaxAddresses]);
                }

                if (addresses.Distinct(StringComparer.OrdinalIgnoreCase).Count() != addresses.Count)
                {
                    context.AddFailure(text["Error_DuplicateAddress"]);
                }
            });
            RuleFor(f => f.Language).Must(l => l is Languages.English or Languages.Japanese).WithMessage(_ => text["Error_Language"]);
            RuleFor(f => f.ResponseBusinessDays)
                .Must(v => int.TryParse(TextInput.Narrow(v), NumberStyles.None, CultureInfo.InvariantCulture, out var days)
                    && days is >= PartnerAgency.MinResponseBusinessDays and <= PartnerAgency.MaxResponseBusinessDays)
                .WithMessage(_ => text["Error_Days", PartnerAgency.MinResponseBusinessDays, PartnerAgency.MaxResponseBusinessDays]);
            RuleFor(f => f.Countries).Must(rows => rows.Any(r => !r.IsEmpty)).WithMessage(_ => text["Error_NoCountry"])
                .Must(rows => rows.Count(r => !r.IsEmpty) <= PartnerAgency.MaxCountries).WithMessage(_ => text["Error_TooManyCountries", PartnerAgency.MaxCountries]);
            RuleForEach(f => f.Countries).ChildRules(row =>
            {
                row.RuleFor(r => r.CountryCode)
                    .Must(c => Domain.Reference.Countries.Find(c) is not null && c != Domain.Reference.Countries.Japan).When(r => !r.IsEmpty).WithMessage(_ => text["Error_Country"]);
                row.RuleFor(r => r.PrivacyLawJapanese).Must(Law).When(r => !r.IsEmpty).WithMessage(_ => text["Error_Law", text["Country_LawJapanese"], PartnerAgency.MaxLawLength]);
                row.RuleFor(r => r.PrivacyLawEnglish).Must(Law).When(r => !r.IsEmpty).WithMessage(_ => text["Error_Law", text["Country_LawEnglish"], PartnerAgency.MaxLawLength]);
            });
            RuleFor(f => f.Countries)
                .Must(rows => rows.Where(r => !r.IsEmpty).Select(r => r.CountryCode).Distinct().Count() == rows.Count(r => !r.IsEmpty))
                .WithMessage(_ => text["Error_CountryTwice"]);
        }

        private static bool Name(string? value) => !string.IsNullOrWhiteSpace(value) && value.Trim().Length <= PartnerAgency.MaxNameLength && !TextInput.HasControlCharacters(value);

        private static bool Law(string? value) => !string.IsNullOrWhiteSpace(value) && value.Trim().Length <= PartnerAgency.MaxLawLength && !TextInput.HasControlCharacters(value);
    }

    /// <summary>Only when creating: the code's own rules.</summary>
    public sealed class CreateValidator : AbstractValidator<Form>
    {
        public CreateValidator(IStringLocalizer<PartnersText> text, Validator fields)
        {
            Include(fields);
            RuleFor(f => f.Code).Must(c => PartnerAgency.Check(new PartnerAgencyDetails(c ?? "", "x", "x", [], Languages.English, 1, [])).All(p => p != PartnerAgencyProblem.Code))
                .WithMessage(_ => text["Error_Code"]);
        }
    }

    public enum Outcome
    {
        Saved,
        NotFound,
        ChangedBySomeoneElse,

        /// <summary>A registry rule refused it (see <see cref="Result.Refusal"/>).</summary>
        Refused,
    }

    /// <summary>What a rule refused: the field, the message's key in PartnersText and its arguments.</summary>
    public sealed record Refusal(string Field, string MessageKey, object[] Arguments);

    public sealed record Result(Outcome Outcome, string? Code = null, Refusal? Refusal = null);

    public sealed class Handler(AppDbContext db, AuditTrail audit, PartnerDirectory directory, TimeProvider clock)
    {
        /// <summary>Creates an agency (<paramref name="code"/> null: the form's code) or changes the one with <paramref name="code"/>.</summary>
        public async Task<Result> HandleAsync(string? code, Form form, CancellationToken ct)
        {
            var creating = code is null;
            code ??= form.Code!.Trim();
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await LockRegistryAsync(db, ct);
                var registry = await PartnerDirectory.LoadAsync(db, ct);
                var agency = creating ? null : await db.PartnerAgencies.Include(a => a.Countries).SingleOrDefaultAsync(a => a.Code == code, ct);
                if (!creating && agency is null)
                {
                    return new Result(Outcome.NotFound);
                }

                if (creating && registry.Find(code) is not null)
                {
                    return new Result(Outcome.Refused, code, new Refusal("Code", "Error_CodeTaken", [code]));
                }

                if (agency is not null && agency.Version != form.Version)
                {
                    return new Result(Outcome.ChangedBySomeoneElse, code);
                }

                var details = form.ToDetails(code);
                if (registry.CoverageConflicts(code, details.Countries.Select(c => c.CountryCode), agency?.IsActive ?? true) is [var conflict, ..])
                {
                    return new Result(Outcome.Refused, code, new Refusal("Countries", "Error_CountryCovered", [CountryName(conflict.CountryCode), conflict.OtherAgencyCode]));
                }

                var now = clock.GetUtcNow();
                if (agency is null)
                {
                    db.PartnerAgencies.Add(PartnerAgency.Create(details, now));
                    audit.Record(AuditAction.PartnerAgencyCreated, "PartnerAgency", code, details: Snapshot(details));
                }
                else
                {
                    var before = Snapshot(agency.Details());
                    agency.Update(details, now);
                    var changes = AuditTrail.Changes(before, Snapshot(agency.Details()));
                    if (changes.Count == 0)
                    {
                        return new Result(Outcome.Saved, code);
                    }

                    audit.Record(AuditAction.PartnerAgencyUpdated, "PartnerAgency", code, details: changes);
                }

                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                directory.Invalidate();
                return new Result(Outcome.Saved, code);
            }
            catch (DbUpdateConcurrencyException)
            {
                return new Result(Outcome.ChangedBySomeoneElse, code);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        private static string CountryName(string code) =>
            Countries.Find(code)?.NameIn(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) ?? code;
    }

    /// <summary>Registry changes queue behind each other (readers are never blocked), so the one-agency-per-country rule holds.</summary>
    public static Task LockRegistryAsync(AppDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("LOCK TABLE partner_agencies IN SHARE ROW EXCLUSIVE MODE", ct);

    /// <summary>An agency's values as the audit trail keeps them before and after.</summary>
    public static Dictionary<string, object?> Snapshot(PartnerAgencyDetails d) => new()
    {
        ["englishName"] = d.EnglishName,
        ["japaneseName"] = d.JapaneseName,
        ["emailAddresses"] = string.Join(", ", d.EmailAddresses),
        ["language"] = d.Language,
        ["responseBusinessDays"] = d.ResponseBusinessDays,
        ["countries"] = string.Join(", ", d.Countries.Select(c => c.CountryCode)),
        ["privacyLaws"] = string.Join(" | ", d.Countries.Select(c => $"{c.CountryCode}: {c.PrivacyLawJapanese} / {c.PrivacyLawEnglish}")),
    };
}
