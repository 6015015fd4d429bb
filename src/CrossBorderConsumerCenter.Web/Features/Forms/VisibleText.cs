using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;

namespace CrossBorderConsumerCenter.Web.Features.Forms;

/// <summary>
/// Text a consumer or a stranger typed, shown to staff so that it cannot pass for something else: isolated in
/// <c>&lt;bdi&gt;</c> (a right-to-left run cannot reorder the page around it), and every character that steers the direction
/// of text or takes no room (U+202E RIGHT-TO-LEFT OVERRIDE, U+200B ZERO WIDTH SPACE, …) shown as a visible marker such as
/// [U+202E] instead of acting. The zero-width joiner is left alone: emoji sequences and several scripts need it.
/// </summary>
public static class VisibleText
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly HashSet<int> Hidden =
    [
        0x061C, 0x200B, 0x200C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
        0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF,
    ];

    /// <summary>Whether <paramref name="text"/> holds a character <see cref="Isolated"/> shows as a marker.</summary>
    public static bool HasHiddenCharacters(string? text) => text is not null && text.EnumerateRunes().Any(r => Hidden.Contains(r.Value));

    public static IHtmlContent Isolated(string? text)
    {
        var html = new StringBuilder("<bdi>");
        foreach (var rune in (text ?? "").EnumerateRunes())
        {
            if (Hidden.Contains(rune.Value))
            {
                html.Append(CultureInfo.InvariantCulture, $"<span class=\"hidden-char\" data-hidden-char=\"U+{rune.Value:X4}\">[U+{rune.Value:X4}]</span>");
            }
            else
            {
                html.Append(Encoder.Encode(rune.ToString()));
            }
        }

        return new HtmlString(html.Append("</bdi>").ToString());
    }
}
