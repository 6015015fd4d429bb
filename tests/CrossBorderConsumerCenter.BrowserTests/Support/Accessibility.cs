using System.Text.Json;

namespace CrossBorderConsumerCenter.BrowserTests.Support;

/// <summary>axe-core (from npm) run inside the page; serious and critical violations fail the test (any violation, for pages that assert none).</summary>
public static class Accessibility
{
    private static readonly Lazy<string> AxeSource = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "axe.min.js")));

    public static Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page) => ViolationsAsync(page, ["serious", "critical"]);

    private static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page, string[] impacts)
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
            if (impact is not null && impacts.Contains(impact))
            {
                var targets = violation.GetProperty("nodes").EnumerateArray()
                    .Select(n => string.Join(' ', n.GetProperty("target").EnumerateArray().Select(t => t.ToString())));
                violations.Add($"{impact}: {violation.GetProperty("id").GetString()} ({violation.GetProperty("help").GetString()}) at {string.Join(", ", targets)}");
            }
        }

        return violations;
    }

    /// <summary>No violation at all, whatever its impact (minor and moderate too).</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var violations = await ViolationsAsync(page, ["minor", "moderate", "serious", "critical"]);
        Assert.True(violations.Count == 0, $"axe-core on {page.Url}:\n" + string.Join('\n', violations));
    }

    public static async Task AssertCleanAsync(IPage page)
    {
        var violations = await SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, $"axe-core on {page.Url}:\n" + string.Join('\n', violations));
    }
}
