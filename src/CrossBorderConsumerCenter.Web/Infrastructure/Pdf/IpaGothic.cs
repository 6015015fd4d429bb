using PdfSharp.Fonts;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Pdf;

/// <summary>
/// PDFsharp's font resolver: the one font the portal's PDFs use (IPA Gothic, read by <see cref="JapaneseFont"/> from
/// <see cref="PdfFontOptions.FontFile"/>), bold drawn by PDFsharp's simulation. PDFsharp takes one resolver per process
/// (GlobalFontSettings), set before any font is used, so the font is installed once: the first bytes read stay for
/// the life of the process.
/// </summary>
public sealed class IpaGothic : IFontResolver
{
    /// <summary>The family name the PDF's fonts ask for.</summary>
    public const string Family = "IPAGothic";

    private static readonly IpaGothic Resolver = new();
    private static readonly Lock Gate = new();

    private byte[]? _font;

    private IpaGothic()
    {
    }

    /// <summary>Makes <paramref name="font"/> PDFsharp's font, unless a font was installed already.</summary>
    public static void Install(byte[] font)
    {
        lock (Gate)
        {
            if (Resolver._font is not null)
            {
                return;
            }

            Resolver._font = font;
            GlobalFontSettings.FontResolver = Resolver;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        string.Equals(familyName, Family, StringComparison.OrdinalIgnoreCase) ? new FontResolverInfo(Family, bold, italic) : null;

    public byte[]? GetFont(string faceName) => faceName == Family ? _font : null;
}
