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

    /// <summary>The account's security stamp when its password was accepted, kept in the two-factor cookie.</summary>
    private const string StampClaim = "ccc.pending_stamp";

    /// <summary>
    /// After the password was checked: signs in, or, for an account with a second factor, keeps who is signing in for the code
    /// step in Identity's short-lived two-factor cookie and answers <see cref="SignInResult.TwoFactorRequired"/>. The cookie
    /// also holds the account's security stamp, so a password change, "sign out everywhere" or a reset in the meantime ends
    /// the pending sign-in too (<see cref="PendingTwoFactorUserAsync"/>).
    /// </summary>
    public async Task<SignInResult> PasswordCheckedAsync(PortalUser user)
    {
        if (!await IsTwoFactorEnabledAsync(user))
        {
            return await SignInOrTwoFactorAsync(user, isPersistent: false);
        }

        var identity = new ClaimsIdentity(IdentityConstants.TwoFactorUserIdScheme);
        identity.AddClaim(new Claim(ClaimTypes.Name, user.Id.ToString()));
        identity.AddClaim(new Claim(StampClaim, await UserManager.GetSecurityStampAsync(user)));
        await Context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(identity));
        return SignInResult.TwoFactorRequired;
    }

    /// <summary>
    /// The account whose password this browser gave in the last five minutes, if its security stamp has not changed since;
    /// otherwise null, and the pending sign-in is forgotten.
    /// </summary>
    public async Task<PortalUser?> PendingTwoFactorUserAsync()
    {
        var pending = await Context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        var stamp = pending.Principal?.FindFirstValue(StampClaim);
        var user = await GetTwoFactorAuthenticationUserAsync();
        if (user is not null && stamp is not null && stamp == await UserManager.GetSecurityStampAsync(user))
        {
            return user;
        }

        if (pending.Succeeded)
        {
            await Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        }

        return null;
    }

    public override async Task SignOutAsync()
    {
        if (UserSessions.IdOf(Context.User) is { } sessionId)
        {
            await sessions.EndAsync(sessionId, UserSessions.Reasons.SignedOut, Context.RequestAborted);
        }

        await base.SignOutAsync();
    }
}
