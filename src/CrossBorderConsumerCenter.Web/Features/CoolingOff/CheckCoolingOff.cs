using CrossBorderConsumerCenter.Web.Domain.CoolingOff;
using CrossBorderConsumerCenter.Web.Features.Forms;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.CoolingOff;

/// <summary>
/// "Can I still cancel, and by when?": the checker's question as a link (<c>/cooling-off?kind=door-to-door&amp;document=2027-03-01</c>),
/// so that a counselor can send the answer itself. The parameters' names are fixed: <c>kind</c>, <c>document</c>,
/// <c>goods</c>, <c>applied</c>, and the flags <c>for-business</c>, <c>cash-under-3000</c>, <c>used-consumables</c>,
/// <c>credit</c> and <c>defective-document</c> (each <c>=true</c>). Nothing is stored.
/// </summary>
public static class CheckCoolingOff
{
    public const string Kind = "kind";
    public const string Document = "document";
    public const string Goods = "goods";
    public const string Applied = "applied";
    public const string ForBusiness = "for-business";
    public const string CashUnder3000 = "cash-under-3000";
    public const string UsedConsumables = "used-consumables";
    public const string Credit = "credit";
    public const string DefectiveDocument = "defective-document";

    /// <summary>The fields in the order of the form, the order of the error summary.</summary>
    public static readonly string[] FieldOrder = [Kind, Document, Goods, Applied];

    /// <summary>The oldest day the checker takes: anything earlier is a typing slip.</summary>
    public static readonly DateOnly EarliestDate = new(1990, 1, 1);

    /// <summary>The question as typed (or as the link carries it).</summary>
    public sealed record Form(
        string? Kind,
        string? Document,
        string? Goods,
        string? Applied,
        bool ForBusiness,
        bool CashUnder3000,
        bool UsedConsumables,
        bool Credit,
        bool DefectiveDocument)
    {
        /// <summary>Whether anything was asked: the bare page shows the form only.</summary>
        public bool Asked => Kind is not null || Document is not null || Goods is not null || Applied is not null;

        public static Form From(IQueryCollection query) => new(
            Text(query, CheckCoolingOff.Kind),
            Text(query, CheckCoolingOff.Document),
            Text(query, CheckCoolingOff.Goods),
            Text(query, CheckCoolingOff.Applied),
            Flag(query, CheckCoolingOff.ForBusiness),
            Flag(query, CheckCoolingOff.CashUnder3000),
            Flag(query, CheckCoolingOff.UsedConsumables),
            Flag(query, CheckCoolingOff.Credit),
            Flag(query, CheckCoolingOff.DefectiveDocument));

        /// <summary>The question for the rule, once <see cref="Validator"/> has accepted the form.</summary>
        public CoolingOffQuestion Question()
        {
            if (!CoolingOffKinds.TryParse(Kind, out var kind))
            {
                throw new InvalidOperationException("The validator accepts only a kind from the list.");
            }

            return new(kind, FormValues.ParseDate(Document), FormValues.ParseDate(Goods), FormValues.ParseDate(Applied),
                ForBusiness, CashUnder3000, UsedConsumables, Credit, DefectiveDocument);
        }

        private static string? Text(IQueryCollection query, string name) =>
            query.TryGetValue(name, out var values) && values.LastOrDefault(v => !string.IsNullOrWhiteSpace(v)) is { } value ? value.Trim() : null;

        private static bool Flag(IQueryCollection query, string name) =>
            query.TryGetValue(name, out var values) && values.Any(v => v is not null && ((v.Trim().Equals("true", StringComparison.OrdinalIgnoreCase) || v.Trim().Equals("yes", StringComparison.OrdinalIgnoreCase) || v.Trim() is "on" or "1")));
    }

    /// <summary>
    /// The form's own checks: a kind from the list, real days, none in the future. Whether a day is needed at all is the
    /// rule's to say (<see cref="CoolingOffVerdict.NeedsDate"/>); the page turns that into the document field's error.
    /// </summary>
    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<CoolingOffText> text, TimeProvider clock)
        {
            RuleFor(f => f.Kind).Cascade(CascadeMode.Stop)
                .Must(v => v is not null).WithMessage(_ => text["Error_KindMissing"])
                .Must(v => CoolingOffKinds.TryParse(v, out _)).WithMessage(_ => text["Error_KindUnknown"])
                .OverridePropertyName(Kind);
            Day(f => f.Document, Document, "Document_Label");
            Day(f => f.Goods, Goods, "Goods_Label");
            Day(f => f.Applied, Applied, "Applied_Label");

            void Day(System.Linq.Expressions.Expression<Func<Form, string?>> field, string name, string label) =>
                RuleFor(field).Cascade(CascadeMode.Stop)
                    .Must(v => v is null || FormValues.ParseDate(v) is not null).WithMessage(_ => text["Error_DateInvalid", text[label]])
                    .Must(v => FormValues.ParseDate(v) is not { } day || day >= EarliestDate).WithMessage(_ => text["Error_DateTooOld", text[label], EarliestDate.Year])
                    .Must(v => FormValues.ParseDate(v) is not { } day || day <= LocalizationRegistration.JapanToday(clock)).WithMessage(_ => text["Error_DateInFuture", text[label]])
                    .OverridePropertyName(name);
        }
    }

    /// <summary>
    /// The answer's own address, relative to the site (<c>cooling-off?kind=…</c>): the question as read, in the fixed names
    /// and order, days as yyyy-MM-dd, only the flags that are set. A link a counselor sends opens the same answer, whatever
    /// was typed into the address.
    /// </summary>
    public static string Link(CoolingOffQuestion question)
    {
        var query = new List<string> { $"{Kind}={CoolingOffKinds.Slug(question.Kind)}" };
        void Day(string name, DateOnly? day)
        {
            if (day is { } d)
            {
                query.Add($"{name}={d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}");
            }
        }

        void Flag(string name, bool set)
        {
            if (set)
            {
                query.Add($"{name}=true");
            }
        }

        Day(Document, question.Document);
        Day(Goods, question.Goods);
        Day(Applied, question.Applied);
        Flag(ForBusiness, question.ForBusiness);
        Flag(CashUnder3000, question.CashUnder3000);
        Flag(UsedConsumables, question.UsedConsumables);
        Flag(Credit, question.Credit);
        Flag(DefectiveDocument, question.DefectiveDocument);
        return "cooling-off?" + string.Join('&', query);
    }

    /// <summary>What the day the period counts from is called for this kind (the document, the notice, moving in).</summary>
    public static string DocumentLabelKey(CoolingOffKind kind) => CoolingOffTable.For(kind)?.Start switch
    {
        CoolingOffStart.Notice => "Document_Label_Notice",
        CoolingOffStart.MoveIn => "Document_Label_MoveIn",
        _ => "Document_Label",
    };
}
