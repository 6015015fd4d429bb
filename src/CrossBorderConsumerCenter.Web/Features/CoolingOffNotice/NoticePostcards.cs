using System.Globalization;
using CrossBorderConsumerCenter.Web.Domain.Contact;
using CrossBorderConsumerCenter.Web.Features.Forms;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.CoolingOffNotice;

/// <summary>Whom a postcard goes to.</summary>
public enum NoticeRecipient
{
    /// <summary>The seller: the contract is cancelled, the money paid refunded, the goods taken back.</summary>
    Seller,

    /// <summary>The credit company, when the consumer paid on credit: the same notice, naming the seller and the company.</summary>
    CreditCompany,

    /// <summary>The business that bought the consumer's goods at their door: the goods are to be returned.</summary>
    Buyer,
}

/// <summary>A line of the notice: what it is ("契約年月日") and what was typed.</summary>
public sealed record NoticeLine(string Label, string Value);

/// <summary>A name and address as the address side writes them (postal code and address may be empty: written by hand).</summary>
public sealed record NoticeAddress(string? PostalCode, string? Address, string Name);

/// <summary>
/// One postcard, in Japanese whatever the page's language (it goes to a business in Japan), in the words of the
/// consumer centers' example: the message side (title, "次の契約を解除します。", the contract's particulars, what is asked, the
/// date, the sender) and the address side (to, from).
/// </summary>
public sealed record NoticePostcard(
    NoticeRecipient Recipient,
    string Title,
    string Opening,
    IReadOnlyList<NoticeLine> Particulars,
    string? Request,
    string Date,
    IReadOnlyList<NoticeLine> Sender,
    NoticeAddress To,
    NoticeAddress From,
    string SenderLabel)
{
    /// <summary>Every text of the message side, in order (for the PDF's check and the tests).</summary>
    public IEnumerable<string> MessageTexts =>
    [
        Title, Opening, .. Particulars.SelectMany(l => new[] { l.Label, l.Value }), .. Request is null ? Array.Empty<string>() : [Request], Date,
        .. Sender.SelectMany(l => new[] { l.Label, l.Value }),
    ];
}

/// <summary>The notice's postcards: one to the seller (or the buyer, in door-to-door purchasing), and one to the credit company when there is credit.</summary>
public sealed record NoticePostcards(IReadOnlyList<NoticePostcard> Cards, bool AddressSide)
{
    /// <summary>The postcards' language: Japanese, whatever the page's.</summary>
    public static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja");

    /// <summary>The postcards for a form the validator accepted, their words from <see cref="CoolingOffNoticeText"/>'s "Card_*" in Japanese.</summary>
    public static NoticePostcards From(WriteNotice.Form form, IStringLocalizer<CoolingOffNoticeText> text)
    {
        var uiCulture = CultureInfo.CurrentUICulture;
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentUICulture = Japanese;
            CultureInfo.CurrentCulture = Japanese;
            return new NoticePostcards(Build(form, text), form.AddressSide);
        }
        finally
        {
            CultureInfo.CurrentUICulture = uiCulture;
            CultureInfo.CurrentCulture = culture;
        }
    }

    private static List<NoticePostcard> Build(WriteNotice.Form form, IStringLocalizer<CoolingOffNoticeText> text)
    {
        var contractDate = FormValues.ParseDate(form.ContractDate) ?? throw new ArgumentException("The form was not validated.", nameof(form));
        var noticeDate = FormValues.ParseDate(form.NoticeDate) ?? throw new ArgumentException("The form was not validated.", nameof(form));
        var amount = WriteNotice.Yen(form.Amount) ?? throw new ArgumentException("The form was not validated.", nameof(form));
        var paid = string.IsNullOrWhiteSpace(form.Paid) ? amount : WriteNotice.Yen(form.Paid, zeroAllowed: true) ?? amount;

        var seller = Join(form.SellerName, form.SellerBranch);
        var contract = new List<NoticeLine>
        {
            new(text["Card_ContractDate"], Date(text, contractDate)),
            new(text["Card_Goods"], Trim(form.Goods)),
            new(text["Card_Amount"], Yen(text, amount)),
            new(text[form.ConsumerSold ? "Card_Buyer" : "Card_Seller"], seller),
        };
        if (Optional(form.SellerPerson) is { } person)
        {
            contract.Add(new(text["Card_Person"], person));
        }

        var consumerAddress = Trim(form.ConsumerAddress);
        var consumerName = Trim(form.ConsumerName);
        var consumerPostal = PostalCodes.Normalize(form.ConsumerPostalCode);
        IReadOnlyList<NoticeLine> sender =
        [
            new(text["Card_Address"], consumerPostal is null ? consumerAddress : $"{text["Card_PostalMark", consumerPostal]} {consumerAddress}"),
            new(text["Card_Name"], consumerName),
        ];
        var from = new NoticeAddress(consumerPostal, consumerAddress, consumerName);
        var toSeller = new NoticeAddress(PostalCodes.Normalize(form.SellerPostalCode), Optional(form.SellerAddress), text["Card_ToCompany", seller]);

        NoticePostcard Card(NoticeRecipient recipient, IReadOnlyList<NoticeLine> particulars, string? request, NoticeAddress to) =>
            new(recipient, text["Card_Title"], text["Card_Opening"], particulars, request, Date(text, noticeDate), sender, to, from, text["Card_Sender"]);

        if (form.ConsumerSold)
        {
            return [Card(NoticeRecipient.Buyer, contract, text["Card_ReturnGoods", Yen(text, amount)], toSeller)];
        }

        var cards = new List<NoticePostcard>
        {
            Card(NoticeRecipient.Seller, contract, paid > 0 ? text["Card_Refund", Yen(text, paid)] : text["Card_TakeBack"], toSeller),
        };
        if (form.WithCredit)
        {
            var creditName = Trim(form.CreditName);
            cards.Add(Card(
                NoticeRecipient.CreditCompany,
                [.. contract, new(text["Card_Credit"], creditName)],
                request: null,
                new NoticeAddress(PostalCodes.Normalize(form.CreditPostalCode), Optional(form.CreditAddress), text["Card_ToCompany", creditName])));
        }

        return cards;
    }

    private static string Date(IStringLocalizer text, DateOnly date) => text["Card_Date", date.Year, date.Month, date.Day];

    private static string Yen(IStringLocalizer text, decimal amount) => text["Card_Yen", amount.ToString("#,0", CultureInfo.InvariantCulture)];

    private static string Trim(string? value) => value?.Trim() ?? "";

    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Join(params string?[] parts) => string.Join(" ", parts.Select(Optional).OfType<string>());
}
