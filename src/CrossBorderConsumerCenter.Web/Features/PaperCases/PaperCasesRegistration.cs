namespace CrossBorderConsumerCenter.Web.Features.PaperCases;

public static class PaperCasesRegistration
{
    /// <summary>Staff entering cases that came by fax, letter or phone (with the intake's form, rules and steps).</summary>
    public static IServiceCollection AddPaperCases(this IServiceCollection services) => services
        .AddScoped<StaffDrafts>()
        .AddScoped<StartPaperCase.Handler>();
}
