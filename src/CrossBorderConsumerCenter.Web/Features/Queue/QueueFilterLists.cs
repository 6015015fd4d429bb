using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using Microsoft.AspNetCore.Html;
using CrossBorderConsumerCenter.Web.Features.Forms;

namespace CrossBorderConsumerCenter.Web.Features.Queue;

/// <summary>
/// The <c>&lt;option&gt;</c>s of the queue's fixed filter lists (countries, categories, platforms: about 270 of the page's
/// 330), written once per language and kept: every queue page rendered them one by one, each value and label encoded
/// again. Only the choice differs between pages; it is marked when the list is written out. The staff list,
/// which comes from the database, is still written per page.
/// </summary>
public static class QueueFilterLists
{
    private static readonly ConcurrentDictionary<(string Culture, string List), OptionList> Lists = new();

    /// <summary>The merchant's country: the common countries, then all others by name, in two groups.</summary>
    public static OptionList Countries(ChoiceLists options, HtmlEncoder encoder) =>
        Get("country", encoder, () => options.Countries(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName));

    public static OptionList Categories(ChoiceLists options, HtmlEncoder encoder) => Get("category", encoder, options.Of<CaseCategory>);

    public static OptionList Platforms(ChoiceLists options, HtmlEncoder encoder) => Get("platform", encoder, options.Of<PurchasePlatform>);

    // Keyed by the UI culture: the labels (and the countries' order) are the visitor's language, and resources do not change
    // while the portal runs. Every page uses the same HtmlEncoder (the one configured in Program.cs).
    private static OptionList Get(string list, HtmlEncoder encoder, Func<IReadOnlyList<FieldOption>> options) =>
        Lists.GetOrAdd((CultureInfo.CurrentUICulture.Name, list), _ => OptionList.Write(options(), encoder));
}

/// <summary>
/// A list of options as HTML, written the way the view wrote each one (<c>&lt;option value="X"&gt;label&lt;/option&gt;</c>,
/// consecutive options of one group inside an <c>&lt;optgroup label="…"&gt;</c>), and where to mark each value as chosen.
/// </summary>
public sealed class OptionList
{
    private const string Selected = " selected=\"selected\"";

    private readonly string _html;
    private readonly Dictionary<string, int> _ends;

    private OptionList(string html, Dictionary<string, int> ends)
    {
        _html = html;
        _ends = ends;
    }

    public static OptionList Write(IReadOnlyList<FieldOption> options, HtmlEncoder encoder)
    {
        var html = new StringBuilder(options.Count * 48);
        var ends = new Dictionary<string, int>(StringComparer.Ordinal);
        string? group = null;
        foreach (var option in options)
        {
            if (option.Group != group)
            {
                if (group is not null)
                {
                    html.Append("</optgroup>\n");
                }

                group = option.Group;
                if (group is not null)
                {
                    html.Append("<optgroup label=\"").Append(encoder.Encode(group)).Append("\">\n");
                }
            }

            html.Append("<option value=\"").Append(encoder.Encode(option.Value)).Append('"');
            ends.TryAdd(option.Value, html.Length);
            html.Append('>').Append(encoder.Encode(option.Text)).Append("</option>\n");
        }

        if (group is not null)
        {
            html.Append("</optgroup>\n");
        }

        return new OptionList(html.ToString(), ends);
    }

    /// <summary>The options with <paramref name="chosen"/> (a value, or null for none) marked as selected.</summary>
    public IHtmlContent With(string? chosen) =>
        chosen is not null && _ends.TryGetValue(chosen, out var end) ? new Marked(_html, end) : new HtmlString(_html);

    private sealed class Marked(string html, int end) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            writer.Write(html.AsSpan(0, end));
            writer.Write(Selected);
            writer.Write(html.AsSpan(end));
        }
    }
}
