using ColorizeBridge.Cli.Backends;
using ColorizeBridge.Cli.Tests.Support;

namespace ColorizeBridge.Cli.Tests.Backends;

public sealed class ModelsDirectoryLocatorTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Locate_ModelsFolderInTheCurrentDirectory_WinsOverTheCheckout()
    {
        string current = _temp.CreateFolder("work");
        Directory.CreateDirectory(Path.Combine(current, "models"));
        string executable = MakeCheckoutWithExecutable();

        string located = ModelsDirectoryLocator.Locate(current, executable);

        Assert.Equal(Path.Combine(current, "models"), located);
    }

    [Fact]
    public void Locate_NoLocalModelsFolder_UsesTheModelsFolderOfTheCheckoutAboveTheExecutable()
    {
        string current = _temp.CreateFolder("work");
        string executable = MakeCheckoutWithExecutable();

        string located = ModelsDirectoryLocator.Locate(current, executable);

        Assert.Equal(_temp.PathOf("repo", "models"), located);
    }

    [Fact]
    public void Locate_NoLocalFolderAndNoCheckout_FallsBackToTheLocalName()
    {
        string current = _temp.CreateFolder("work");
        string executable = _temp.CreateFolder("bin");

        string located = ModelsDirectoryLocator.Locate(current, executable);

        Assert.Equal(Path.Combine(current, "models"), located);
    }

    private string MakeCheckoutWithExecutable()
    {
        string repo = _temp.CreateFolder("repo");
        File.WriteAllText(Path.Combine(repo, "ColorizeBridge.sln"), "");
        return Directory.CreateDirectory(Path.Combine(repo, "clients", "ColorizeBridge.Cli", "bin", "Release", "net10.0")).FullName;
    }
}
