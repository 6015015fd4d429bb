namespace CrossBorderConsumerCenter.Web.Features.ConsultationMail;

/// <summary>Marker for Resources/Features/ConsultationMail/ConsultationMailText(.en).resx: the emails about a booked online consultation.</summary>
public sealed class ConsultationMailText;
