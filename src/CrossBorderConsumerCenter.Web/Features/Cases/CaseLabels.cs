namespace CrossBorderConsumerCenter.Web.Features.Cases;

/// <summary>
/// Marker for Resources/Features/Cases/CaseLabels(.en).resx: the names of a case's statuses, priorities,
/// outcomes, decline reasons, timeline events and actors, shared by the queue, the case page, the
/// counselor dashboard and the consumer's tracking page. Keys: "{Enum}_{Member}", e.g. "CaseStatus_Received",
/// plus "CaseStatusForConsumer_{Member}" for the plain words the consumer sees, and the complaint's own choices
/// (category, platform, payment method, contact method, desired resolution, age band) that forms offer through
/// <see cref="Forms.ChoiceLists"/>.
/// </summary>
public sealed class CaseLabels;
