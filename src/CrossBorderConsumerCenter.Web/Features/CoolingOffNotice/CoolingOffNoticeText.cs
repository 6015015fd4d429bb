namespace CrossBorderConsumerCenter.Web.Features.CoolingOffNotice;

/// <summary>
/// Marker for Resources/Features/CoolingOffNotice/CoolingOffNoticeText(.en).resx: the cooling-off notice's pages.
/// "Page_*", "Field_*", "Error_*", "Notice_*", "Steps_*" and "Pdf_*" are the pages in the visitor's language; "Card_*" are the
/// postcard's own words, always written in Japanese (their English says what they mean, for those who read the resources).
/// </summary>
public sealed class CoolingOffNoticeText;
