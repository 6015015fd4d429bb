using System.Xml.Linq;

namespace CrossBorderConsumerCenter.UnitTests.Resources;

/// <summary>Every text exists in Japanese and in English, and neither is empty.</summary>
public class ResourceParityTests
{
    public static TheoryData<string> ResourceFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(ResourcesFolder, "*.resx", SearchOption.AllDirectories)
                     .Where(f => !f.EndsWith(".en.resx", StringComparison.Ordinal)).Order())
        {
            data.Add(Path.GetRelativePath(ResourcesFolder, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void JapaneseAndEnglishHaveTheSameNonEmptyKeys(string neutralFile)
    {
        var japanese = Read(Path.Combine(ResourcesFolder, neutralFile));
        var englishPath = Path.Combine(ResourcesFolder, neutralFile[..^".resx".Length] + ".en.resx");
        Assert.True(File.Exists(englishPath), $"{neutralFile} has no English file.");
        var english = Read(englishPath);

        Assert.Empty(japanese.Keys.Except(english.Keys).Select(k => $"missing in English: {k}"));
        Assert.Empty(english.Keys.Except(japanese.Keys).Select(k => $"missing in Japanese: {k}"));
        Assert.Empty(japanese.Where(p => string.IsNullOrWhiteSpace(p.Value)).Select(p => $"empty in Japanese: {p.Key}"));
        Assert.Empty(english.Where(p => string.IsNullOrWhiteSpace(p.Value)).Select(p => $"empty in English: {p.Key}"));
    }

    /// <summary>English says "1 file" and "2 files"; "file(s)" reads as a form, not as a letter from the center.</summary>
    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void EnglishNamesOneAndManyInWords(string neutralFile)
    {
        var english = Read(Path.Combine(ResourcesFolder, neutralFile[..^".resx".Length] + ".en.resx"));
        Assert.Empty(english.Where(p => System.Text.RegularExpressions.Regex.IsMatch(p.Value, @"[a-z]\(s\)")).Select(p => $"{p.Key}: {p.Value}"));
    }

    [Fact]
    public void TheSharedResourcesAreFound() =>
        Assert.True(File.Exists(Path.Combine(ResourcesFolder, "SharedResource.resx")), "SharedResource.resx not found: the parity test would check nothing.");

    private static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static string ResourcesFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "src", "CrossBorderConsumerCenter.Web", "Resources");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException("src/CrossBorderConsumerCenter.Web/Resources not found above the test binaries.");
        }
    }
}
