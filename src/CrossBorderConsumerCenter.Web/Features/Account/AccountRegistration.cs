namespace CrossBorderConsumerCenter.Web.Features.Account;

public static class AccountRegistration
{
    /// <summary>Sign-in and one's own password (staff, supervisors, admins and counselors).</summary>
    public static IServiceCollection AddAccount(this IServiceCollection services) => services
        .AddScoped<SignIn.Handler>()
        .AddScoped<ChangePassword.Handler>();
}
