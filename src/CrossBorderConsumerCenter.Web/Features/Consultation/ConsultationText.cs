namespace CrossBorderConsumerCenter.Web.Features.Consultation;

/// <summary>Marker for Resources/Features/Consultation/ConsultationText(.en).resx.</summary>
public sealed class ConsultationText;
