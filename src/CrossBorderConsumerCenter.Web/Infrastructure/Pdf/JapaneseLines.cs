namespace CrossBorderConsumerCenter.Web.Infrastructure.Pdf;

/// <summary>
/// Line breaking for the PDFs' Japanese (PDFsharp's own formatter breaks only at spaces, which Japanese lacks): between
/// any two Japanese characters, other scripts at spaces (a word wider than the line between characters); a closing mark
/// (、。」) never starts a line, an opening one (「() never ends one.
/// </summary>
public static class JapaneseLines
{
    private static readonly char[] Closing = [.. "、。,.)」』】〕・ー:;!?ゃゅょっャュョッ"];
    private static readonly char[] Opening = [.. "(「『【〔("];

    /// <summary>
    /// Breaks <paramref name="text"/> into lines no wider than <paramref name="width"/> as <paramref name="measure"/> measures
    /// them; a line break in the text starts a new line.
    /// </summary>
    public static List<string> Wrap(string text, Func<string, double> measure, double width)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(measure);
        return [.. text.ReplaceLineEndings("\n").Split('\n').SelectMany(paragraph => WrapParagraph(paragraph, measure, width))];
    }

    private static List<string> WrapParagraph(string text, Func<string, double> measure, double width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var token in Tokens(text))
        {
            var candidate = line + token;
            if (line.Length == 0 || measure(candidate) <= width || IsClosing(token))
            {
                line = line.Length == 0 ? token.TrimStart() : candidate;
                continue;
            }

            // An opening mark (「() never ends a line: it goes down with what it opens.
            var opening = line.Length > 1 && Opening.Contains(line[^1]) ? line[^1].ToString() : "";
            lines.Add(line[..^opening.Length].TrimEnd());
            line = opening + token.TrimStart();
        }

        if (line.Length > 0)
        {
            lines.Add(line.TrimEnd());
        }

        // A closing mark may hang past the edge; anything else wider than the line is cut.
        return [.. lines.SelectMany(l => measure(l.TrimEnd(Closing)) <= width ? [l] : Cut(l, measure, width))];
    }

    private static List<string> Cut(string text, Func<string, double> measure, double width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var c in text)
        {
            if (line.Length > 0 && measure(line + c) > width)
            {
                lines.Add(line);
                line = "";
            }

            line += c;
        }

        lines.Add(line);
        return lines;
    }

    private static IEnumerable<string> Tokens(string text)
    {
        var word = "";
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || IsWide(c))
            {
                if (word.Length > 0)
                {
                    yield return word;
                    word = "";
                }

                yield return c.ToString();
            }
            else
            {
                word += c;
            }
        }

        if (word.Length > 0)
        {
            yield return word;
        }
    }

    private static bool IsWide(char c) => c >= '\u2E80';

    private static bool IsClosing(string token) => token.Length == 1 && Closing.Contains(token[0]);
}
