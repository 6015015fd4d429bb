using System.Globalization;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Configuration;

/// <summary>The portal's languages: Japanese first, full English.</summary>
public static class SupportedCultures
{
    public const string Japanese = "ja";
    public const string English = "en";

    public static readonly IReadOnlyList<string> Names = [Japanese, English];

    public static readonly IReadOnlyList<CultureInfo> All = [new CultureInfo(Japanese), new CultureInfo(English)];

    public static bool IsSupported(string? name) => name is not null && Names.Contains(name);
}
