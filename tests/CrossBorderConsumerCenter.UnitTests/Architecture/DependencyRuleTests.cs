using System.Text.RegularExpressions;
using CrossBorderConsumerCenter.Web;
using CrossBorderConsumerCenter.Web.Data;

namespace CrossBorderConsumerCenter.UnitTests.Architecture;

/// <summary>
/// The parts of the portal and what each may use (docs/architecture.md, "The parts"): Domain/ uses nothing
/// else in the app, Data/ only Domain/, Infrastructure/ Data/, Domain/ and the shared texts; Features/ may use everything.
/// Checked twice: in the compiled assembly (every type the code really touches, however it is written) and in
/// the source (what compiles away: usings, constants, <c>nameof</c>, documentation references).
/// </summary>
public class DependencyRuleTests
{
    private const string WebNamespace = "CrossBorderConsumerCenter.Web";

    private static readonly string[] Parts = ["Domain", "Data", "Infrastructure", "Features"];

    /// <summary>What each part may use besides itself; Features/ may use everything.</summary>
    private static readonly Dictionary<string, string[]> MayUse = new()
    {
        ["Domain"] = [],
        ["Data"] = ["Domain"],
        ["Infrastructure"] = ["Data", "Domain", "Resources"],
    };

    private static readonly string WebAssemblyPath = typeof(AppDbContext).Assembly.Location;

    [Fact]
    public void TheCompiledCodeOfEachPartUsesOnlyThePartsItMayUse()
    {
        var uses = TypeUses.Read(WebAssemblyPath);
        Assert.Contains(uses, use => PartOf(use.User) == "Data" && PartOf(use.Used) == "Domain");

        // Anything of the portal's own outside the allowed parts counts, the root namespace included: a Domain type
        // using SharedResource uses something else in the app as surely as one using Features/.
        var violations = uses
            .Select(use => (use, part: PartOf(use.User), usedPart: AppPartOf(use.Used)))
            .Where(x => x.part is not null && MayUse.TryGetValue(x.part, out var allowed) && x.usedPart is not null
                && x.usedPart != x.part && !allowed.Contains(x.usedPart))
            .Select(x => $"{x.use.User} ({RelativeToWeb(x.use.UserFile)}) uses {x.use.Used}: {x.part}/ must not use {Describe(x.usedPart!)}")
            .ToList();

        Assert.True(violations.Count == 0, "Parts using what they must not:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void TheSourceOfEachPartNamesOnlyThePartsItMayUse()
    {
        var violations = new List<string>();
        foreach (var (part, allowed) in MayUse)
        {
            var forbidden = Parts.Where(other => other != part && !allowed.Contains(other));
            var patterns = forbidden.Select(other => (other, pattern: ReferencePattern(other))).ToList();
            foreach (var file in SourceFilesOf(part))
            {
                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                {
                    // A file's own namespace is checked by EveryFileOfAPartDeclaresANamespaceOfThatPart.
                    if (lines[i].StartsWith("namespace ", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    foreach (var (other, pattern) in patterns)
                    {
                        foreach (Match match in pattern.Matches(lines[i]))
                        {
                            violations.Add($"{Path.GetRelativePath(WebFolder, file)} line {i + 1} names {match.Value}: {part}/ must not use {other}/");
                        }
                    }
                }
            }
        }

        Assert.True(violations.Count == 0, "Parts naming what they must not use:\n" + string.Join("\n", violations));
    }

    /// <summary>The compiled check goes by namespace and the source check by folder: they must agree.</summary>
    [Fact]
    public void EveryFileOfAPartDeclaresANamespaceOfThatPart()
    {
        var mismatches = new List<string>();
        foreach (var part in Parts)
        {
            var files = SourceFilesOf(part);
            Assert.NotEmpty(files);
            foreach (var file in files)
            {
                var declared = Regex.Match(File.ReadAllText(file), @"^namespace\s+([\w.]+)", RegexOptions.Multiline).Groups[1].Value;
                if (PartOf(declared + ".") != part)
                {
                    mismatches.Add($"{Path.GetRelativePath(WebFolder, file)} declares namespace '{declared}', not one under {WebNamespace}.{part}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public void ThePortalDoesNotShipTheBenchmarkDataGenerator()
    {
        Assert.DoesNotContain("Bogus", TypeUses.AssemblyReferences(WebAssemblyPath));

        // What a publish of the portal carries: a package reference alone, unused by the code, would ship it.
        var deps = Path.ChangeExtension(WebAssemblyPath, ".deps.json");
        Assert.True(File.Exists(deps), $"{deps} is missing");
        Assert.False(File.ReadAllText(deps).Contains("\"Bogus/", StringComparison.Ordinal),
            $"{Path.GetFileName(deps)} lists Bogus: the benchmark's data generator belongs to bench/, not to the portal.");
    }

    /// <summary>"Data", "Domain", ... for a full type or namespace name in one of the portal's parts; null otherwise.</summary>
    private static string? PartOf(string fullName) => AppPartOf(fullName) is { } part && Parts.Contains(part) ? part : null;

    /// <summary>
    /// Where in the portal a full type name belongs: "Domain", "Data", ... for the parts, "Resources" for the marker of
    /// the shared texts (Resources/SharedResource.resx), the portal's namespace and the first name after it for
    /// anything else of the portal's; null outside the portal.
    /// </summary>
    private static string? AppPartOf(string fullName)
    {
        if (!fullName.StartsWith(WebNamespace + ".", StringComparison.Ordinal))
        {
            return null;
        }

        if (fullName == typeof(SharedResource).FullName)
        {
            return "Resources";
        }

        var rest = fullName[(WebNamespace.Length + 1)..];
        var end = rest.IndexOfAny(['.', '+']);
        var first = end < 0 ? rest : rest[..end];
        return end >= 0 && rest[end] == '.' && Parts.Contains(first) ? first : WebNamespace + "." + first;
    }

    private static string Describe(string appPart) => Parts.Contains(appPart) || appPart == "Resources" ? appPart + "/" : appPart;

    /// <summary>
    /// A name of the part in source: fully qualified (usings, <c>global::</c>), or relative to the portal's
    /// namespace (<c>Infrastructure.Email.EmailOutbox</c>, <c>Web.Data.AppDbContext</c>), which resolves
    /// from any file of the portal. Relative names count only when they continue with a real namespace or type
    /// of that part, so that a property called Data is not taken for the part.
    /// </summary>
    private static Regex ReferencePattern(string part)
    {
        var children = typeof(AppDbContext).Assembly.GetTypes()
            .Where(type => type.Namespace is not null && !type.Name.Contains('<', StringComparison.Ordinal))
            .Select(type => (type.Namespace + "." + type.Name.Split('`')[0])[WebNamespace.Length..])
            .Where(name => name.StartsWith($".{part}.", StringComparison.Ordinal))
            .Select(name => name.Split('.')[2])
            .Distinct()
            .ToList();
        Assert.NotEmpty(children);

        var escaped = Regex.Escape(WebNamespace);
        return new Regex($@"{escaped}\.{part}\b[\w.]*|(?<![\w.])(?:Web\.)?{part}\.(?:{string.Join('|', children)})\b[\w.]*");
    }

    private static string WebFolder { get; } = Path.Combine(RepositoryRoot(), "src", "CrossBorderConsumerCenter.Web");

    private static List<string> SourceFilesOf(string part) =>
        [.. Directory.EnumerateFiles(Path.Combine(WebFolder, part), "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    private static string RelativeToWeb(string? file) => file is null ? "no source file" : Path.GetRelativePath(WebFolder, file);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CrossBorderConsumerCenter.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No CrossBorderConsumerCenter.sln above {AppContext.BaseDirectory}.");
    }
}
