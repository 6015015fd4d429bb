using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CrossBorderConsumerCenter.Web.Features.Counselors;

/// <summary>
/// Every counselor page acts for the counselor's center. This finds it once per request, before the action runs
/// (<see cref="CurrentCounselor"/>); an account without an active center gets the "no center" page with 403 and
/// sees nothing else. Actions read the counselor with <see cref="Of"/>.
/// </summary>
public sealed class CounselorCenterFilter(CurrentCounselor counselors) : IAsyncActionFilter
{
    private static readonly object ItemKey = new();

    /// <summary>The counselor the filter found for this request.</summary>
    public static CounselorIdentity Of(HttpContext http) =>
        http.Items[ItemKey] as CounselorIdentity ?? throw new InvalidOperationException("The counselor's center filter did not run.");

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        if (await counselors.FindAsync(context.HttpContext.User, context.HttpContext.RequestAborted) is not { } me)
        {
            context.Result = context.Controller is Controller controller ? controller.View("NoCenter") : new ViewResult { ViewName = "NoCenter" };
            context.HttpContext.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        context.HttpContext.Items[ItemKey] = me;
        await next();
    }
}
