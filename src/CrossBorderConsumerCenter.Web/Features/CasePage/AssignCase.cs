using System.Security.Claims;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.CasePage;

/// <summary>Assigns the case to the signed-in staff member, to another active back-office user, or to nobody.</summary>
public static class AssignCase
{
    public sealed class Form : IVersionedCaseForm
    {
        public uint Version { get; set; }

        /// <summary>Who handles the case; empty to leave it unassigned.</summary>
        public Guid? AssigneeId { get; set; }

        public string? TypedText => null;
    }

    /// <summary>Nothing to check without the database: the handler checks that the assignee may take cases.</summary>
    public sealed class Validator : AbstractValidator<Form>;

    public sealed class Handler(CaseChanges changes, AppDbContext db)
    {
        public Task<CaseChanges.Result> HandleAsync(string number, Form form, ClaimsPrincipal user, CancellationToken ct) =>
            changes.RunAsync(number, form.Version, CaseAction.Assign, user, async (c, actor, now) =>
            {
                if (c.AssignedToId == form.AssigneeId)
                {
                    return CaseChanges.Change.Unchanged;
                }

                string? name = null;
                if (form.AssigneeId is { } id)
                {
                    name = await AssignableUsers.Query(db).Where(u => u.Id == id).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
                    if (name is null)
                    {
                        return CaseChanges.Change.Refuse(nameof(Form.AssigneeId), "Assign_NotAssignable");
                    }
                }

                c.Assign(form.AssigneeId, name, actor, now);
                return CaseChanges.Change.Made();
            }, ct);
    }
}

/// <summary>Who may be given a case: active accounts with a back-office role (never a counselor, never a disabled account).</summary>
public static class AssignableUsers
{
    public static IQueryable<PortalUser> Query(AppDbContext db) =>
        db.Users.AsNoTracking().Where(u => !u.IsDisabled
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && Roles.BackOffice.Contains(r.Name!))));
}
