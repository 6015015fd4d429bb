namespace CrossBorderConsumerCenter.Web.Features.FaxForm;

/// <summary>
/// The fax form's PDF (section "FaxForm"). PDFsharp has no fonts of its own: the Japanese of the form is written in
/// IPA Gothic, from Debian's package fonts-ipafont-gothic, which the run and test scripts install. When the file is
/// missing, the PDF's address answers with a page that says so (and the log names the file); the form's page still works.
/// </summary>
public sealed class FaxFormOptions
{
    public const string Section = "FaxForm";

    /// <summary>A TrueType font with Japanese glyphs (IPA Gothic where Debian's package puts it).</summary>
    public string FontFile { get; set; } = "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf";
}
