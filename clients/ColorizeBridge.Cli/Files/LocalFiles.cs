namespace ColorizeBridge.Cli.Files;

/// <summary>
/// Reads and writes the user's files, turning every file-system failure into a
/// <see cref="CliUsageException"/> that names the path and the problem.
/// </summary>
internal static class LocalFiles
{
    /// <summary>The bytes of <paramref name="path"/>; <paramref name="role"/> ("line art", "hints") names it in errors.</summary>
    public static byte[] Read(string path, string role)
    {
        if (Directory.Exists(path))
        {
            throw new CliUsageException($"{role} '{path}' is a folder, not a file");
        }

        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliUsageException($"{role} '{path}' does not exist");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"cannot read {role} '{path}': {e.Message}");
        }
    }

    /// <summary>Fails early, before any work, when <paramref name="path"/> cannot be created as a file.</summary>
    public static void CheckWritableFile(string path)
    {
        if (Directory.Exists(path))
        {
            throw new CliUsageException($"output '{path}' is a folder; name a file (e.g. {Path.Combine(path, "out.png")})");
        }

        string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(folder))
        {
            throw new CliUsageException($"cannot write '{path}': the folder '{folder}' does not exist");
        }
    }

    /// <summary>Creates <paramref name="path"/> (and its parents) for a batch's outputs.</summary>
    public static void CreateOutputFolder(string path)
    {
        if (File.Exists(path))
        {
            throw new CliUsageException($"output '{path}' is a file; a folder input needs an output folder");
        }

        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"cannot create output folder '{path}': {e.Message}");
        }
    }

    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        try
        {
            using FileStream file = File.Create(path);
            file.Write(bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"cannot write '{path}': {e.Message}");
        }
    }
}
