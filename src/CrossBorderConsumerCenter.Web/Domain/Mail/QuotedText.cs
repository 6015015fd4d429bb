using System.Text.RegularExpressions;

namespace CrossBorderConsumerCenter.Web.Domain.Mail;

/// <summary>A reply's text split into what the sender wrote now and the history their mail client quoted below it.</summary>
public sealed record FoldedText(string New, string? Quoted);

/// <summary>
/// Folds the quoted history away from a reply, as helpdesks do, so the timeline shows what the sender wrote: the text
/// is cut at the first line that starts the quote (a line beginning with "&gt;", the attribution line that Gmail, Apple
/// Mail and Japanese clients write, Outlook's "-----Original Message-----" or its header block). The history stays
/// readable under the fold; nothing is thrown away. When the sender wrote nothing above the quote (they answered inline,
/// or wrote at the bottom), nothing is folded.
/// </summary>
public static partial class QuotedText
{
    public static FoldedText Fold(string? text)
    {
        var normalized = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var lines = normalized.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!StartsQuote(lines, i))
            {
                continue;
            }

            var fresh = string.Join('\n', lines[..i]).TrimEnd();
            if (fresh.Trim().Length == 0)
            {
                break;
            }

            var quoted = string.Join('\n', lines[i..]).Trim();
            return new FoldedText(fresh, quoted.Length == 0 ? null : quoted);
        }

        return new FoldedText(normalized.Trim(), null);
    }

    private static bool StartsQuote(string[] lines, int i)
    {
        var line = lines[i].Trim();
        if (line.StartsWith('>') || line.StartsWith('＞'))
        {
            // A quoted block: the whole rest is history only if what follows is mostly quoted too.
            return lines.Skip(i).Count(l => l.TrimStart().StartsWith('>') || l.TrimStart().StartsWith('＞')) * 2 >= lines.Skip(i).Count(l => l.Trim().Length > 0);
        }

        if (Separator().IsMatch(line))
        {
            return true;
        }

        // An attribution line may wrap onto the next line ("On Mon, 1 Dec 2026 at 10:00, Someone\n<a@b> wrote:").
        var joined = i + 1 < lines.Length ? line + " " + lines[i + 1].Trim() : line;
        if (Attribution().IsMatch(line) || (Attribution().IsMatch(joined) && AttributionStart().IsMatch(line)))
        {
            return true;
        }

        // Outlook's header block: "From:" / "差出人:" followed within a few lines by "Sent:"/"送信日時:" or "Subject:"/"件名:".
        return HeaderFrom().IsMatch(line) && lines.Skip(i + 1).Take(4).Any(l => HeaderNext().IsMatch(l.Trim()));
    }

    [GeneratedRegex(@"^(-{2,}\s*(Original Message|Forwarded message|元のメッセージ|転送されたメッセージ|Reply message)\s*-{2,}|_{20,})$", RegexOptions.IgnoreCase)]
    private static partial Regex Separator();

    [GeneratedRegex(@"^(On\s.+\swrote:|.+\s(wrote|a écrit|schrieb):|.+(のメッセージ|は書きました|が書きました)[:：]?|\d{4}年\d{1,2}月\d{1,2}日.+[:：])$", RegexOptions.IgnoreCase)]
    private static partial Regex Attribution();

    [GeneratedRegex(@"^(On\s|\d{4}[年/-])", RegexOptions.IgnoreCase)]
    private static partial Regex AttributionStart();

    [GeneratedRegex(@"^(From|差出人|送信者)\s*[:：]", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderFrom();

    [GeneratedRegex(@"^(Sent|Date|To|Subject|送信日時|日付|宛先|件名)\s*[:：]", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderNext();
}
