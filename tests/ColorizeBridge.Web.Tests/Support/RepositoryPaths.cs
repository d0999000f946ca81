namespace ColorizeBridge.Web.Tests.Support;

/// <summary>Files of the repository the tests run from.</summary>
internal static class RepositoryPaths
{
    /// <summary>The checkout's root: the nearest folder above the test binaries holding ColorizeBridge.sln.</summary>
    public static string Root
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "ColorizeBridge.sln")))
                {
                    return folder.FullName;
                }
            }

            throw new DirectoryNotFoundException($"No ColorizeBridge.sln above {AppContext.BaseDirectory}.");
        }
    }

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", name);
}
