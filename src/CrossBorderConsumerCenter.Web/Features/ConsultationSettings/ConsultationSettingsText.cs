namespace CrossBorderConsumerCenter.Web.Features.ConsultationSettings;

/// <summary>Marker for Resources/Features/ConsultationSettings/ConsultationSettingsText(.en).resx: the admin's page of the consultation schedule.</summary>
public sealed class ConsultationSettingsText;
