using System.Resources;

[assembly: NeutralResourcesLanguage("ja")]

namespace CrossBorderConsumerCenter.Web;

/// <summary>
/// Marker for Resources/SharedResource.resx (Japanese, the neutral language) and SharedResource.en.resx:
/// the layout, navigation, error pages and messages shared by several features. A feature keeps its own
/// texts in Resources/Features/&lt;Feature&gt;/&lt;Marker&gt;.resx, named after a marker class in its folder.
/// It lives in the root namespace because the localizer derives the resource name from the namespace.
/// </summary>
public sealed class SharedResource;
