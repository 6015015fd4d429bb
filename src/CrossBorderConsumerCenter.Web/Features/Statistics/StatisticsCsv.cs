using System.Globalization;
using CrossBorderConsumerCenter.Web.Domain.Statistics;
using CsvHelper;

namespace CrossBorderConsumerCenter.Web.Features.Statistics;

/// <summary>
/// The CSV files (CsvHelper): UTF-8 with a byte order mark, so that Excel in Japanese opens them as UTF-8 rather than
/// Shift_JIS; RFC 4180 (CRLF, quotes only where needed); text that starts like a spreadsheet formula escaped; numbers
/// without separators; an empty field for a figure that has no value.
/// </summary>
public static class StatisticsCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CsvWriterOptions Options = new() { WriteByteOrderMark = true, Injection = CsvInjection.Escape };

    /// <summary>A figure's table: the code, its name, then the table's columns.</summary>
    public static byte[] Table(StatisticsTable table, string codeHeader) => Write(csv =>
    {
        csv.WriteRecord([codeHeader, table.RowHeader, .. table.Columns]);
        foreach (var row in table.Rows)
        {
            csv.WriteRecord([row.Code, row.Label, .. row.Values.Select(Number)]);
        }
    });

    /// <summary>The de-identified records: a header of the column names (docs/privacy.md describes each), then one row per case.</summary>
    public static byte[] Records(IEnumerable<DeidentifiedRecord> records) => Write(csv =>
    {
        csv.WriteRecord([.. DeidentifiedRecord.Columns]);
        foreach (var record in records)
        {
            csv.WriteRecord([.. record.Fields()]);
        }
    });

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static byte[] Write(Action<CsvWriter> write)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, Options, leaveOpen: true))
        {
            write(csv);
            csv.Flush();
        }

        return stream.ToArray();
    }

    /// <summary>A file name with the period: "statistics-countries-20260401-20270331.csv".</summary>
    public static string FileName(string what, StatisticsPeriod period) => $"{what}-{period.FileNamePart}.csv";
}
