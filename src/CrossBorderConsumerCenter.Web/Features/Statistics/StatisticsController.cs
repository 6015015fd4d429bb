using CrossBorderConsumerCenter.Web.Infrastructure.Validation;
using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Statistics;

/// <summary>
/// The statistics for the back office (<see cref="Policies.Staff"/>): the page, each of its tables as CSV, and, for
/// supervisors and admins only (<see cref="Policies.Supervisor"/>), the de-identified record of every case of the period.
/// </summary>
[Authorize(Policy = Policies.Staff)]
[Route("staff/statistics")]
public sealed class StatisticsController(
    ShowStatistics.Handler handler, IValidator<ShowStatistics.Form> validator, ReadCaseFacts.Handler facts,
    IStringLocalizer<StatisticsText> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ShowStatistics.Form form, CancellationToken ct)
    {
        ModelState.Clear();
        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState);
            return View(new ShowStatistics.Page(form, null, null, ""));
        }

        return View(await handler.HandleAsync(form, ct));
    }

    [HttpGet("tables/{table}.csv")]
    public async Task<IActionResult> Table(string table, [FromQuery] ShowStatistics.Form form, CancellationToken ct)
    {
        if (!StatisticsTables.Ids.Contains(table, StringComparer.Ordinal))
        {
            return NotFound();
        }

        if (!(await validator.ValidateAsync(form, ct)).IsValid)
        {
            // The page says what is wrong with the period.
            return Redirect("/staff/statistics" + Request.QueryString);
        }

        var page = await handler.HandleAsync(form, ct);
        var csv = StatisticsCsv.Table((await page.Figures!.TablesAsync()).Single(x => x.Id == table), t["Column_Code"]);
        return File(csv, StatisticsCsv.ContentType, StatisticsCsv.FileName("statistics-" + table, page.Period!));
    }

    [HttpGet("records.csv")]
    [Authorize(Policy = Policies.Supervisor)]
    public async Task<IActionResult> Records([FromQuery] ShowStatistics.Form form, CancellationToken ct)
    {
        if (!(await validator.ValidateAsync(form, ct)).IsValid)
        {
            return Redirect("/staff/statistics" + Request.QueryString);
        }

        var period = form.ToPeriod(handler.Today);
        var records = DeidentifiedRecord.From(await facts.HandleAsync(period, ct));
        return File(StatisticsCsv.Records(records), StatisticsCsv.ContentType, StatisticsCsv.FileName("deidentified-cases", period));
    }
}
