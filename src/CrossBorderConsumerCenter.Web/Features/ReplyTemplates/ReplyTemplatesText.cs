namespace CrossBorderConsumerCenter.Web.Features.ReplyTemplates;

/// <summary>Marker for Resources/Features/ReplyTemplates/ReplyTemplatesText(.en).resx: the admins' reply templates and their use on the case page.</summary>
public sealed class ReplyTemplatesText;
