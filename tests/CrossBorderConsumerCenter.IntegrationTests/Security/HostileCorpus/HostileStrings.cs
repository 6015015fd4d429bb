using System.Reflection;
using System.Text.Json;
using CrossBorderConsumerCenter.Web.Domain.Contact;

namespace CrossBorderConsumerCenter.IntegrationTests.Security.HostileCorpus;

/// <summary>
/// The strings the corpus test posts into every field: the Big List of Naughty Strings (blns.json, MIT, see README.md)
/// and text that has broken this portal or a portal like it.
/// </summary>
public static class HostileStrings
{
    /// <summary>Text our own hostile tests found: each once gave a 500 somewhere, or could mislead a reader.</summary>
    public static readonly IReadOnlyList<string> Found =
    [
        "shop\u200Dexample",                                   // a zero-width joiner (IDNA refuses it in a host)
        "https://shop\u200Dexample.com/",
        "https://shop\u2028example.com/",                      // the line separator
        "a\u2028b\u2029c",
        "\U0001F468\u200D\U0001F469\u200D\U0001F467",          // a family: one text element of five code points
        "https://\U0001F468\u200D\U0001F469\u200D\U0001F467.example.com/",
        new string('a', 99) + "\U0001F600",                    // cut at 100 UTF-16 units, half an emoji remains
        new string('a', 254) + "\U0001F600",                   // cut at 255
        new string('a', 254) + "\U0001F600.jpg",
        new string('あ', 1999) + "\U0001F468\u200D\U0001F469\u200D\U0001F467",
        new string('x', 5000),
        "invoice\u202Egnp.exe",                                // a right-to-left override
        "\u202E\u2066\u200B\u200C\u200D\uFEFF\u00AD",          // bidi and invisible characters only
        "statement.html",
        "run.bat",
        "../../../etc/passwd",
        "a\0b",                                                // a NUL: PostgreSQL's text refuses it
        "\0",
        "\uD800",                                              // half of a surrogate pair
        "a\uDC00b",
        "//evil.example/",                                     // where a return address could lead
        "/\r\nSet-Cookie: hostile=1",
        "2026-02-30",
        "-9999999999999999999999",
        " ",
        "\t\r\n",
    ];

    /// <summary>The Big List of Naughty Strings, as published.</summary>
    public static readonly IReadOnlyList<string> NaughtyStrings = Load();

    /// <summary>Every string of both lists that <see cref="TextInput.IsWellFormed"/> lets through (the others answer 400 wherever they are).</summary>
    public static IReadOnlyList<string> WellFormed { get; } = [.. NaughtyStrings.Concat(Found).Distinct(StringComparer.Ordinal).Where(s => TextInput.IsWellFormed(s))];

    /// <summary>The strings the portal refuses before any field sees them.</summary>
    public static IReadOnlyList<string> Refused { get; } = [.. NaughtyStrings.Concat(Found).Distinct(StringComparer.Ordinal).Where(s => !TextInput.IsWellFormed(s))];

    private static List<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("HostileCorpus.blns.json")
            ?? throw new InvalidOperationException("blns.json is not embedded.");
        return JsonSerializer.Deserialize<List<string>>(stream) ?? [];
    }
}
