using System.Security.Claims;
using CrossBorderConsumerCenter.Web.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Security;

/// <summary>
/// Identity's sign-in with sessions the server can end: every sign-in starts a session and writes its id into the cookie
/// (a refresh of the same user's cookie keeps it), every sign-out ends it (ADR 0090).
/// </summary>
public sealed class PortalSignInManager(
    UserManager<PortalUser> users,
    IHttpContextAccessor http,
    IUserClaimsPrincipalFactory<PortalUser> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<PortalUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation,
    UserSessions sessions)
    : SignInManager<PortalUser>(users, http, claims, options, logger, schemes, confirmation)
{
    public override async Task SignInWithClaimsAsync(PortalUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var current = Context.User;
        var sessionId = current.FindFirstValue(ClaimTypes.NameIdentifier) == user.Id.ToString() ? UserSessions.IdOf(current) : null;
        sessionId ??= await sessions.StartAsync(user.Id, Context.RequestAborted);
        await base.SignInWithClaimsAsync(user, authenticationProperties, [.. additionalClaims.Where(c => c.Type != UserSessions.ClaimType), new Claim(UserSessions.ClaimType, sessionId.Value.ToString())]);
    }

    /// <summary>
    /// After the password was checked: signs in, or, for an account with a second factor, keeps who is signing in for the code
    /// step (Identity's short-lived two-factor cookie) and answers <see cref="SignInResult.TwoFactorRequired"/>.
    /// </summary>
    public Task<SignInResult> PasswordCheckedAsync(PortalUser user) => SignInOrTwoFactorAsync(user, isPersistent: false);

    public override async Task SignOutAsync()
    {
        if (UserSessions.IdOf(Context.User) is { } sessionId)
        {
            await sessions.EndAsync(sessionId, UserSessions.Reasons.SignedOut, Context.RequestAborted);
        }

        await base.SignOutAsync();
    }
}
