using System.Diagnostics;

namespace CrossBorderConsumerCenter.IntegrationTests.Support;

/// <summary>
/// Runs the built portal as an operator would (`dotnet CrossBorderConsumerCenter.Web.dll ...`), and the benchmark's data
/// generator as bench/run.sh does (`dotnet CrossBorderConsumerCenter.DataGeneration.dll ...`).
/// </summary>
public static class PortalProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static Task<Result> RunAsync(IReadOnlyDictionary<string, string> environment, TimeSpan timeout, params string[] args)
    {
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Portal__BaseUrl"] = "http://127.0.0.1/",
            ["Portal__EnforceHttps"] = "false",
            ["Smtp__FromAddress"] = "no-reply@ccj.test",
            ["Smtp__PickupDirectory"] = Path.GetTempPath(),
        };
        foreach (var (key, value) in environment)
        {
            settings[key] = value;
        }

        return RunDllAsync(Path.Combine(AppContext.BaseDirectory, "CrossBorderConsumerCenter.Web.dll"), settings, timeout, ["--contentRoot", WebProjectDirectory, .. args]);
    }

    /// <summary>The data generator (bench/CrossBorderConsumerCenter.DataGeneration), built in the same configuration as these tests.</summary>
    public static Task<Result> RunDataGeneratorAsync(IReadOnlyDictionary<string, string> environment, TimeSpan timeout, params string[] args) =>
        RunDllAsync(
            Path.Combine(RepositoryRoot, "bench", "CrossBorderConsumerCenter.DataGeneration", "bin", BuildConfiguration, "net10.0", "CrossBorderConsumerCenter.DataGeneration.dll"),
            environment,
            timeout,
            args);

    private static async Task<Result> RunDllAsync(string dll, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(dll)} did not exit within {timeout}.\n{await output}\n{await error}");
        }

        return new Result(process.ExitCode, await output, await error);
    }

    private static string WebProjectDirectory => Path.Combine(RepositoryRoot, "src", "CrossBorderConsumerCenter.Web");

    /// <summary>The checkout these tests were built from.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (Directory.Exists(Path.Combine(dir.FullName, "src", "CrossBorderConsumerCenter.Web")))
                {
                    return dir.FullName;
                }
            }

            throw new DirectoryNotFoundException("src/CrossBorderConsumerCenter.Web not found.");
        }
    }

    /// <summary>Debug or Release: the configuration these tests (and so the projects beside them) were built in.</summary>
    public static string BuildConfiguration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
}
