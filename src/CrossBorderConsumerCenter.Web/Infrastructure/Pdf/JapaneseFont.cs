using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Pdf;

/// <summary>
/// Gives PDFsharp the Japanese font before a PDF is drawn: reads <see cref="PdfFontOptions.FontFile"/> once and installs
/// it as <see cref="IpaGothic"/>. When the file cannot be read it logs an error naming the file and the package, and
/// says so, so that the PDF's address can answer with a page instead of a failure.
/// </summary>
public sealed partial class JapaneseFont(IOptions<PdfFontOptions> options, ILogger<JapaneseFont> logger)
{
    private volatile bool _installed;

    /// <summary>True when PDFsharp can draw in <see cref="IpaGothic.Family"/>; false (logged) when the font file cannot be read.</summary>
    public async Task<bool> InstallAsync(CancellationToken ct)
    {
        if (_installed)
        {
            return true;
        }

        var fontFile = options.Value.FontFile;
        try
        {
            IpaGothic.Install(await File.ReadAllBytesAsync(fontFile, ct));
            _installed = true;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            LogFontMissing(logger, fontFile, ex.GetType().Name);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A PDF cannot be made: the Japanese font {FontFile} cannot be read ({Problem}). Install Debian's fonts-ipafont-gothic or set FaxForm:FontFile.")]
    private static partial void LogFontMissing(ILogger logger, string fontFile, string problem);
}
