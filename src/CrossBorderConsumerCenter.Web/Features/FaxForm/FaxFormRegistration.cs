namespace CrossBorderConsumerCenter.Web.Features.FaxForm;

public static class FaxFormRegistration
{
    /// <summary>The fax form's page and PDF: the sheet built from the online form, the PDF kept once made (its font: AddPortalPdf).</summary>
    public static IServiceCollection AddFaxForm(this IServiceCollection services) => services
        .AddSingleton<FaxSheets>()
        .AddSingleton<FaxFormPdf>();
}
