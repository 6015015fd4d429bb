using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Accounts;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Users;

/// <summary>An admin creates an account with its roles; the portal generates a temporary password shown once.</summary>
public static class CreateUser
{
    public sealed class Form : IAccountFields
    {
        public string Email { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public List<string> Roles { get; set; } = [];
        public Guid? ConsumerCenterId { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<UsersText> l) => Include(new AccountFieldsValidator(l));
    }

    public sealed record Result(Guid? UserId, string? TemporaryPassword, IReadOnlyList<IdentityError> Errors);

    public sealed class Handler(UserManager<PortalUser> users, AuditTrail audit, AppDbContext db, UserAdministration admin, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(Form form, CancellationToken ct)
        {
            if (form.ConsumerCenterId is { } centerId && !await admin.IsActiveCenterAsync(centerId, ct))
            {
                return new Result(null, null, [UserAdministration.InactiveCenterError]);
            }

            var email = form.Email.Trim();
            var user = new PortalUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = form.DisplayName.Trim(),
                CreatedAt = clock.GetUtcNow(),
                ConsumerCenterId = form.ConsumerCenterId,
                MustChangePassword = true,
            };
            var password = PasswordGenerator.Generate();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                return new Result(null, null, created.Errors.ToList());
            }

            var roles = form.Roles.Distinct().Order().ToList();
            var assigned = await users.AddToRolesAsync(user, roles);
            if (!assigned.Succeeded)
            {
                return new Result(null, null, assigned.Errors.ToList());
            }

            audit.Record(AuditAction.UserCreated, "User", user.Id.ToString(), details: new { email, displayName = user.DisplayName, roles, consumerCenterId = user.ConsumerCenterId });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new Result(user.Id, password, []);
        }
    }
}
