namespace CrossBorderConsumerCenter.Web.Features.Counselors;

public static class CounselorsRegistration
{
    /// <summary>Counselors filing for residents, their center's dashboard and cases, and the information they add.</summary>
    public static IServiceCollection AddCounselors(this IServiceCollection services) => services
        .AddScoped<CurrentCounselor>()
        .AddScoped<CounselorDrafts>()
        .AddScoped<ListCenterCases.Handler>()
        .AddScoped<ShowCounselorCase.Handler>()
        .AddScoped<ShowCounselorReceipt.Handler>()
        .AddScoped<AttestConsent.Handler>()
        .AddScoped<AddCaseInformation.Handler>();
}
