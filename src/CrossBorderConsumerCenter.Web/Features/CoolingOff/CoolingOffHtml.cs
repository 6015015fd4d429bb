using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using CrossBorderConsumerCenter.Web.Domain.CoolingOff;
using Microsoft.AspNetCore.Html;

namespace CrossBorderConsumerCenter.Web.Features.CoolingOff;

/// <summary>How the checker writes its sentences and days.</summary>
public static partial class CoolingOffHtml
{
    /// <summary>
    /// A sentence from the resources with markup in its places ("最終日は {0} です。" with a &lt;time&gt;): the words are
    /// encoded, the parts written as they are, so that each language keeps its own word order.
    /// </summary>
    public static IHtmlContent Sentence(string template, params IHtmlContent[] parts)
    {
        var builder = new HtmlContentBuilder();
        var at = 0;
        foreach (Match place in Placeholder().Matches(template))
        {
            builder.Append(template[at..place.Index]);
            builder.AppendHtml(parts[int.Parse(place.Groups[1].Value, CultureInfo.InvariantCulture)]);
            at = place.Index + place.Length;
        }

        return builder.Append(template[at..]);
    }

    /// <summary>A day as &lt;time datetime="yyyy-MM-dd"&gt;, written in the page's language, with a data attribute a test or a script can find.</summary>
    public static IHtmlContent Day(DateOnly day, string format, string? dataName = null, string? dataValue = null)
    {
        var encoder = HtmlEncoder.Default;
        var text = day.ToString(format, CultureInfo.CurrentCulture);
        var iso = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var data = dataName is null ? "" : $" data-{dataName}=\"{encoder.Encode(dataValue ?? "")}\"";
        return new HtmlString($"<time datetime=\"{iso}\"{data}>{encoder.Encode(text)}</time>");
    }

    /// <summary>A number as text (days left, days ago).</summary>
    public static IHtmlContent Number(int value) => new HtmlString(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>The verdict's name in the page (data-cooling-off-verdict).</summary>
    public static string VerdictName(CoolingOffVerdict verdict) => verdict switch
    {
        CoolingOffVerdict.CanCancel => "can-cancel",
        CoolingOffVerdict.NotStarted => "not-started",
        CoolingOffVerdict.Ended => "ended",
        CoolingOffVerdict.None => "none",
        _ => "needs-date",
    };

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
