using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Security;

/// <summary>
/// A form sent after the session ended (a note typed for longer than the session lasts, say) leads to the sign-in page,
/// and after signing in back to the page the form was on, not to the address it was sent to: that address only takes a
/// POST, and a GET of it would be a 405. The page is the request's Referer when it is one of this site's pages (the
/// Referrer-Policy is same-origin, so the browser sends it); otherwise the start of the back office. The text itself is
/// kept in the browser until the page confirms it was saved (site.js, <c>data-keep-text</c>).
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
                var page = PageOf(request) ?? "/";
                context.RedirectUri = request.PathBase + options.LoginPath + QueryString.Create(options.ReturnUrlParameter, page);
            }

            return redirect(context);
        };
    }

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
