namespace CrossBorderConsumerCenter.Web.Features.FaxForm;

/// <summary>
/// Marker for Resources/Features/FaxForm/FaxFormText(.en).resx: the fax form's page and its PDF. "Page_*" and "Pdf_*"
/// are the page around the form, in the visitor's language; "Sheet_*" are the form's own words, always printed in
/// Japanese (their English says what they mean, for those who read the resources).
/// </summary>
public sealed class FaxFormText;
