namespace CrossBorderConsumerCenter.Web.Features.Counselors;

/// <summary>Marker for Resources/Features/Counselors/CounselorText(.en).resx: the counselors' pages.</summary>
public sealed class CounselorText;
