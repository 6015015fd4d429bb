using CrossBorderConsumerCenter.Web.Data.Accounts;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Users;

/// <summary>The fields an admin fills in for an account, shared by "create" and "edit".</summary>
public interface IAccountFields
{
    string Email { get; }
    string DisplayName { get; }
    List<string> Roles { get; }

    /// <summary>The consumer center of a counselor account (required for the Counselor role, absent otherwise).</summary>
    Guid? ConsumerCenterId { get; }
}

public sealed class AccountFieldsValidator : AbstractValidator<IAccountFields>
{
    public AccountFieldsValidator(IStringLocalizer<UsersText> l)
    {
        RuleFor(f => f.Email).NotEmpty().WithMessage(_ => l["User_EmailRequired"])
            .MaximumLength(256).WithMessage(_ => l["User_EmailTooLong"])
            .EmailAddress().WithMessage(_ => l["User_EmailInvalid"]);
        RuleFor(f => f.DisplayName).NotEmpty().WithMessage(_ => l["User_NameRequired"])
            .MaximumLength(PortalUser.MaxDisplayNameLength).WithMessage(_ => l["User_NameTooLong", PortalUser.MaxDisplayNameLength]);
        RuleFor(f => f.Roles).Cascade(CascadeMode.Stop).NotEmpty().WithMessage(_ => l["User_RoleRequired"])
            .Must(r => Domain.Accounts.Roles.IsValidCombination(r)).WithMessage(_ => l["User_RoleCombination"]);
        // Two rules: a When on one chain would also condition the validators before it.
        RuleFor(f => f.ConsumerCenterId).NotNull().When(f => f.Roles.Contains(Domain.Accounts.Roles.Counselor)).WithMessage(_ => l["User_CenterRequired"]);
        RuleFor(f => f.ConsumerCenterId).Null().When(f => !f.Roles.Contains(Domain.Accounts.Roles.Counselor)).WithMessage(_ => l["User_CenterOnlyForCounselors"]);
    }
}
