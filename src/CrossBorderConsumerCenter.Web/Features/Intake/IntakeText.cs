namespace CrossBorderConsumerCenter.Web.Features.Intake;

/// <summary>Marker for Resources/Features/Intake/IntakeText(.en).resx: the consent gate, the form, review, receipt and the acknowledgement email.</summary>
public sealed class IntakeText;
