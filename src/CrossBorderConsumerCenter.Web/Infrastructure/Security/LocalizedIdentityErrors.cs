using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Security;

/// <summary>Identity's error messages in the visitor's language (SharedResource, keys "Identity_*").</summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<SharedResource> l) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError));
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure));
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch));
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail));
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail));
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateEmail));
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidEmail));
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = l["Identity_PasswordTooShort", length] };
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(DefaultError));

    private IdentityError Error(string code) => new() { Code = code, Description = l["Identity_" + code] };
}
