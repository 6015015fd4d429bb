namespace CrossBorderConsumerCenter.Web.Features.Users;

public static class UsersRegistration
{
    /// <summary>Account administration by admins: create, edit, disable, reset a password.</summary>
    public static IServiceCollection AddUsers(this IServiceCollection services) => services
        .AddScoped<UserAdministration>()
        .AddScoped<ListUsers.Handler>()
        .AddScoped<CreateUser.Handler>()
        .AddScoped<EditUser.Handler>()
        .AddScoped<SetUserEnabled.Handler>()
        .AddScoped<ResetUserPassword.Handler>()
        .AddScoped<ResetUserTwoFactor.Handler>();
}
