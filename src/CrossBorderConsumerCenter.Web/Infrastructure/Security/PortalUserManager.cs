using CrossBorderConsumerCenter.Web.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Security;

/// <summary>
/// Identity's user manager without account lockout: no account is ever locked (failures hold back a client, ADR 0091), so
/// Identity's failed-attempt bookkeeping is off too. It wrote the account's row at every wrong code, and parallel wrong
/// codes for one account then failed each other with a concurrency error.
/// </summary>
public sealed class PortalUserManager(
    IUserStore<PortalUser> store,
    IOptions<IdentityOptions> options,
    IPasswordHasher<PortalUser> hasher,
    IEnumerable<IUserValidator<PortalUser>> userValidators,
    IEnumerable<IPasswordValidator<PortalUser>> passwordValidators,
    ILookupNormalizer normalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<PortalUser>> logger)
    : UserManager<PortalUser>(store, options, hasher, userValidators, passwordValidators, normalizer, errors, services, logger)
{
    public override bool SupportsUserLockout => false;
}
