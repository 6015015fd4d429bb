using System.Security.Claims;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Accounts;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Users;

/// <summary>An admin changes an account's name, email and roles. Two admins at once: the second is told.</summary>
public static class EditUser
{
    public sealed class Form : IAccountFields
    {
        public string Email { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public List<string> Roles { get; set; } = [];
        public Guid? ConsumerCenterId { get; set; }

        /// <summary>Identity's concurrency stamp as the form was loaded.</summary>
        public string ConcurrencyStamp { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<UsersText> l) => Include(new AccountFieldsValidator(l));
    }

    public enum Outcome
    {
        Saved,
        NotFound,
        ChangedBySomeoneElse,
        Refused,
        IdentityErrors,
    }

    public sealed record Result(Outcome Outcome, AccountChangeRefusal? Refusal = null, IReadOnlyList<IdentityError>? Errors = null);

    public sealed class Handler(UserManager<PortalUser> users, UserAdministration admin, AuditTrail audit, AppDbContext db)
    {
        public async Task<Result> HandleAsync(ClaimsPrincipal actor, Guid userId, Form form, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(userId.ToString());
            if (user is null)
            {
                return new Result(Outcome.NotFound);
            }

            if (user.ConcurrencyStamp != form.ConcurrencyStamp)
            {
                return new Result(Outcome.ChangedBySomeoneElse);
            }

            // A counselor may stay at a center made inactive meanwhile, but not be moved to one.
            if (form.ConsumerCenterId is { } centerId && centerId != user.ConsumerCenterId && !await admin.IsActiveCenterAsync(centerId, ct))
            {
                return new Result(Outcome.IdentityErrors, Errors: [UserAdministration.InactiveCenterError]);
            }

            var currentRoles = await admin.RolesOfAsync(user);
            var newRoles = form.Roles.Distinct().Order().ToList();
            var refusal = AccountRules.CheckRoles(ActorId(actor), user.Id, currentRoles, newRoles, user.IsDisabled, await admin.ActiveAdminCountAsync(ct));
            if (refusal is not null)
            {
                return new Result(Outcome.Refused, refusal);
            }

            var before = Snapshot(user, currentRoles);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            user.DisplayName = form.DisplayName.Trim();
            user.ConsumerCenterId = form.ConsumerCenterId;
            var email = form.Email.Trim();
            if (!string.Equals(user.Email, email, StringComparison.OrdinalIgnoreCase))
            {
                await users.SetEmailAsync(user, email);
                await users.SetUserNameAsync(user, email);
                user.EmailConfirmed = true;
            }

            var updated = await users.UpdateAsync(user);
            if (!updated.Succeeded)
            {
                return updated.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))
                    ? new Result(Outcome.ChangedBySomeoneElse)
                    : new Result(Outcome.IdentityErrors, Errors: updated.Errors.ToList());
            }

            var removed = currentRoles.Except(newRoles).ToList();
            var added = newRoles.Except(currentRoles).ToList();
            if (removed.Count > 0)
            {
                await users.RemoveFromRolesAsync(user, removed);
            }

            if (added.Count > 0)
            {
                await users.AddToRolesAsync(user, added);
            }

            if (removed.Count > 0 || added.Count > 0)
            {
                // Role changes take effect in the user's sessions within a minute.
                await users.UpdateSecurityStampAsync(user);
                audit.Record(AuditAction.UserRolesChanged, "User", user.Id.ToString(), details: new { before = currentRoles, after = newRoles });
            }

            var changes = AuditTrail.Changes(before, Snapshot(user, newRoles));
            changes.Remove("roles");
            if (changes.Count > 0)
            {
                audit.Record(AuditAction.UserUpdated, "User", user.Id.ToString(), details: changes);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new Result(Outcome.Saved);
        }

        private static Dictionary<string, object?> Snapshot(PortalUser user, IReadOnlyList<string> roles) => new()
        {
            ["email"] = user.Email,
            ["displayName"] = user.DisplayName,
            ["roles"] = string.Join(',', roles),
            ["consumerCenterId"] = user.ConsumerCenterId,
        };
    }

    internal static Guid ActorId(ClaimsPrincipal actor) => Guid.Parse(actor.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
