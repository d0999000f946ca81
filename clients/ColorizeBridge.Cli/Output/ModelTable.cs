using ColorizeBridge.Api.V1;

namespace ColorizeBridge.Cli.Output;

/// <summary>
/// ListModels as a plain, column-aligned table (kubectl style): easy to read,
/// and `awk '{print $1}'` still gets the names.
/// </summary>
internal static class ModelTable
{
    private const string Gap = "  ";
    private const string Missing = "-";

    public static void Write(TextWriter output, ListModelsResponse response)
    {
        List<string[]> rows = [["NAME", "VERSION", "KIND", "STATE", "DEVICE", "TAGS", "ERROR"]];
        rows.AddRange(response.Models.Select(model => new[]
        {
            model.Name,
            OrMissing(model.Version),
            OrMissing(model.Kind),
            model.State == ModelState.Unspecified ? Missing : ConstantNames.Of(model.State),
            OrMissing(model.Device),
            // A tags model's vocabulary, written as `colorize --tags` takes it.
            OrMissing(string.Join(",", model.Tags)),
            OrMissing(model.Error.ReplaceLineEndings(" ")),
        }));

        int columns = rows[0].Length;
        int[] widths = [.. Enumerable.Range(0, columns).Select(column => rows.Max(row => row[column].Length))];
        foreach (string[] row in rows)
        {
            // The last column is not padded: no trailing blanks.
            IEnumerable<string> cells = row.Select((cell, column) => column == columns - 1 ? cell : cell.PadRight(widths[column]));
            output.WriteLine(string.Join(Gap, cells).TrimEnd());
        }
    }

    private static string OrMissing(string value) => string.IsNullOrEmpty(value) ? Missing : value;
}
