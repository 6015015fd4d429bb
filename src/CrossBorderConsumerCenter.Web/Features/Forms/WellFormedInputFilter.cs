using CrossBorderConsumerCenter.Web.Domain.Contact;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CrossBorderConsumerCenter.Web.Features.Forms;

/// <summary>
/// The one place where every input of every page is refused when it holds what no person types and no column can keep:
/// a NUL, half of a surrogate pair or a noncharacter (<see cref="TextInput.IsWellFormed"/>), in the query string, a route value, a posted
/// field's name or value, or an uploaded file's name. The answer is 400 with a page in the visitor's language that says
/// so (the browser's back button keeps what was typed); nothing behind it ever sees such text.
/// Runs after antiforgery and the request size limits (authorization filters), before model binding.
/// </summary>
public sealed class WellFormedInputFilter : IAsyncResourceFilter
{
    public const string ViewPath = "/Features/Forms/UnreadableInput.cshtml";

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;

        // The error pages re-executed for a request (possibly this very one) only show; they read none of its input.
        if (http.Features.Get<IStatusCodeReExecuteFeature>() is null && http.Features.Get<IExceptionHandlerFeature>() is null
            && !await IsWellFormedAsync(http, context.RouteData.Values))
        {
            context.Result = new ViewResult
            {
                ViewName = ViewPath,
                StatusCode = StatusCodes.Status400BadRequest,
                ViewData = new ViewDataDictionary(new Microsoft.AspNetCore.Mvc.ModelBinding.EmptyModelMetadataProvider(), context.ModelState),
            };
            return;
        }

        await next();
    }

    private static async Task<bool> IsWellFormedAsync(HttpContext http, RouteValueDictionary route)
    {
        if (http.Request.Query.Any(q => !TextInput.IsWellFormed(q.Key) || q.Value.Any(v => v is not null && !TextInput.IsWellFormed(v))))
        {
            return false;
        }

        if (route.Values.Any(v => v is string s && !TextInput.IsWellFormed(s)))
        {
            return false;
        }

        if (!http.Request.HasFormContentType)
        {
            return true;
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        return !form.Any(f => !TextInput.IsWellFormed(f.Key) || f.Value.Any(v => v is not null && !TextInput.IsWellFormed(v)))
            && form.Files.All(f => TextInput.IsWellFormed(f.FileName) && TextInput.IsWellFormed(f.Name));
    }
}
