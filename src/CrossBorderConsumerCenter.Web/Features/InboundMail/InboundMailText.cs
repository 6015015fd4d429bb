namespace CrossBorderConsumerCenter.Web.Features.InboundMail;

/// <summary>Marker for the mail feature's texts (Resources/Features/InboundMail/InboundMailText.resx and .en.resx).</summary>
public sealed class InboundMailText;
