namespace CrossBorderConsumerCenter.Web.Infrastructure.Pdf;

/// <summary>
/// The font of the portal's PDFs (the fax form, the cooling-off notice). PDFsharp has no fonts of its own: their Japanese
/// is written in IPA Gothic, from Debian's package fonts-ipafont-gothic, which the run and test scripts install. The
/// setting keeps the name the fax form, the first PDF, gave it (<c>FaxForm:FontFile</c>), so that deployments which set
/// it keep working. When the file is missing, each PDF's address answers with a page that says so (and the log names the
/// file); the printable pages still work.
/// </summary>
public sealed class PdfFontOptions
{
    public const string Section = "FaxForm";

    /// <summary>A TrueType font with Japanese glyphs (IPA Gothic where Debian's package puts it).</summary>
    public string FontFile { get; set; } = "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf";
}
