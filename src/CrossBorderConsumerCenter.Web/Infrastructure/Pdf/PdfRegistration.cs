using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Pdf;

public static class PdfRegistration
{
    /// <summary>What the portal's PDFs share: the Japanese font and its setting.</summary>
    public static IServiceCollection AddPortalPdf(this IServiceCollection services)
    {
        services.AddSettings<PdfFontOptions>(PdfFontOptions.Section);
        return services.AddSingleton<JapaneseFont>();
    }
}
