using System.Collections.Concurrent;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CrossBorderConsumerCenter.Web.Features.Pages;

/// <summary>A page written in markdown: its title (the first level-1 heading) and its HTML.</summary>
public sealed record MarkdownPage(string Title, string Html);

/// <summary>
/// Long texts (the FAQ, the privacy notice) kept as markdown per language under Content/{language}/{name}.md,
/// so that they read and diff as documents. Rendered once and cached; raw HTML in the files is escaped.
/// </summary>
public sealed class MarkdownPages(IWebHostEnvironment environment)
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
        _cache.GetOrAdd((name, language), key => Render(File.ReadAllText(PathOf(environment.ContentRootPath, key.Item2, key.Item1))));

    public static MarkdownPage Render(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var title = document.Descendants<HeadingBlock>().FirstOrDefault(h => h.Level == 1) is { Inline: { } inline }
            ? string.Concat(inline.Descendants<LiteralInline>().Select(l => l.Content.ToString()))
            : "";
        return new MarkdownPage(title, document.ToHtml(Pipeline));
    }
}
