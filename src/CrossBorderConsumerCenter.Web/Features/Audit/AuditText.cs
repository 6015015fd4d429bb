namespace CrossBorderConsumerCenter.Web.Features.Audit;

/// <summary>Marker for Resources/Features/Audit/AuditText(.en).resx.</summary>
public sealed class AuditText;
