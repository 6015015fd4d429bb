using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.Account;

public static class AccountRegistration
{
    /// <summary>Sign-in attempts per client address (Accounts:SignInAttemptsPerMinute), counted for every instance together.</summary>
    public const string SignInRateLimit = "sign-in";

    /// <summary>Sign-in and one's own password (staff, supervisors, admins and counselors).</summary>
    public static IServiceCollection AddAccount(this IServiceCollection services)
    {
        services.Configure<RateLimiterOptions>(options => options.AddPolicy(SignInRateLimit, http => RateLimiting.Shared(
            http,
            SignInRateLimit,
            RateLimiting.ClientAddress(http),
            http.RequestServices.GetRequiredService<IOptions<AccountSecurityOptions>>().Value.SignInAttemptsPerMinute,
            TimeSpan.FromMinutes(1))));
        return services
            .AddScoped<SignIn.Handler>()
            .AddScoped<SignInCode.Handler>()
            .AddScoped<SecondFactorAlertEmail>()
            .AddScoped<TwoFactorSetUp.Handler>()
            .AddScoped<ChangePassword.Handler>();
    }
}
