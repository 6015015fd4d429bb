using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;

namespace CrossBorderConsumerCenter.Web.Features.Clocks;

public static class ClocksRegistration
{
    /// <summary>The case clocks: deadlines acted on by a worker in every instance.</summary>
    public static IServiceCollection AddClocks(this IServiceCollection services)
    {
        services.AddSettings<ClocksOptions, ClocksOptions.Validator>(ClocksOptions.Section);
        return services
            .AddSingleton<RunCaseClocks>()
            .AddHostedService<CaseClocksWorker>();
    }
}
