using System.Security.Claims;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Accounts;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Security;

/// <summary>
/// Staff and counselor accounts: ASP.NET Core Identity over our PostgreSQL, passwords of at least 12
/// characters without composition rules (NIST 800-63B), lockout after 5 failures for 15 minutes, a session
/// cookie (HttpOnly, SameSite=Lax, Secure unless Portal:EnforceHttps is off) that is re-checked every minute,
/// so a disabled account or a reset password ends its sessions within a minute.
/// </summary>
public static class IdentityRegistration
{
    public const string CookieName = "ccc.session";
    public const string SignInPath = "/account/sign-in";

    public static IServiceCollection AddPortalIdentity(this IServiceCollection services)
    {
        services.AddIdentity<PortalUser, IdentityRole<Guid>>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = true; // "confirmed" = not disabled, see ActiveAccountsOnly
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>();
        services.AddScoped<IUserConfirmation<PortalUser>, ActiveAccountsOnly>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = SignInPath;
            o.LogoutPath = "/account/sign-out";
            o.ReturnUrlParameter = "returnUrl";

            // Signed in but not allowed: a plain 403, shown by the friendly error page.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, SecureSessionCookie>();
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, ReturnToTheFormAfterSignIn>();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddSingleton<IPostConfigureOptions<SecurityStampValidatorOptions>, ClockForStampValidation>();
        services.AddAuthorization(Policies.Add);
        services.AddScoped<AuditTrail>();
        return services;
    }

    /// <summary>A disabled account counts as unconfirmed, so SignInManager refuses it (NotAllowed).</summary>
    private sealed class ActiveAccountsOnly : IUserConfirmation<PortalUser>
    {
        public Task<bool> IsConfirmedAsync(UserManager<PortalUser> manager, PortalUser user) => Task.FromResult(!user.IsDisabled);
    }

    /// <summary>Adds the display name, so pages and the audit trail can name the user without a query.</summary>
    private sealed class PortalClaimsFactory(UserManager<PortalUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
        : UserClaimsPrincipalFactory<PortalUser, IdentityRole<Guid>>(users, roles, options)
    {
        protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
        {
            var identity = await base.GenerateClaimsAsync(user);
            identity.AddClaim(new Claim(PortalClaims.DisplayName, user.DisplayName));
            if (user.MustChangePassword)
            {
                identity.AddClaim(new Claim(PortalClaims.TemporaryPassword, "true"));
            }

            return identity;
        }
    }

    private sealed class SecureSessionCookie(IOptions<PortalOptions> portal) : IPostConfigureOptions<CookieAuthenticationOptions>
    {
        public void PostConfigure(string? name, CookieAuthenticationOptions options) =>
            options.Cookie.SecurePolicy = portal.Value.EnforceHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
    }

    /// <summary>The stamp re-check reads the same clock as the rest of the app (tests move it).</summary>
    private sealed class ClockForStampValidation(TimeProvider clock) : IPostConfigureOptions<SecurityStampValidatorOptions>
    {
        public void PostConfigure(string? name, SecurityStampValidatorOptions options) => options.TimeProvider = clock;
    }
}
