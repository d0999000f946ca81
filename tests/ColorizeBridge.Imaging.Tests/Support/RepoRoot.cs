namespace ColorizeBridge.Imaging.Tests.Support;

/// <summary>The repository root (the folder holding ColorizeBridge.sln), for tests that run the training code.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ColorizeBridge.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No ColorizeBridge.sln above {AppContext.BaseDirectory}.");
    }
}
