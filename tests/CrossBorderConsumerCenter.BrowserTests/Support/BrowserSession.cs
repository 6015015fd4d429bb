using System.Runtime.CompilerServices;

namespace CrossBorderConsumerCenter.BrowserTests.Support;

/// <summary>
/// Runs one browser scenario: a fresh context with the given viewport and language, the page's console
/// errors and CSP violations collected (they fail the test), and a screenshot saved when it fails.
/// </summary>
public static class BrowserSession
{
    public static readonly (int Width, int Height) Phone = (360, 740);
    public static readonly (int Width, int Height) Desktop = (1280, 900);

    public static string ArtifactsFolder { get; } = FindArtifactsFolder();

    public static async Task RunAsync(
        BrowserFixture fixture,
        (int Width, int Height) viewport,
        string locale,
        Func<IPage, Task> scenario,
        [CallerMemberName] string testName = "",
        string[]? expectedErrorPaths = null)
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseUrl,
            ViewportSize = new ViewportSize { Width = viewport.Width, Height = viewport.Height },
            Locale = locale,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = locale },
        });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            // A page the scenario opens on purpose to see its error status is not a problem.
            var expected = message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)
                && (expectedErrorPaths ?? []).Any(p => message.Location.Contains(fixture.BaseUrl + p, StringComparison.Ordinal));
            if (message.Type == "error" && !expected)
            {
                problems.Add($"console error: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => problems.Add($"page error: {error}");

        try
        {
            await scenario(page);
            Assert.True(problems.Count == 0, string.Join('\n', problems));
        }
        catch
        {
            var file = Path.Combine(ArtifactsFolder, "failures", $"{testName}-{locale}-{viewport.Width}.png");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
            throw;
        }
    }

    /// <summary>Set to 1 to have the browser tests save their screenshots for people to look at.</summary>
    public const string ScreenshotsVariable = "CCC_SCREENSHOTS";

    /// <summary>
    /// Saves a full-page screenshot for people to look at (artifacts/screenshots) when <see cref="ScreenshotsVariable"/>
    /// is 1. No test reads them, and drawing a hundred long pages costs CI about a minute, so they are taken on request.
    /// </summary>
    public static Task SaveScreenshotAsync(IPage page, string name) =>
        Environment.GetEnvironmentVariable(ScreenshotsVariable) == "1"
            ? page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsFolder, "screenshots", name + ".png"), FullPage = true })
            : Task.CompletedTask;

    private static string FindArtifactsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CrossBorderConsumerCenter.sln")))
            {
                return Path.Combine(dir.FullName, "artifacts");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "artifacts");
    }
}
