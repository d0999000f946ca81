namespace ColorizeBridge.Imaging.Geometry;

/// <summary>
/// A model's input size rules (model.json "size_rules", proto SizeRules):
/// sides are padded to a multiple of <see cref="MultipleOf"/> and lie in
/// [<see cref="MinSide"/>, <see cref="MaxSide"/>]; the longest side of the
/// content is scaled to <see cref="PreferredSide"/> unless a target is given.
/// </summary>
public sealed record SizeRules
{
    public SizeRules(int multipleOf, int minSide, int maxSide, int preferredSide)
    {
        if (multipleOf <= 0 || minSide <= 0 || maxSide <= 0 || preferredSide <= 0)
        {
            throw new ArgumentException(
                $"Size rules must be positive; got multiple_of {multipleOf}, min_side {minSide}, max_side {maxSide}, preferred_side {preferredSide}.");
        }

        if (RoundUp(minSide, multipleOf) > maxSide / multipleOf * multipleOf)
        {
            throw new ArgumentException(
                $"Size rules leave no valid side: min_side {minSide} and max_side {maxSide} admit no multiple of {multipleOf}.");
        }

        MultipleOf = multipleOf;
        MinSide = minSide;
        MaxSide = maxSide;
        PreferredSide = preferredSide;
    }

    public int MultipleOf { get; }

    public int MinSide { get; }

    public int MaxSide { get; }

    public int PreferredSide { get; }

    /// <summary>The largest side the rules allow: <see cref="MaxSide"/> rounded down to a multiple.</summary>
    public int LargestSide => MaxSide / MultipleOf * MultipleOf;

    /// <summary>The smallest side the rules allow: <see cref="MinSide"/> rounded up to a multiple.</summary>
    public int SmallestSide => RoundUp(MinSide, MultipleOf);

    internal static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;
}
