namespace CrossBorderConsumerCenter.Web.Features.PaperCases;

/// <summary>Marker for Resources/Features/PaperCases/PaperCaseText(.en).resx: entering a case that came by fax, letter or phone.</summary>
public sealed class PaperCaseText;
