using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.Pages;

/// <summary>A page written in markdown: its title (the first level-1 heading) and its HTML.</summary>
public sealed record MarkdownPage(string Title, string Html);

/// <summary>
/// Long texts (the FAQ, the privacy notice) kept as markdown per language under Content/{language}/{name}.md,
/// so that they read and diff as documents. The center's details are written as placeholders (<c>{center.email}</c>,
/// <c>{center.fax}</c>, ..., see <see cref="CenterContactOptions"/>) and filled from the settings before rendering; an
/// unknown placeholder throws. Rendered once and cached; raw HTML in the files is escaped.
/// </summary>
public sealed class MarkdownPages(IWebHostEnvironment environment, IOptions<CenterContactOptions> center)
{
    public static readonly IReadOnlyList<string> Names = ["faq", "privacy"];

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseAutoLinks()
        .UseGenericAttributes()
        .Build();

    private readonly ConcurrentDictionary<(string, string), MarkdownPage> _cache = new();

    public static string PathOf(string contentRoot, string language, string name) => Path.Combine(contentRoot, "Content", language, name + ".md");

    public MarkdownPage Get(string name, string language) =>
        _cache.GetOrAdd((name, language), key => Render(Fill(File.ReadAllText(PathOf(environment.ContentRootPath, key.Item2, key.Item1)), center.Value, key.Item2)));

    /// <summary>The markdown with the center's details in <paramref name="language"/>, each escaped so that it reads as text wherever it stands (a link's text or its address too).</summary>
    public static string Fill(string markdown, CenterContactOptions center, string language) =>
        center.FillPlaceholders(markdown, CultureInfo.GetCultureInfo(language), EscapeMarkdown);

    public static MarkdownPage Render(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var title = document.Descendants<HeadingBlock>().FirstOrDefault(h => h.Level == 1) is { Inline: { } inline }
            ? string.Concat(inline.Descendants<LiteralInline>().Select(l => l.Content.ToString()))
            : "";
        return new MarkdownPage(title, document.ToHtml(Pipeline));
    }

    /// <summary>Every ASCII punctuation character backslash-escaped: CommonMark reads it as itself in text and in link destinations alike.</summary>
    private static string EscapeMarkdown(string value)
    {
        var escaped = new StringBuilder(value.Length * 2);
        foreach (var c in value)
        {
            if (char.IsAsciiLetterOrDigit(c) || !char.IsAscii(c) || char.IsWhiteSpace(c))
            {
                escaped.Append(c);
            }
            else
            {
                escaped.Append('\\').Append(c);
            }
        }

        return escaped.ToString();
    }
}
