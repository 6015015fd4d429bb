using System.Data.Common;
using System.Runtime.ExceptionServices;
using System.Security.Claims;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Accounts;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Security;

/// <summary>
/// Staff and counselor accounts: ASP.NET Core Identity over our PostgreSQL, passwords of at least 12
/// characters without composition rules (NIST 800-63B), a session cookie (HttpOnly, SameSite=Lax, Secure unless
/// Portal:EnforceHttps is off) naming a server-side session checked on every request (<see cref="UserSessions"/>), and the
/// security stamp re-checked every minute (roles).
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
                o.Lockout.AllowedForNewUsers = false; // no account is ever locked: failures hold back a client, not the owner (SignIn)
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = true; // "confirmed" = not disabled, see ActiveAccountsOnly
                o.Tokens.AuthenticatorTokenProvider = AuthenticatorTokenProvider.ProviderName; // the portal's clock, no replay
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<AuthenticatorTokenProvider>(AuthenticatorTokenProvider.ProviderName)
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>()
            .AddUserManager<PortalUserManager>()
            .AddSignInManager<PortalSignInManager>();
        services.AddScoped<IUserConfirmation<PortalUser>, ActiveAccountsOnly>();
        services.AddSingleton<UserSessions>();
        services.AddScoped<SecondFactorAttempts>();

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

            // Every request: the session is still open (ADR 0090); once a minute: the security stamp, which refreshes the roles.
            o.Events.OnValidatePrincipal = ValidateSessionAsync;

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

    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        try
        {
            await CheckSessionAsync(context);
        }
        catch (Exception ex) when (ex is DbException or TimeoutException)
        {
            // The database failed the check. The request fails (UseSessionCheckFailures, after authentication), but the
            // error page that says so must not need the database: authentication's result is kept for the request, so
            // it is this rejection, and the page is shown as to a visitor who is not signed in (ADR 0090).
            context.RejectPrincipal();
            context.HttpContext.Features.Set(new SessionCheckFailure(ExceptionDispatchInfo.Capture(ex)));
        }
    }

    /// <summary>Fails the request whose session check met a database failure (once: not the error page it re-executes).</summary>
    public static IApplicationBuilder UseSessionCheckFailures(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        if (http.Features.Get<SessionCheckFailure>() is { } failure && http.Features.Get<IExceptionHandlerFeature>() is null)
        {
            failure.Exception.Throw();
        }

        return next(http);
    });

    private sealed record SessionCheckFailure(ExceptionDispatchInfo Exception);

    private static async Task CheckSessionAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<UserSessions>();
        var userId = Guid.TryParse(context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;
        if (UserSessions.IdOf(context.Principal) is not { } sessionId || !await sessions.IsActiveAsync(sessionId, userId, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    /// <summary>A disabled account counts as unconfirmed, so SignInManager refuses it (NotAllowed).</summary>
    private sealed class ActiveAccountsOnly : IUserConfirmation<PortalUser>
    {
        public Task<bool> IsConfirmedAsync(UserManager<PortalUser> manager, PortalUser user) => Task.FromResult(!user.IsDisabled);
    }

    /// <summary>
    /// Adds the display name, so pages and the audit trail can name the user without a query, and what must be done before
    /// any work: a temporary password replaced, a second factor set up where the roles or the settings require one. Roles
    /// are read again every minute (the stamp check), so a role that requires a second factor applies within a minute.
    /// </summary>
    private sealed class PortalClaimsFactory(
        UserManager<PortalUser> users,
        RoleManager<IdentityRole<Guid>> roles,
        IOptions<IdentityOptions> options,
        IOptions<AccountSecurityOptions> accounts)
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

            var roleNames = identity.FindAll(Options.ClaimsIdentity.RoleClaimType).Select(c => c.Value);
            if (!user.TwoFactorEnabled && Domain.Accounts.Roles.NeedSecondFactor(roleNames, accounts.Value.RequireTwoFactorForEveryone))
            {
                identity.AddClaim(new Claim(PortalClaims.SecondFactorSetUpRequired, "true"));
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
        public void PostConfigure(string? name, SecurityStampValidatorOptions options)
        {
            options.TimeProvider = clock;

            // The refreshed cookie keeps its session and how the user signed in (password, or with a second factor).
            options.OnRefreshingPrincipal = context =>
            {
                var kept = context.CurrentPrincipal?.Claims.Where(c => c.Type is UserSessions.ClaimType or "amr").ToList() ?? [];
                if (kept.Count > 0 && context.NewPrincipal?.Identity is ClaimsIdentity identity)
                {
                    identity.AddClaims(kept.Select(c => new Claim(c.Type, c.Value)));
                }

                return Task.CompletedTask;
            };
        }
    }
}
