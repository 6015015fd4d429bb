namespace CrossBorderConsumerCenter.Web.Features.Forms;

/// <summary>
/// Marker for Resources/Features/Forms/FormText(.en).resx: what every form says the same way (the "required" and
/// "optional" marks, the hidden "Error:" before a field's message, a select's "choose one", a text's character count,
/// the error summary's title).
/// </summary>
public sealed class FormText;
