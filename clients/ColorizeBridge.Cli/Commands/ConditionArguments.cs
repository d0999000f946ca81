using System.Globalization;
using ColorizeBridge.Api.V1;

namespace ColorizeBridge.Cli.Commands;

/// <summary>
/// The values of <c>--palette</c> and <c>--tags</c>, which steer models of kind
/// "palette" and "tags" (docs/MODELS.md). A malformed value is a
/// <see cref="CliUsageException"/> that shows the form to write.
/// </summary>
internal static class ConditionArguments
{
    /// <summary>Most colours a palette may have (the server's limit, checked here so the user hears it before any work).</summary>
    public const int MaxPaletteColours = 32;

    private const string PaletteExample = "e.g. --palette \"#aabbcc,#ddeeff:2\"";

    /// <summary>
    /// "#aabbcc,#ddeeff:2": comma-separated #rrggbb colours (the # may be left
    /// out), each with an optional :weight, a positive number; an entry
    /// without one weighs 1, so no weights at all means equal shares.
    /// </summary>
    public static IReadOnlyList<PaletteEntry> ParsePalette(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new CliUsageException($"--palette is empty; give #rrggbb colours, {PaletteExample}");
        }

        string[] items = text.Split(',');
        if (items.Length > MaxPaletteColours)
        {
            throw new CliUsageException($"--palette has {items.Length} colours; a palette has at most {MaxPaletteColours}");
        }

        var entries = new List<PaletteEntry>(items.Length);
        for (int i = 0; i < items.Length; i++)
        {
            string item = items[i].Trim();
            if (item.Length == 0)
            {
                throw new CliUsageException($"--palette: colour {i + 1} of {items.Length} is empty (two commas in a row?); {PaletteExample}");
            }

            int colon = item.IndexOf(':', StringComparison.Ordinal);
            string colour = (colon < 0 ? item : item[..colon]).Trim();
            string hex = colour.StartsWith('#') ? colour[1..] : colour;
            if (hex.Length != 6 || !hex.All(char.IsAsciiHexDigit))
            {
                throw new CliUsageException($"--palette: \"{colour}\" is not a colour; write #rrggbb with six hex digits, {PaletteExample}");
            }

            float weight = 1;
            if (colon >= 0)
            {
                string weightText = item[(colon + 1)..].Trim();
                if (!float.TryParse(weightText, NumberStyles.Float, CultureInfo.InvariantCulture, out weight) || !float.IsFinite(weight) || weight <= 0)
                {
                    throw new CliUsageException($"--palette: the weight \"{weightText}\" of {colour} must be a positive number, e.g. #ddeeff:2");
                }
            }

            int rgb = int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            entries.Add(new PaletteEntry
            {
                Color = new Color { R = (uint)(rgb >> 16) & 0xFF, G = (uint)(rgb >> 8) & 0xFF, B = (uint)rgb & 0xFF },
                Weight = weight,
            });
        }

        return entries;
    }

    /// <summary>"red,blue": comma-separated tags of the model's vocabulary (`models` lists it); the server matches them ignoring case.</summary>
    public static IReadOnlyList<string> ParseTags(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new CliUsageException("--tags is empty; give the model's tags, e.g. --tags red,blue (see `models`)");
        }

        string[] tags = [.. text.Split(',').Select(tag => tag.Trim())];
        for (int i = 0; i < tags.Length; i++)
        {
            if (tags[i].Length == 0)
            {
                throw new CliUsageException($"--tags: tag {i + 1} of {tags.Length} is empty (two commas in a row?); e.g. --tags red,blue");
            }
        }

        return tags;
    }
}
