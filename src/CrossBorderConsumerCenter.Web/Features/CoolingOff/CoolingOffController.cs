using CrossBorderConsumerCenter.Web.Domain.CoolingOff;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;
using CrossBorderConsumerCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.CoolingOff;

/// <summary>
/// The cooling-off checker (/cooling-off): a GET form whose answer is a link, so that a counselor can send it; the table
/// it rests on, row by row with its legal basis; and the way to cancel, with the printable notice.
/// </summary>
public sealed class CoolingOffController(CheckCoolingOff.Validator validator, IStringLocalizer<CoolingOffText> text, TimeProvider clock) : Controller
{
    [HttpGet("/cooling-off")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var form = CheckCoolingOff.Form.From(Request.Query);
        var today = LocalizationRegistration.JapanToday(clock);
        if (!form.Asked)
        {
            return View(new CoolingOffPage(form, null, today));
        }

        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState);
            return View(new CoolingOffPage(form, null, today));
        }

        var answer = CoolingOffCheck.Answer(form.Question(), today);
        if (answer.Verdict == CoolingOffVerdict.NeedsDate)
        {
            var missing = answer.Row?.Start == CoolingOffStart.MoveIn ? "Error_DocumentMissing_MoveIn" : "Error_DocumentMissing";
            ModelState.AddModelError(CheckCoolingOff.Document, text[missing, text[CheckCoolingOff.DocumentLabelKey(answer.Question.Kind)]]);
            return View(new CoolingOffPage(form, null, today));
        }

        return View(new CoolingOffPage(form, answer, today));
    }
}

/// <summary>The checker's page: the form as asked, and the answer when there is one.</summary>
public sealed record CoolingOffPage(CheckCoolingOff.Form Form, CoolingOffAnswer? Answer, DateOnly Today);
