namespace CrossBorderConsumerCenter.Web.Features.CoolingOffNotice;

public static class CoolingOffNoticeRegistration
{
    /// <summary>The cooling-off notice: the form, its postcards and their PDF (its validator: AddForms; its font: AddPortalPdf). Nothing is stored.</summary>
    public static IServiceCollection AddCoolingOffNotice(this IServiceCollection services) => services.AddSingleton<NoticePdf>();
}
