using Microsoft.AspNetCore.Mvc;

namespace CrossBorderConsumerCenter.Web.Features.FaxForm;

/// <summary>
/// The fax form for consumers without internet: the page (printable on A4, the form in Japanese whatever the visitor's
/// language) and the same form as a PDF.
/// </summary>
public sealed class FaxFormController(FaxSheets sheets, FaxFormPdf pdf) : Controller
{
    [HttpGet("/fax-form")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await sheets.CurrentAsync(ct));

    [HttpGet("/fax-form.pdf")]
    public async Task<IActionResult> Pdf(CancellationToken ct)
    {
        if (await pdf.CurrentAsync(ct) is not { } document)
        {
            // The font is missing (logged): say so in the visitor's language, and point to the page, which prints without it.
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return View("PdfUnavailable");
        }

        return File(document, "application/pdf", "fax-form.pdf");
    }
}
