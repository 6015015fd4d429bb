using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.Language;

/// <summary>The language switch in the header: remembers the choice in a cookie and returns to the page.</summary>
public sealed class LanguageController(IOptions<PortalOptions> portal) : Controller
{
    [HttpPost("/language")]
    public IActionResult Switch([FromForm] string? culture, [FromForm] string? returnUrl)
    {
        if (SupportedCultures.IsSupported(culture))
        {
            LocalizationRegistration.RememberCulture(Response, culture!, secure: portal.Value.EnforceHttps || Request.IsHttps);
        }

        return LocalRedirect(returnUrl is not null && Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
