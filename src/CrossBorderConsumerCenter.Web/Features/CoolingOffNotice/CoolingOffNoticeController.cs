using CrossBorderConsumerCenter.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.CoolingOffNotice;

/// <summary>
/// The cooling-off notice: a form (GET), the filled-in postcards (POST) and the same as a PDF (POST). The form's values
/// travel only in the request: nothing is stored, logged or cached (ADR 0078), which is why showing the notice and making
/// its PDF are posts, and why every answer says no-store.
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class CoolingOffNoticeController(
    IValidator<WriteNotice.Form> validator,
    IStringLocalizer<CoolingOffNoticeText> text,
    NoticePdf pdf,
    TimeProvider clock) : Controller
{
    [HttpGet("/cooling-off/notice")]
    public IActionResult Form(string? kind, string? credit) =>
        View("Form", WriteNotice.Start(kind, string.Equals(credit, "true", StringComparison.OrdinalIgnoreCase), clock));

    /// <summary>The postcards; with <paramref name="edit"/> (the notice page's "change" button), the form again with the values.</summary>
    [HttpPost("/cooling-off/notice")]
    public async Task<IActionResult> Notice(WriteNotice.Form form, bool edit, CancellationToken ct)
    {
        if (edit)
        {
            return View("Form", form);
        }

        var result = await validator.ValidateAsync(form, ct);
        if (!result.IsValid)
        {
            result.AddToModelState(ModelState);
            return View("Form", form);
        }

        return View("Notice", new NoticePage(form, NoticePostcards.From(form, text), PdfUnavailable: false));
    }

    [HttpPost("/cooling-off/notice.pdf")]
    public async Task<IActionResult> Pdf(WriteNotice.Form form, CancellationToken ct)
    {
        var result = await validator.ValidateAsync(form, ct);
        if (!result.IsValid)
        {
            result.AddToModelState(ModelState);
            return View("Form", form);
        }

        var postcards = NoticePostcards.From(form, text);
        if (await pdf.RenderAsync(postcards, postcards.Cards[0].Title, ct) is not { } document)
        {
            // The font is missing (logged): the notice's page again, which prints without it, saying the PDF could not be made.
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return View("Notice", new NoticePage(form, postcards, PdfUnavailable: true));
        }

        return File(document, "application/pdf", "cooling-off-notice.pdf");
    }
}

/// <summary>The notice's page: the postcards, and the form's values kept in hidden fields for the PDF and for changing them.</summary>
public sealed record NoticePage(WriteNotice.Form Form, NoticePostcards Postcards, bool PdfUnavailable);
