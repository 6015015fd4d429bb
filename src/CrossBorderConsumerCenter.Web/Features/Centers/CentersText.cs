namespace CrossBorderConsumerCenter.Web.Features.Centers;

/// <summary>Marker for Resources/Features/Centers/CentersText(.en).resx: the admins' list of consumer centers.</summary>
public sealed class CentersText;
