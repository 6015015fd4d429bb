namespace CrossBorderConsumerCenter.Web.Features.Retention;

/// <summary>Marker for Resources/Features/Retention/RetentionText(.en).resx.</summary>
public sealed class RetentionText;
