namespace CrossBorderConsumerCenter.Web.Features.Queue;

/// <summary>Marker for Resources/Features/Queue/QueueText(.en).resx.</summary>
public sealed class QueueText;
