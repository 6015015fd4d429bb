using Microsoft.AspNetCore.Mvc;

namespace CrossBorderConsumerCenter.Web.Features.Home;

public sealed class HomeController : Controller
{
    [HttpGet("/")]
    public IActionResult Index() => View();
}
