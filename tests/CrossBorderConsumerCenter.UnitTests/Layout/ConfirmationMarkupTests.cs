using System.Text.RegularExpressions;

namespace CrossBorderConsumerCenter.UnitTests.Layout;

/// <summary>
/// After an action the page says what was done in a message of its own (a "flash"), or why the visitor is back at the
/// start (a draft gone after 24 hours, a privacy notice changed): it must carry <c>data-confirmation</c>, which the site
/// script focuses so that it is heard (a <c>role=status</c> present when the page loads is not announced by itself).
/// Read from the views, so that a page added later without it fails here.
/// </summary>
public partial class ConfirmationMarkupTests
{
    // "@if (TempData["Flash"] is string flash)" or "@if (Model.Flash is { } flash)", then the element that shows it.
    // Or "@if (Model.State == DraftState.Expired)", then the element that says so.
    [GeneratedRegex(@"(?:is (?:string|\{ \}) flash|DraftState\.(?:Expired|NeedsConsent))\)\s*\{\s*(?<tag><[a-z]+\b[^>]*>)", RegexOptions.Singleline)]
    private static partial Regex FlashElement();

    [Fact]
    public void EveryMessageShownAfterAnActionIsAConfirmationTheScriptFocuses()
    {
        var views = Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "src", "CrossBorderConsumerCenter.Web", "Features"), "*.cshtml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).ToList();
        var found = 0;
        var missing = new List<string>();
        foreach (var view in views)
        {
            foreach (Match match in FlashElement().Matches(File.ReadAllText(view)))
            {
                found++;
                var tag = match.Groups["tag"].Value;
                if (!tag.Contains("role=\"status\"", StringComparison.Ordinal) || !tag.Contains(" data-confirmation", StringComparison.Ordinal))
                {
                    missing.Add($"{Path.GetFileName(Path.GetDirectoryName(view))}/{Path.GetFileName(view)}: {tag}");
                }
            }
        }

        Assert.True(found > 25, $"only {found} messages after an action found: has the way views show them changed?");
        Assert.True(missing.Count == 0, "Messages after an action without role=\"status\" and data-confirmation:\n" + string.Join('\n', missing));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CrossBorderConsumerCenter.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository's root (CrossBorderConsumerCenter.sln) was not found above " + AppContext.BaseDirectory);
    }
}
