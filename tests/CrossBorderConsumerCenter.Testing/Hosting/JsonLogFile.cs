using System.Text.Json;

namespace CrossBorderConsumerCenter.Testing.Hosting;

/// <summary>The portal's log written as JSON lines to a file of its own, the way an operator would configure it, and read back.</summary>
public sealed class JsonLogFile
{
    public string Path { get; } = System.IO.Path.Combine(Directory.CreateTempSubdirectory("ccc-log-").FullName, "portal.json");

    /// <summary>The settings that send the log there (add them to a <see cref="PortalFactory"/>'s).</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Serilog:WriteTo:0:Name"] = "File",
        ["Serilog:WriteTo:0:Args:path"] = Path,
        ["Serilog:WriteTo:0:Args:formatter"] = "Serilog.Formatting.Json.JsonFormatter, Serilog",
    };

    public IReadOnlyList<JsonElement> Lines()
    {
        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return [.. reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())];
    }

    /// <summary>Each line's message with its values put in.</summary>
    public IReadOnlyList<string> Messages() => [.. Lines().Select(Render)];

    private static string Render(JsonElement line)
    {
        var text = line.GetProperty("MessageTemplate").GetString()!;
        if (line.TryGetProperty("Properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                text = text.Replace("{" + property.Name + "}", property.Value.ToString(), StringComparison.Ordinal);
            }
        }

        return text;
    }
}
