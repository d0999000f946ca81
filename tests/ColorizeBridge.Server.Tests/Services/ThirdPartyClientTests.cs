using System.Diagnostics;
using ColorizeBridge.Imaging.Codecs;
using ColorizeBridge.Server.Tests.Support;

namespace ColorizeBridge.Server.Tests.Services;

/// <summary>
/// The README's Python grpcio example (examples/python/colorize.py) against
/// the real server: a third-party gRPC stack can colour a line art.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ThirdPartyClientTests(ServerFixture server)
{
    private static readonly string Script = Path.Combine(RepoRoot(), "examples", "python", "colorize.py");

    [Fact]
    public async Task PythonGrpcio_Colorize_WritesResultPng()
    {
        string folder = Directory.CreateTempSubdirectory("cb-python-").FullName;
        string lineArt = Path.Combine(folder, "line.png");
        string output = Path.Combine(folder, "out.png");
        File.WriteAllBytes(lineArt, ImageEncoder.EncodePng(TestImages.LineArt(120, 80)));

        (int exitCode, string stderr) = await RunPythonAsync(lineArt, output, "--server", server.Address.Authority);

        Assert.True(exitCode == 0, stderr);
        var image = ImageDecoder.Decode(File.ReadAllBytes(output));
        Assert.Equal((120, 80), (image.Width, image.Height));
    }

    [Fact]
    public async Task PythonGrpcio_UnknownModel_ReportsNotFound()
    {
        string folder = Directory.CreateTempSubdirectory("cb-python-").FullName;
        string lineArt = Path.Combine(folder, "line.png");
        File.WriteAllBytes(lineArt, ImageEncoder.EncodePng(TestImages.LineArt(40, 40)));

        (int exitCode, string stderr) = await RunPythonAsync(lineArt, Path.Combine(folder, "out.png"),
            "--server", server.Address.Authority, "--model", "nope");

        Assert.Equal(1, exitCode);
        Assert.Contains("NOT_FOUND: Unknown model 'nope'", stderr);
    }

    private static async Task<(int ExitCode, string Stderr)> RunPythonAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Script);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stderr);
    }

    private static string RepoRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ColorizeBridge.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ColorizeBridge.sln not found above the test binaries.");
    }
}
