namespace CrossBorderConsumerCenter.Web.Features.Supervisor;

/// <summary>Marker for Resources/Features/Supervisor/SupervisorText(.en).resx.</summary>
public sealed class SupervisorText;
