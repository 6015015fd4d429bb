using System.Text.RegularExpressions;

namespace CrossBorderConsumerCenter.IntegrationTests.Support;

/// <summary>The tracking links in an email's text, as a consumer would click them.</summary>
public static partial class EmailLinks
{
    /// <summary>The one tracking link's path (/track/{token}) in <paramref name="text"/>, on a line of its own; fails when there is none or several.</summary>
    public static string TrackingPathIn(string text)
    {
        var match = Assert.Single(TrackingLine().Matches(text));
        return "/track/" + match.Groups[1].Value;
    }

    /// <summary>The token of the one tracking link in <paramref name="text"/>.</summary>
    public static string TrackingTokenIn(string text) => TrackingPathIn(text)["/track/".Length..];

    /// <summary>Whether <paramref name="text"/> points to the lost-link page anywhere.</summary>
    public static bool PointsToLostLink(string text) => text.Contains("/track/lost", StringComparison.Ordinal);

    [GeneratedRegex(@"(?m)^http://localhost/track/([A-Za-z0-9_-]{43})$")]
    private static partial Regex TrackingLine();
}
