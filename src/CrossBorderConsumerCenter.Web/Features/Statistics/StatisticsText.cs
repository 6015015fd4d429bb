namespace CrossBorderConsumerCenter.Web.Features.Statistics;

/// <summary>Marker for Resources/Features/Statistics/StatisticsText(.en).resx.</summary>
public sealed class StatisticsText;
