using System.Text.Json;

namespace CrossBorderConsumerCenter.BrowserTests.Support;

/// <summary>axe-core (from npm) run inside the page; serious and critical violations fail the test.</summary>
public static class Accessibility
{
    private static readonly Lazy<string> AxeSource = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "axe.min.js")));

    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        // Evaluated through the DevTools protocol, so the page's strict CSP does not have to allow it; once per document.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(AxeSource.Value);
        }

        var result = await page.EvaluateAsync<JsonElement>(
            "async () => await axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })");
        var violations = new List<string>();
        foreach (var violation in result.GetProperty("violations").EnumerateArray())
        {
            var impact = violation.GetProperty("impact").GetString();
            if (impact is "serious" or "critical")
            {
                var targets = violation.GetProperty("nodes").EnumerateArray()
                    .Select(n => string.Join(' ', n.GetProperty("target").EnumerateArray().Select(t => t.ToString())));
                violations.Add($"{impact}: {violation.GetProperty("id").GetString()} ({violation.GetProperty("help").GetString()}) at {string.Join(", ", targets)}");
            }
        }

        return violations;
    }

    public static async Task AssertCleanAsync(IPage page)
    {
        var violations = await SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, $"axe-core on {page.Url}:\n" + string.Join('\n', violations));
    }
}
