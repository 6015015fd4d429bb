using CrossBorderConsumerCenter.Web.Infrastructure.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CrossBorderConsumerCenter.Web.Features.CoolingOffNotice;

/// <summary>
/// The notice's postcards as a PDF, one page of a Japanese postcard's size (100 × 148 mm) per side: the message side of
/// each postcard, and its address side after it when asked for. Drawn from the same <see cref="NoticePostcards"/> as the
/// page, in IPA Gothic; made for the request and never kept.
/// </summary>
public sealed class NoticePdf(JapaneseFont font)
{
    /// <summary>The PDF; null when the font is missing (logged by <see cref="JapaneseFont"/>).</summary>
    public async Task<byte[]?> RenderAsync(NoticePostcards postcards, string title, CancellationToken ct) =>
        await font.InstallAsync(ct) ? Render(postcards, title) : null;

    public static byte[] Render(NoticePostcards postcards, string title)
    {
        ArgumentNullException.ThrowIfNull(postcards);
        using var document = new PdfDocument();
        document.Info.Title = title;
        foreach (var card in postcards.Cards)
        {
            using (var side = new Side(document))
            {
                side.Message(card);
            }

            if (postcards.AddressSide)
            {
                using var side = new Side(document);
                side.Address(card);
            }
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>One side of a postcard: a page of 100 × 148 mm, drawn top to bottom (points, origin top left).</summary>
    private sealed class Side : IDisposable
    {
        private static readonly double PageWidth = XUnit.FromMillimeter(100).Point;
        private static readonly double PageHeight = XUnit.FromMillimeter(148).Point;
        private static readonly double Margin = XUnit.FromMillimeter(9).Point;
        private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
        private static readonly XPen Rule = new(XColors.Black, 0.8);

        // Made here, not as static fields: a font is resolved when it is made, and the resolver is installed just before.
        private readonly XFont _body = new(IpaGothic.Family, 10, XFontStyleEx.Regular, Unicode);
        private readonly XFont _bold = new(IpaGothic.Family, 10, XFontStyleEx.Bold, Unicode);
        private readonly XFont _title = new(IpaGothic.Family, 16, XFontStyleEx.Bold, Unicode);
        private readonly XFont _small = new(IpaGothic.Family, 8.5, XFontStyleEx.Regular, Unicode);
        private readonly XFont _toName = new(IpaGothic.Family, 12.5, XFontStyleEx.Bold, Unicode);
        private readonly XFont _toAddress = new(IpaGothic.Family, 11.5, XFontStyleEx.Regular, Unicode);
        private readonly XGraphics _gfx;
        private double _y = Margin;

        public Side(PdfDocument document)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            _gfx = XGraphics.FromPdfPage(page);
        }

        private static double Width => PageWidth - (2 * Margin);

        /// <summary>The message side: the title centred, the opening, the particulars as label and value, the request, then date and sender at the foot.</summary>
        public void Message(NoticePostcard card)
        {
            _gfx.DrawString(card.Title, _title, XBrushes.Black, new XRect(Margin, _y, Width, LineHeight(_title)), XStringFormats.TopCenter);
            _y += LineHeight(_title) + 6;
            Paragraph(card.Opening, _body, Margin, Width);
            _y += 4;
            var labelWidth = card.Particulars.Concat(card.Sender).Max(l => _gfx.MeasureString(l.Label, _bold).Width) + 10;
            foreach (var line in card.Particulars)
            {
                Labelled(line, labelWidth);
            }

            if (card.Request is { } request)
            {
                _y += 6;
                Paragraph(request, _body, Margin, Width);
            }

            // The date and the sender at the foot of the card, as on the printed page.
            var foot = 18 + LineHeight(_body) + 2 + card.Sender.Sum(l => (Wrap(l.Value, _body, Width - labelWidth).Count * LineHeight(_body)) + 2);
            _y = Math.Max(_y + 10, PageHeight - Margin - foot);
            _gfx.DrawLine(Rule, Margin, _y, Margin + Width, _y);
            _y += 8;
            _gfx.DrawString(card.Date, _body, XBrushes.Black, Margin, _y, XStringFormats.TopLeft);
            _y += LineHeight(_body) + 2;
            foreach (var line in card.Sender)
            {
                Labelled(line, labelWidth);
            }
        }

        /// <summary>The address side: the recipient's postal code, address and name large in the middle; the sender small at the foot.</summary>
        public void Address(NoticePostcard card)
        {
            _y = Margin + 18;
            if (card.To.PostalCode is { } postal)
            {
                _gfx.DrawString("〒" + postal, _toAddress, XBrushes.Black, Margin, _y, XStringFormats.TopLeft);
                _y += LineHeight(_toAddress) + 6;
            }

            if (card.To.Address is { } address)
            {
                Paragraph(address, _toAddress, Margin, Width);
            }

            _y += 14;
            Paragraph(card.To.Name, _toName, Margin + 12, Width - 12);

            var from = new List<string>();
            if (card.From.PostalCode is { } fromPostal)
            {
                from.Add("〒" + fromPostal);
            }

            var lines = from
                .Concat(card.From.Address is { } fromAddress ? Wrap(fromAddress, _small, Width * 0.7) : [])
                .Concat(Wrap(card.From.Name, _body, Width * 0.7))
                .ToList();
            _y = PageHeight - Margin - ((lines.Count + 1) * LineHeight(_small)) - 6;
            _gfx.DrawString(card.SenderLabel, _small, XBrushes.Black, Margin, _y, XStringFormats.TopLeft);
            _y += LineHeight(_small);
            foreach (var line in lines)
            {
                _gfx.DrawString(line, _small, XBrushes.Black, Margin, _y, XStringFormats.TopLeft);
                _y += LineHeight(_small);
            }
        }

        private void Labelled(NoticeLine line, double labelWidth)
        {
            var top = _y;
            _gfx.DrawString(line.Label, _bold, XBrushes.Black, Margin, _y, XStringFormats.TopLeft);
            Paragraph(line.Value, _body, Margin + labelWidth, Width - labelWidth);
            _y = Math.Max(_y, top + LineHeight(_body)) + 2;
        }

        private void Paragraph(string text, XFont font, double x, double width)
        {
            foreach (var line in Wrap(text, font, width))
            {
                _gfx.DrawString(line, font, XBrushes.Black, x, _y, XStringFormats.TopLeft);
                _y += LineHeight(font);
            }
        }

        private List<string> Wrap(string text, XFont font, double width) => JapaneseLines.Wrap(text, line => _gfx.MeasureString(line, font).Width, width);

        private static double LineHeight(XFont font) => font.Size * 1.45;

        public void Dispose() => _gfx.Dispose();
    }
}
