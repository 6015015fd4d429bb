using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Security;

/// <summary>
/// A form sent after the session ended (a note typed for longer than the session lasts, say) leads to the sign-in page,
/// and after signing in back to the page the form was on, not to the address it was sent to: that address only takes a
/// POST, and a GET of it would be a 405. The page is the request's Referer when it is one of this site's pages (the
/// Referrer-Policy is same-origin, so the browser sends it); otherwise the start of the back office. A form refused is
/// shown again at the address it was sent to (<c>/staff/cases/{number}/notes</c>, <c>.../forward/preview</c>), so the
/// Referer of the next sending can be such an address too: then the nearest address above it that a GET reaches is the
/// page (the case page, the compose page). The text itself is kept in the browser until the page confirms it was saved
/// (site.js, <c>data-keep-text</c>).
/// </summary>
public sealed class ReturnToTheFormAfterSignIn : IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var redirect = options.Events.OnRedirectToLogin;
        options.Events.OnRedirectToLogin = context =>
        {
            var request = context.Request;
            if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
            {
                var page = PageOf(request) is { } referer ? PageToReturnTo(referer, context.HttpContext.RequestServices.GetRequiredService<EndpointDataSource>()) : "/";
                context.RedirectUri = request.PathBase + options.LoginPath + QueryString.Create(options.ReturnUrlParameter, page);
            }

            return redirect(context);
        };
    }

    /// <summary>
    /// <paramref name="page"/> when a GET reaches its path; otherwise the nearest path above it that a GET reaches (the
    /// query left behind: it belonged to the address below), or the start.
    /// </summary>
    public static string PageToReturnTo(string page, EndpointDataSource endpoints)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(endpoints);
        var queryAt = page.IndexOf('?', StringComparison.Ordinal);
        var path = queryAt < 0 ? page : page[..queryAt];
        if (Gettable(path, endpoints))
        {
            return page;
        }

        for (var slash = path.TrimEnd('/').LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/'))
        {
            path = path[..slash];
            if (Gettable(path, endpoints))
            {
                return path;
            }
        }

        return "/";
    }

    private static bool Gettable(string path, EndpointDataSource endpoints) =>
        endpoints.Endpoints.OfType<RouteEndpoint>().Any(endpoint =>
            endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains(HttpMethods.Get)
                ? new TemplateMatcher(new RouteTemplate(endpoint.RoutePattern), []).TryMatch(path, [])
                : false);

    /// <summary>The path and query of the page that sent the form, when it is a page of this site.</summary>
    public static string? PageOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referer)
            || !string.Equals(referer.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
            || (referer.Scheme != Uri.UriSchemeHttp && referer.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var page = referer.PathAndQuery;
        return page.StartsWith('/') && !page.StartsWith("//", StringComparison.Ordinal) && !page.StartsWith("/\\", StringComparison.Ordinal) ? page : null;
    }
}
