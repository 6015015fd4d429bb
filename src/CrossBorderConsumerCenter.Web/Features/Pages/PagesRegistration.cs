namespace CrossBorderConsumerCenter.Web.Features.Pages;

public static class PagesRegistration
{
    /// <summary>The FAQ and the privacy notice: markdown in Content/{ja,en}/.</summary>
    public static IServiceCollection AddPages(this IServiceCollection services) => services.AddSingleton<MarkdownPages>();
}
