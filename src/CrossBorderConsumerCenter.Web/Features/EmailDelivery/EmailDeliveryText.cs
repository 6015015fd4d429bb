namespace CrossBorderConsumerCenter.Web.Features.EmailDelivery;

/// <summary>Marker for Resources/Features/EmailDelivery/EmailDeliveryText(.en).resx.</summary>
public sealed class EmailDeliveryText;
