namespace CrossBorderConsumerCenter.Web.Features.Supervisor;

public static class SupervisorRegistration
{
    /// <summary>The supervisor's overview at /staff/supervisor: workload per staff member, overdue, oldest waiting, partner answers.</summary>
    public static IServiceCollection AddSupervisor(this IServiceCollection services) => services
        .AddScoped<ShowOverview.Handler>();
}
