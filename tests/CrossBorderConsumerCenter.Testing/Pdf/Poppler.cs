using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CrossBorderConsumerCenter.Testing.Pdf;

/// <summary>
/// Reads a PDF as a person's PDF viewer would, with Debian's poppler-utils (pdftotext, pdfinfo; scripts/test.sh
/// installs them): its text, and the size of each page.
/// </summary>
public static partial class Poppler
{
    /// <summary>The text of every page, in reading order (pdftotext).</summary>
    public static async Task<string> TextAsync(byte[] pdf) => await RunAsync(pdf, "pdftotext", "-enc UTF-8 {0} -");

    /// <summary>The size of each page in points, width by height (pdfinfo).</summary>
    public static async Task<IReadOnlyList<(double Width, double Height)>> PageSizesAsync(byte[] pdf)
    {
        var info = await RunAsync(pdf, "pdfinfo", "-f 1 -l 9999 {0}");
        return [.. PageSize().Matches(info).Select(m => (
            double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
            double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)))];
    }

    /// <summary>A4 in points (210 × 297 mm), within the rounding pdfinfo prints.</summary>
    public static bool IsA4((double Width, double Height) size) => Math.Abs(size.Width - 595.28) < 1 && Math.Abs(size.Height - 841.89) < 1;

    /// <summary>A text with every space and line break taken out: lines a PDF wrapped compare with the text they came from.</summary>
    public static string WithoutSpaces(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static async Task<string> RunAsync(byte[] pdf, string tool, string arguments)
    {
        var file = Path.Combine(Path.GetTempPath(), $"ccc-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo(tool, string.Format(CultureInfo.InvariantCulture, arguments, file))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            }) ?? throw new InvalidOperationException($"{tool} did not start (is poppler-utils installed?).");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return process.ExitCode == 0 ? await output : throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await error}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex(@"Page +\d+ size: +([\d.]+) x ([\d.]+) pts")]
    private static partial Regex PageSize();
}
