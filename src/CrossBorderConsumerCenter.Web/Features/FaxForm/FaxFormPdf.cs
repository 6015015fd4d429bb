using System.Globalization;
using CrossBorderConsumerCenter.Web.Infrastructure.Pdf;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CrossBorderConsumerCenter.Web.Features.FaxForm;

/// <summary>
/// The fax form as an A4 PDF, drawn with PDFsharp from the same <see cref="FaxSheet"/> as the page. Made once and kept
/// in memory for the process: it changes only when the sheet does (the settings are fixed while the process runs; an
/// admin's change to the partner agencies changes the consent's list, and so the sheet's fingerprint).
/// </summary>
public sealed class FaxFormPdf(FaxSheets sheets, JapaneseFont font)
{
    private readonly Lock _gate = new();
    private Rendered? _rendered;

    /// <summary>The PDF of the form as it is now; null when it cannot be made because the font is missing (logged).</summary>
    public async Task<byte[]?> CurrentAsync(CancellationToken ct)
    {
        var sheet = await sheets.CurrentAsync(ct);
        var key = sheet.Fingerprint();
        if (Volatile.Read(ref _rendered) is { } kept && kept.Key == key)
        {
            return kept.Pdf;
        }

        if (!await font.InstallAsync(ct))
        {
            return null;
        }

        // One drawing at a time: the first request draws, the others wait for it and take its result.
        lock (_gate)
        {
            if (_rendered is { } again && again.Key == key)
            {
                return again.Pdf;
            }

            var pdf = Render(sheet);
            Volatile.Write(ref _rendered, new Rendered(key, pdf));
            return pdf;
        }
    }

    /// <summary>Draws the sheet: the title and fax number, the instructions, then each section, a footer on every page.</summary>
    public static byte[] Render(FaxSheet sheet)
    {
        using var document = new PdfDocument();
        document.Info.Title = sheet.Title;
        document.Info.Author = sheet.CenterName;
        using (var layout = new Layout(document))
        {
            layout.Title(sheet);
            foreach (var section in sheet.Sections)
            {
                layout.Section(section);
            }

            layout.Footers(sheet);
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private sealed record Rendered(string Key, byte[] Pdf);

    /// <summary>A top-to-bottom layout on A4 pages (points, origin top left); a field is never split over two pages.</summary>
    private sealed class Layout(PdfDocument document) : IDisposable
    {
        private const double Left = 42;
        private const double Right = 595.28 - 42;
        private const double Top = 40;
        private const double Bottom = 841.89 - 48;

        private const double Width = Right - Left;
        private const double LabelWidth = 150;
        private const double AnswerLeft = Left + LabelWidth + 10;
        private const double AnswerWidth = Right - AnswerLeft;
        private const double WriteLine = 22;
        private const double BoxSize = 9;

        private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
        private static readonly XPen Thin = new(XColors.Black, 0.6);
        private static readonly XPen Rule = new(XColors.Black, 1.2);
        private static readonly XPen Faint = new(XColors.DimGray, 0.3);

        // Made here, not as static fields: a font is resolved when it is made, and the resolver is installed just before.
        private readonly XFont _small = new(IpaGothic.Family, 7.5, XFontStyleEx.Regular, Unicode);
        private readonly XFont _body = new(IpaGothic.Family, 9.5, XFontStyleEx.Regular, Unicode);
        private readonly XFont _bold = new(IpaGothic.Family, 9.5, XFontStyleEx.Bold, Unicode);
        private readonly XFont _heading = new(IpaGothic.Family, 12, XFontStyleEx.Bold, Unicode);
        private readonly XFont _large = new(IpaGothic.Family, 15, XFontStyleEx.Bold, Unicode);
        private readonly XFont _fax = new(IpaGothic.Family, 20, XFontStyleEx.Bold, Unicode);

        private PdfPage? _page;
        private XGraphics? _gfx;
        private double _y = Bottom;

        private XGraphics Gfx => _gfx ?? throw new InvalidOperationException("No page yet.");

        public void Title(FaxSheet sheet)
        {
            NewPage();
            Paragraph(sheet.Title, _large, Left, Width);
            _y += 4;
            var fax = _fax;
            var boxTop = _y;
            _y += 6;
            Gfx.DrawString($"{sheet.ToLabel}: {sheet.CenterName}", _bold, XBrushes.Black, Left + 8, _y, XStringFormats.TopLeft);
            _y += LineHeight(_bold);
            Gfx.DrawString($"{sheet.FaxLabel}: {sheet.FaxNumber}", fax, XBrushes.Black, Left + 8, _y, XStringFormats.TopLeft);
            _y += LineHeight(fax) + 2;
            Gfx.DrawRectangle(Rule, Left, boxTop, Width, _y - boxTop);
            _y += 8;
            foreach (var instruction in sheet.Instructions)
            {
                Bullet(instruction);
            }
        }

        /// <summary>Every page's last line: the center and its fax number, and the page number.</summary>
        public void Footers(FaxSheet sheet)
        {
            _gfx?.Dispose();
            _gfx = null;
            var count = document.PageCount;
            for (var i = 0; i < count; i++)
            {
                using var gfx = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
                gfx.DrawString(sheet.Footer, _small, XBrushes.Black, Left, Bottom + 12, XStringFormats.TopLeft);
                gfx.DrawString(string.Format(CultureInfo.InvariantCulture, sheet.PageNumbers, i + 1, count), _small, XBrushes.Black, Right, Bottom + 12, XStringFormats.TopRight);
            }
        }

        public void Section(FaxSection section)
        {
            Need(LineHeight(_heading) + 60);
            _y += 8;
            Gfx.DrawString(section.Heading, _heading, XBrushes.Black, Left, _y, XStringFormats.TopLeft);
            _y += LineHeight(_heading);
            Gfx.DrawLine(Rule, Left, _y, Right, _y);
            _y += 6;
            foreach (var item in section.Items)
            {
                switch (item)
                {
                    case FaxText { Style: FaxTextStyle.Heading } text:
                        Need(LineHeight(_bold) * 2 + 20);
                        _y += 3;
                        Paragraph(text.Text, _bold, Left, Width);
                        break;
                    case FaxText { Style: FaxTextStyle.Notice } text:
                        Notice(text.Text);
                        break;
                    case FaxText text:
                        Paragraph(text.Text, _body, Left, Width);
                        _y += 3;
                        break;
                    case FaxBullets bullets:
                        foreach (var line in bullets.Lines)
                        {
                            Bullet(line);
                        }

                        break;
                    case FaxDefinitions definitions:
                        foreach (var entry in definitions.Entries)
                        {
                            Need(LineHeight(_bold) + LineHeight(_body) * entry.Details.Count);
                            Paragraph(entry.Term, _bold, Left + 10, Width - 10);
                            foreach (var detail in entry.Details)
                            {
                                Paragraph(detail, _body, Left + 24, Width - 24);
                            }
                        }

                        _y += 3;
                        break;
                    case FaxField { Answer: FaxAnswer.Tick } field:
                        Tick(field);
                        break;
                    case FaxField field:
                        Field(field);
                        break;
                    default:
                        throw new InvalidOperationException($"The PDF cannot draw {item.GetType().Name}.");
                }
            }
        }

        /// <summary>A statement to tick: the box, the statement and its mark, the hint below.</summary>
        private void Tick(FaxField field)
        {
            var text = field.Mark is null ? field.Label : $"{field.Label}({field.Mark})";
            var lines = Wrap(text, _bold, Width - 18);
            var hint = field.Hint is null ? [] : Wrap(field.Hint, _small, Width - 18);
            Need(lines.Count * LineHeight(_bold) + hint.Count * LineHeight(_small) + 8);
            _y += 2;
            Gfx.DrawRectangle(Thin, Left + 1, _y + 1.5, BoxSize + 1, BoxSize + 1);
            Lines(lines, _bold, Left + 18);
            Lines(hint, _small, Left + 18);
            _y += 6;
        }

        /// <summary>A field in two columns: label, mark, hint and choice note on the left; the space to answer on the right.</summary>
        private void Field(FaxField field)
        {
            var label = Wrap(field.Mark is null ? field.Label : $"{field.Label}({field.Mark})", _bold, LabelWidth);
            var notes = string.Join(" ", new[] { field.ChoiceNote, field.Hint }.OfType<string>());
            var hint = notes.Length == 0 ? [] : Wrap(notes, _small, LabelWidth);
            var left = label.Count * LineHeight(_bold) + hint.Count * LineHeight(_small);
            var rows = field.Answer == FaxAnswer.Choice ? OptionRows(field.Options) : [];
            var right = field.Answer switch
            {
                FaxAnswer.Choice => rows.Count * LineHeight(_body) + (field.OtherLabel is null ? 0 : WriteLine + 4),
                FaxAnswer.WriteIn => Math.Max(1, field.Lines) * WriteLine,
                _ => WriteLine,
            };

            var height = Math.Max(left, right) + 8;
            Need(height);
            var top = _y + 2;
            _y = top;
            Lines(label, _bold, Left);
            Lines(hint, _small, Left);
            _y = top;
            switch (field.Answer)
            {
                case FaxAnswer.Choice:
                    foreach (var row in rows)
                    {
                        foreach (var (option, x) in row)
                        {
                            Gfx.DrawRectangle(Thin, x, _y + 1.5, BoxSize, BoxSize);
                            Gfx.DrawString(option, _body, XBrushes.Black, x + BoxSize + 4, _y, XStringFormats.TopLeft);
                        }

                        _y += LineHeight(_body);
                    }

                    if (field.OtherLabel is { } other)
                    {
                        _y += 2;
                        var width = Gfx.MeasureString(other + ":", _body).Width + 6;
                        Gfx.DrawString(other + ":", _body, XBrushes.Black, AnswerLeft, _y + 6, XStringFormats.TopLeft);
                        Gfx.DrawRectangle(Thin, AnswerLeft + width, _y, AnswerWidth - width, WriteLine);
                    }

                    break;
                case FaxAnswer.Date:
                    {
                        const double boxWidth = 200;
                        Gfx.DrawRectangle(Thin, AnswerLeft, _y, boxWidth, WriteLine);
                        for (var i = 0; i < field.DateParts.Count; i++)
                        {
                            // Room for a four-digit year, then two digits each for month and day.
                            var x = AnswerLeft + (i == 0 ? 70 : 70 + (i * 55));
                            Gfx.DrawString(field.DateParts[i], _body, XBrushes.Black, x, _y + 6, XStringFormats.TopLeft);
                        }

                        break;
                    }

                default:
                    {
                        var boxWidth = field.Unit is null ? AnswerWidth : 80;
                        var lines = Math.Max(1, field.Lines);
                        Gfx.DrawRectangle(Thin, AnswerLeft, _y, boxWidth, lines * WriteLine);
                        for (var i = 1; i < lines; i++)
                        {
                            Gfx.DrawLine(Faint, AnswerLeft + 4, _y + (i * WriteLine), AnswerLeft + boxWidth - 4, _y + (i * WriteLine));
                        }

                        if (field.Unit is { } unit)
                        {
                            Gfx.DrawString(unit, _body, XBrushes.Black, AnswerLeft + boxWidth + 4, _y + 6, XStringFormats.TopLeft);
                        }

                        break;
                    }
            }

            _y = top + height - 2;
            Gfx.DrawLine(Faint, Left, _y - 3, Right, _y - 3);
        }

        /// <summary>The options placed in rows across the answer column: a box, the option, a gap.</summary>
        private List<List<(string Option, double X)>> OptionRows(IReadOnlyList<string> options)
        {
            var rows = new List<List<(string, double)>> { new() };
            var x = AnswerLeft;
            foreach (var option in options)
            {
                var width = BoxSize + 4 + Gfx.MeasureString(option, _body).Width + 14;
                if (x + width > Right && rows[^1].Count > 0)
                {
                    rows.Add([]);
                    x = AnswerLeft;
                }

                rows[^1].Add((option, x));
                x += width;
            }

            return rows;
        }

        private void Notice(string text)
        {
            var lines = Wrap(text, _body, Width - 16);
            var height = lines.Count * LineHeight(_body) + 10;
            Need(height + 6);
            Gfx.DrawRectangle(Thin, Left, _y, Width, height);
            _y += 5;
            Lines(lines, _body, Left + 8);
            _y += 11;
        }

        private void Bullet(string text)
        {
            var lines = Wrap(text, _body, Width - 14);
            Need(LineHeight(_body));
            Gfx.DrawString("・", _body, XBrushes.Black, Left + 2, _y, XStringFormats.TopLeft);
            Lines(lines, _body, Left + 14);
            _y += 2;
        }

        private void Paragraph(string text, XFont font, double x, double width) => Lines(Wrap(text, font, width), font, x);

        /// <summary>Lines of text from the current position, a new page when the page is full.</summary>
        private void Lines(IEnumerable<string> lines, XFont font, double x)
        {
            foreach (var line in lines)
            {
                Need(LineHeight(font));
                Gfx.DrawString(line, font, XBrushes.Black, x, _y, XStringFormats.TopLeft);
                _y += LineHeight(font);
            }
        }

        /// <summary>A text in lines no wider than <paramref name="width"/>, broken as Japanese is (<see cref="JapaneseLines"/>).</summary>
        private List<string> Wrap(string text, XFont font, double width) => JapaneseLines.Wrap(text, line => Gfx.MeasureString(line, font).Width, width);

        private static double LineHeight(XFont font) => font.Size * 1.5;

        private void Need(double height)
        {
            if (_gfx is null || _y + height > Bottom)
            {
                NewPage();
            }
        }

        private void NewPage()
        {
            _gfx?.Dispose();
            _page = document.AddPage();
            _page.Size = PageSize.A4;
            _gfx = XGraphics.FromPdfPage(_page);
            _y = Top;
        }

        public void Dispose() => _gfx?.Dispose();
    }
}
