using System.Globalization;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Contact;
using CrossBorderConsumerCenter.Web.Domain.CoolingOff;
using CrossBorderConsumerCenter.Web.Features.Forms;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.CoolingOffNotice;

/// <summary>
/// The consumer types what the cooling-off notice needs: the contract (date, goods, amount), the seller (or, in door-to-door
/// purchasing, the business that bought), the credit company when there is one, their own name and address, the notice's
/// date. Nothing is stored: the form is read, checked and turned into postcards (<see cref="NoticePostcards"/>) within the
/// request, and posted again as it stands to make the PDF.
/// </summary>
public static class WriteNotice
{
    public const int NameLimit = 100;
    public const int GoodsLimit = 200;
    public const int AddressLimit = ComplaintLimits.Address;

    /// <summary>The fields in the order of the page (for the error summary).</summary>
    public static readonly IReadOnlyList<string> FieldOrder =
    [
        nameof(Form.ContractDate), nameof(Form.Goods), nameof(Form.Amount), nameof(Form.Paid),
        nameof(Form.SellerName), nameof(Form.SellerBranch), nameof(Form.SellerPerson), nameof(Form.SellerPostalCode), nameof(Form.SellerAddress),
        nameof(Form.Credit), nameof(Form.CreditName), nameof(Form.CreditPostalCode), nameof(Form.CreditAddress),
        nameof(Form.ConsumerName), nameof(Form.ConsumerPostalCode), nameof(Form.ConsumerAddress),
        nameof(Form.NoticeDate), nameof(Form.AddressSide),
    ];

    /// <summary>What is posted. Every value is text as typed, so that nothing is lost when the form is shown again.</summary>
    public sealed class Form
    {
        /// <summary>The kind of transaction's name in links (<see cref="CoolingOffKinds.Slug"/>); unknown or none: a sale.</summary>
        public string? Kind { get; set; }

        public bool Credit { get; set; }
        public string? ContractDate { get; set; }
        public string? Goods { get; set; }
        public string? Amount { get; set; }
        public string? Paid { get; set; }
        public string? SellerName { get; set; }
        public string? SellerBranch { get; set; }
        public string? SellerPerson { get; set; }
        public string? SellerPostalCode { get; set; }
        public string? SellerAddress { get; set; }
        public string? CreditName { get; set; }
        public string? CreditPostalCode { get; set; }
        public string? CreditAddress { get; set; }
        public string? ConsumerName { get; set; }
        public string? ConsumerPostalCode { get; set; }
        public string? ConsumerAddress { get; set; }
        public string? NoticeDate { get; set; }
        public bool AddressSide { get; set; }

        /// <summary>Whether the consumer sold (door-to-door purchase): the notice asks for the goods back.</summary>
        public bool ConsumerSold => CoolingOffKinds.TryParse(Kind, out var kind) && CoolingOffKinds.ConsumerSold(kind);

        /// <summary>Credit applies to a purchase by the consumer only: a business that bought pays the consumer.</summary>
        public bool WithCredit => Credit && !ConsumerSold;

        /// <summary>The kind's slug when it is one the table knows (kept in links and hidden fields), otherwise null.</summary>
        public string? KnownKind => CoolingOffKinds.TryParse(Kind, out var kind) ? CoolingOffKinds.Slug(kind) : null;
    }

    /// <summary>The field's label in the request's language, for messages that name it (purchase wording where it differs).</summary>
    public static string Label(IStringLocalizer<CoolingOffNoticeText> text, Form form, string field) =>
        text[form.ConsumerSold && PurchaseLabels.Contains(field) ? $"Field_{field}_Purchase" : $"Field_{field}"];

    /// <summary>Fields whose label says "buyer" and "goods sold" in door-to-door purchasing.</summary>
    public static readonly IReadOnlySet<string> PurchaseLabels = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(Form.Goods), nameof(Form.Amount), nameof(Form.SellerName), nameof(Form.SellerBranch), nameof(Form.SellerPerson),
        nameof(Form.SellerPostalCode), nameof(Form.SellerAddress),
    };

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<CoolingOffNoticeText> text, TimeProvider clock)
        {
            string Name(Form f, string field) => Label(text, f, field);

            RuleFor(f => f.ContractDate).Cascade(CascadeMode.Stop)
                .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(f => text["Error_Required", Name(f, nameof(Form.ContractDate))])
                .Must(v => FormValues.ParseDate(v) is not null).WithMessage(f => text["Error_Date", Name(f, nameof(Form.ContractDate))])
                .Must(v => FormValues.ParseDate(v) <= LocalizationRegistration.JapanToday(clock)).WithMessage(f => text["Error_DateInFuture", Name(f, nameof(Form.ContractDate))]);
            Text(f => f.Goods, nameof(Form.Goods), GoodsLimit, required: true);
            RuleFor(f => f.Amount).Cascade(CascadeMode.Stop)
                .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(f => text["Error_Required", Name(f, nameof(Form.Amount))])
                .Must(v => Yen(v) is > 0).WithMessage(f => text["Error_Amount", Name(f, nameof(Form.Amount))]);
            RuleFor(f => f.Paid).Cascade(CascadeMode.Stop)
                .Must(v => Yen(v, zeroAllowed: true) is not null).WithMessage(f => text["Error_Amount", Name(f, nameof(Form.Paid))])
                .Must((f, v) => Yen(f.Amount) is not { } amount || Yen(v, zeroAllowed: true) <= amount).WithMessage(f => text["Error_PaidMoreThanAmount", Name(f, nameof(Form.Paid)), Name(f, nameof(Form.Amount))])
                .When(f => !string.IsNullOrWhiteSpace(f.Paid) && !f.ConsumerSold);
            Text(f => f.SellerName, nameof(Form.SellerName), NameLimit, required: true);
            Text(f => f.SellerBranch, nameof(Form.SellerBranch), NameLimit, required: false);
            Text(f => f.SellerPerson, nameof(Form.SellerPerson), NameLimit, required: false);
            PostalCode(f => f.SellerPostalCode, nameof(Form.SellerPostalCode));
            Text(f => f.SellerAddress, nameof(Form.SellerAddress), AddressLimit, required: false);
            When(f => f.WithCredit, () =>
            {
                Text(f => f.CreditName, nameof(Form.CreditName), NameLimit, required: true);
                PostalCode(f => f.CreditPostalCode, nameof(Form.CreditPostalCode));
                Text(f => f.CreditAddress, nameof(Form.CreditAddress), AddressLimit, required: false);
            });
            Text(f => f.ConsumerName, nameof(Form.ConsumerName), NameLimit, required: true);
            PostalCode(f => f.ConsumerPostalCode, nameof(Form.ConsumerPostalCode));
            Text(f => f.ConsumerAddress, nameof(Form.ConsumerAddress), AddressLimit, required: true);
            RuleFor(f => f.NoticeDate).Cascade(CascadeMode.Stop)
                .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(f => text["Error_Required", Name(f, nameof(Form.NoticeDate))])
                .Must(v => FormValues.ParseDate(v) is not null).WithMessage(f => text["Error_Date", Name(f, nameof(Form.NoticeDate))])
                .Must((f, v) => FormValues.ParseDate(f.ContractDate) is not { } contract || FormValues.ParseDate(v) >= contract)
                .WithMessage(f => text["Error_NoticeBeforeContract", Name(f, nameof(Form.NoticeDate)), Name(f, nameof(Form.ContractDate))]);

            void Text(System.Linq.Expressions.Expression<Func<Form, string?>> property, string field, int limit, bool required)
            {
                IRuleBuilder<Form, string?> rule = RuleFor(property).Cascade(CascadeMode.Stop);
                if (required)
                {
                    rule = rule.Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(f => text["Error_Required", Name(f, field)]);
                }

                rule.Must(v => (v?.Trim().Length ?? 0) <= limit).WithMessage(f => text["Error_TooLong", Name(f, field), limit])
                    .Must(v => !TextInput.HasControlCharacters(v)).WithMessage(f => text["Error_Characters", Name(f, field)]);
            }

            void PostalCode(System.Linq.Expressions.Expression<Func<Form, string?>> property, string field) =>
                RuleFor(property).Must(v => string.IsNullOrWhiteSpace(v) || PostalCodes.Normalize(v) is not null)
                    .WithMessage(f => text["Error_PostalCode", Name(f, field)]);
        }
    }

    /// <summary>
    /// An amount in yen as people type it ("300000", "300,000円", "¥300,000", full-width digits): whole yen above zero, or zero
    /// too when <paramref name="zeroAllowed"/> (nothing paid yet); otherwise null.
    /// </summary>
    public static decimal? Yen(string? text, bool zeroAllowed = false)
    {
        var reading = PurchaseAmounts.Read(text, "JPY");
        if (zeroAllowed && reading.Problem == AmountProblem.NotPositive)
        {
            return 0;
        }

        return reading.Problem == AmountProblem.None && reading.Amount is { } amount && amount == decimal.Truncate(amount) ? amount : null;
    }

    /// <summary>A new form: the kind and credit from the link, the notice dated today.</summary>
    public static Form Start(string? kind, bool credit, TimeProvider clock) => new()
    {
        Kind = kind,
        Credit = credit,
        NoticeDate = LocalizationRegistration.JapanToday(clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}
