namespace CrossBorderConsumerCenter.Web.Features.Cases;

public static class CasesRegistration
{
    /// <summary>What several features do to a case: adding a consumer's or a counselor's information with files; the email of a decline.</summary>
    public static IServiceCollection AddCases(this IServiceCollection services) => services
        .AddScoped<CaseAdditions>()
        .AddSingleton<DeclineNotice>();
}
