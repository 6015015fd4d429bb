namespace CrossBorderConsumerCenter.Web.Features.Contact;

/// <summary>Marker for Resources/Features/Contact/ContactText(.en).resx.</summary>
public sealed class ContactText;
