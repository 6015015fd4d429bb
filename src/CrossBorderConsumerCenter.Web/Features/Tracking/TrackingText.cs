namespace CrossBorderConsumerCenter.Web.Features.Tracking;

/// <summary>Marker for Resources/Features/Tracking/TrackingText(.en).resx: the tracking pages and the emails about a case's status.</summary>
public sealed class TrackingText;
