using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace CrossBorderConsumerCenter.Web.Features.Pages;

/// <summary>The FAQ and the privacy notice, in the visitor's language.</summary>
public sealed class PagesController(MarkdownPages pages) : Controller
{
    [HttpGet("/faq")]
    public IActionResult Faq() => Show("faq");

    [HttpGet("/privacy")]
    public IActionResult Privacy() => Show("privacy");

    private ViewResult Show(string name) => View("Page", pages.Get(name, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName));
}
