namespace ColorizeBridge.Cli.Backends;

/// <summary>
/// Finds the models folder for the in-process engine when --models names
/// none: ./models if it exists, else the models folder of the checkout the
/// CLI was built in (found by walking up from the executable to the solution
/// file), so `dotnet path/to/ColorizeBridge.Cli.dll` works from any folder.
/// </summary>
internal static class ModelsDirectoryLocator
{
    public const string FolderName = "models";
    private const string SolutionFile = "ColorizeBridge.sln";

    public static string Locate(string currentDirectory, string executableDirectory)
    {
        string local = Path.Combine(currentDirectory, FolderName);
        if (Directory.Exists(local))
        {
            return local;
        }

        for (DirectoryInfo? folder = new(executableDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFile)))
            {
                return Path.Combine(folder.FullName, FolderName);
            }
        }

        // Nothing installed anywhere: the engine then says "No trained model is installed" and names this folder.
        return local;
    }
}
