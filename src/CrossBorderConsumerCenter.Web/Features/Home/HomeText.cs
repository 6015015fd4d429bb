namespace CrossBorderConsumerCenter.Web.Features.Home;

/// <summary>Marker for Resources/Features/Home/HomeText(.en).resx.</summary>
public sealed class HomeText;
