namespace CrossBorderConsumerCenter.Web.Features.CasePage;

/// <summary>Marker for Resources/Features/CasePage/CasePageText(.en).resx: the staff case page, its actions and the information-request email.</summary>
public sealed class CasePageText;
