using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Security;

/// <summary>Marks the actions a user with a temporary password may still reach: choosing a new one, and signing out.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AllowedWithTemporaryPasswordAttribute : Attribute;

/// <summary>
/// A temporary password (issued by an admin or the command line, known to whoever handed it over) must be replaced at
/// the first sign-in before anything else is reachable: every signed-in page and action answers with a redirect to the
/// password page until then. Public pages, open to anyone, are not affected.
/// </summary>
public sealed class TemporaryPasswordFilter : IAuthorizationFilter, IOrderedFilter
{
    public const string PasswordPath = "/account/password";

    // After the authorization policies: a user who may not open a page at all still gets the plain 403.
    public int Order => 1000;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var user = context.HttpContext.User;
        if (user.Identity?.IsAuthenticated != true || !user.HasClaim(c => c.Type == PortalClaims.TemporaryPassword))
        {
            return;
        }

        var metadata = context.ActionDescriptor.EndpointMetadata;
        var signedInOnly = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        if (!signedInOnly || metadata.OfType<AllowedWithTemporaryPasswordAttribute>().Any())
        {
            return;
        }

        var request = context.HttpContext.Request;
        var returnUrl = HttpMethods.IsGet(request.Method) ? request.PathBase + request.Path + request.QueryString : null;
        context.Result = new RedirectResult(returnUrl is null ? PasswordPath : PasswordPath + "?returnUrl=" + Uri.EscapeDataString(returnUrl));
    }
}
