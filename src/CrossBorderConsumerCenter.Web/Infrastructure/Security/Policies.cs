using CrossBorderConsumerCenter.Web.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Security;

/// <summary>Authorization policies; back-office controllers carry one at class level.</summary>
public static class Policies
{
    /// <summary>Staff, Supervisor or Admin: the back office.</summary>
    public const string Staff = "Staff";

    /// <summary>Supervisor or Admin.</summary>
    public const string Supervisor = "Supervisor";

    /// <summary>Admin only: accounts, partner agencies, the email outbox, the audit trail.</summary>
    public const string Admin = "Admin";

    /// <summary>Local consumer counselors.</summary>
    public const string Counselor = "Counselor";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Staff, p => p.RequireAuthenticatedUser().RequireRole(Roles.BackOffice));
        options.AddPolicy(Supervisor, p => p.RequireAuthenticatedUser().RequireRole(Roles.Supervisor, Roles.Admin));
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        options.AddPolicy(Counselor, p => p.RequireAuthenticatedUser().RequireRole(Roles.Counselor));
    }
}
