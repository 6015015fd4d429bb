namespace CrossBorderConsumerCenter.Web.Features.Forwarding;

/// <summary>Marker for Resources/Features/Forwarding/ForwardingText(.en).resx.</summary>
public sealed class ForwardingText;
