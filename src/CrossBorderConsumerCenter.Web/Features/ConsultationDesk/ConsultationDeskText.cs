namespace CrossBorderConsumerCenter.Web.Features.ConsultationDesk;

/// <summary>Marker for Resources/Features/ConsultationDesk/ConsultationDeskText(.en).resx: the staff's side of online consultations.</summary>
public sealed class ConsultationDeskText;
