using System.Security.Cryptography;
using System.Text;

namespace CrossBorderConsumerCenter.Web.Features.FaxForm;

/// <summary>
/// The fax form as one model, written in Japanese whatever the visitor's language: the page (<c>_Sheet.cshtml</c>) and
/// the PDF (<see cref="FaxFormPdf"/>) are two renderers of it, so the paper a consumer prints from either is the same.
/// Built by <see cref="FaxSheets"/> from the online complaint form's own fields, labels and choices.
/// </summary>
/// <param name="Title">The sheet's title ("越境消費者センター FAX相談用紙").</param>
/// <param name="CenterName">Where the fax goes.</param>
/// <param name="FaxNumber">The number to fax it to.</param>
/// <param name="ToLabel">"送信先".</param>
/// <param name="FaxLabel">"FAX番号".</param>
/// <param name="Instructions">How to fill it in and what happens after.</param>
/// <param name="Sections">The consent, the complaint's sections, the evidence, and the date and signature.</param>
/// <param name="Footer">What each printed page ends with (the center and its fax number), for a page that comes loose.</param>
/// <param name="PageNumbers">The page number's format: {0} the page, {1} the pages.</param>
public sealed record FaxSheet(
    string Title,
    string CenterName,
    string FaxNumber,
    string ToLabel,
    string FaxLabel,
    IReadOnlyList<string> Instructions,
    IReadOnlyList<FaxSection> Sections,
    string Footer,
    string PageNumbers)
{
    /// <summary>Every field on the sheet, in order.</summary>
    public IEnumerable<FaxField> Fields => Sections.SelectMany(s => s.Items).OfType<FaxField>();

    /// <summary>A digest of every text on the sheet: the same sheet gives the same digest (the PDF's cache key).</summary>
    public string Fingerprint()
    {
        var text = new StringBuilder();
        void Add(string? value) => text.Append(value).Append('\u001f');
        foreach (var value in new[] { Title, CenterName, FaxNumber, ToLabel, FaxLabel, Footer, PageNumbers }.Concat(Instructions))
        {
            Add(value);
        }

        foreach (var section in Sections)
        {
            Add(section.Id);
            Add(section.Heading);
            foreach (var item in section.Items)
            {
                Add(item.GetType().Name);
                foreach (var value in item.Texts())
                {
                    Add(value);
                }
            }
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

/// <summary>A part of the sheet under its heading; <paramref name="Id"/> names it in the page ("consent", "consumer"...).</summary>
public sealed record FaxSection(string Id, string Heading, IReadOnlyList<FaxItem> Items);

/// <summary>Something printed in a section: a text, a list, or a field to fill in.</summary>
public abstract record FaxItem
{
    /// <summary>The item's texts, in order (for the sheet's fingerprint).</summary>
    public abstract IEnumerable<string?> Texts();
}

/// <summary>How a text is printed: a paragraph, a small heading, or a notice that stands out.</summary>
public enum FaxTextStyle
{
    Paragraph,
    Heading,
    Notice,
}

public sealed record FaxText(string Text, FaxTextStyle Style = FaxTextStyle.Paragraph) : FaxItem
{
    public override IEnumerable<string?> Texts() => [Style.ToString(), Text];
}

public sealed record FaxBullets(IReadOnlyList<string> Lines) : FaxItem
{
    public override IEnumerable<string?> Texts() => Lines;
}

/// <summary>Terms and what is said of each (the partner agencies by country).</summary>
public sealed record FaxDefinitions(IReadOnlyList<FaxDefinition> Entries) : FaxItem
{
    public override IEnumerable<string?> Texts() => Entries.SelectMany(e => e.Details.Prepend(e.Term));
}

public sealed record FaxDefinition(string Term, IReadOnlyList<string> Details);

/// <summary>How a field is answered on paper.</summary>
public enum FaxAnswer
{
    /// <summary>Written in a box one line high (or <see cref="FaxField.Lines"/> lines).</summary>
    WriteIn,

    /// <summary>A date: year, month and day written in.</summary>
    Date,

    /// <summary>Tick boxes, one per option (one of them, unless <see cref="FaxField.AnyNumber"/>), with a write-in for "other" when <see cref="FaxField.OtherLabel"/> is set.</summary>
    Choice,

    /// <summary>One tick box; the label is the statement ticked.</summary>
    Tick,
}

/// <summary>
/// A field to fill in. <paramref name="Name"/> is the online form's field name ("Form.Consumer.Name") for the fields it
/// shares with it, or the sheet's own name ("Sheet.Signature").
/// </summary>
public sealed record FaxField(string Name, string Label, FaxAnswer Answer) : FaxItem
{
    public string? Hint { get; init; }

    /// <summary>"必須" or "任意" after the label, as the online form marks the field; null for neither.</summary>
    public string? Mark { get; init; }

    /// <summary>Lines of writing space (for <see cref="FaxAnswer.WriteIn"/>).</summary>
    public int Lines { get; init; } = 1;

    /// <summary>What follows the writing space ("枚").</summary>
    public string? Unit { get; init; }

    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>Several options may be ticked.</summary>
    public bool AnyNumber { get; init; }

    /// <summary>"ひとつ選択" or "あてはまるものすべて" (for <see cref="FaxAnswer.Choice"/>).</summary>
    public string? ChoiceNote { get; init; }

    /// <summary>The label of the write-in after the options, for an answer not among them (a long list's other entries).</summary>
    public string? OtherLabel { get; init; }

    /// <summary>The words between a date's parts: year, month, day.</summary>
    public IReadOnlyList<string> DateParts { get; init; } = [];

    public override IEnumerable<string?> Texts() =>
        new[] { Name, Label, Answer.ToString(), Hint, Mark, Lines.ToString(System.Globalization.CultureInfo.InvariantCulture), Unit, AnyNumber ? "any" : "one", ChoiceNote, OtherLabel }
            .Concat(Options).Concat(DateParts);
}
