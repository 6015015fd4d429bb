namespace CrossBorderConsumerCenter.Web.Features.ReplyTemplates;

public static class ReplyTemplatesRegistration
{
    /// <summary>Reply templates: the admins' pages (/admin/reply-templates) and the list the case page offers.</summary>
    public static IServiceCollection AddReplyTemplates(this IServiceCollection services) => services
        .AddSingleton<ReplyTemplateDirectory>()
        .AddScoped<ListReplyTemplates.Handler>()
        .AddScoped<SaveReplyTemplate.Handler>()
        .AddScoped<SetReplyTemplateActive.Handler>();
}
