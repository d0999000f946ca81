namespace ColorizeBridge.Imaging.Tests.Support;

/// <summary>Debian's openclipart-png: ~8000 real-world PNGs, read in place at test time.</summary>
internal static class OpenClipart
{
    public const string Root = "/usr/share/openclipart";

    /// <summary>Set to 1 to decode every file instead of the deterministic sample.</summary>
    public const string FullRunVariable = "COLORIZEBRIDGE_OPENCLIPART_FULL";

    public static readonly Lazy<string[]> Files = new(() => Directory.Exists(Root)
        ? Directory.GetFiles(Root, "*.png", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray()
        : []);

    public static string? UnavailableReason => Files.Value.Length == 0
        ? $"No PNGs under {Root}: install Debian's openclipart-png for the real-world decoder tests."
        : PythonReference.UnavailableReason.Value;
}

/// <summary>Runs only where openclipart-png and the PIL reference are installed.</summary>
public sealed class OpenClipartFactAttribute : FactAttribute
{
    public OpenClipartFactAttribute()
    {
        Skip = OpenClipart.UnavailableReason;
    }
}

/// <summary>The run over every openclipart PNG (about 2 minutes): set COLORIZEBRIDGE_OPENCLIPART_FULL=1, as scripts/test.sh does.</summary>
public sealed class OpenClipartFullRunFactAttribute : FactAttribute
{
    public OpenClipartFullRunFactAttribute()
    {
        Skip = Environment.GetEnvironmentVariable(OpenClipart.FullRunVariable) == "1"
            ? OpenClipart.UnavailableReason
            : $"Opt-in: set {OpenClipart.FullRunVariable}=1 to decode all openclipart PNGs against PIL.";
    }
}
