using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;

namespace CrossBorderConsumerCenter.Web.Features.FaxForm;

public static class FaxFormRegistration
{
    /// <summary>The fax form's page and PDF: the sheet built from the online form, the PDF kept once made, the font's setting.</summary>
    public static IServiceCollection AddFaxForm(this IServiceCollection services)
    {
        services.AddSettings<FaxFormOptions>(FaxFormOptions.Section);
        return services
            .AddSingleton<FaxSheets>()
            .AddSingleton<FaxFormPdf>();
    }
}
