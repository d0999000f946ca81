namespace ColorizeBridge.Cli.Files;

/// <summary>
/// File names in the order a person numbers pages: runs of digits compare as
/// numbers (page2 before page10), the rest ordinally; equal names by ordinal
/// order, so the order is total.
/// </summary>
internal sealed class NaturalNameOrder : IComparer<string>
{
    public static NaturalNameOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                int startX = i, startY = j;
                while (i < x.Length && char.IsAsciiDigit(x[i]))
                {
                    i++;
                }

                while (j < y.Length && char.IsAsciiDigit(y[j]))
                {
                    j++;
                }

                ReadOnlySpan<char> a = x.AsSpan(startX, i - startX).TrimStart('0'), b = y.AsSpan(startY, j - startY).TrimStart('0');
                int byNumber = a.Length != b.Length ? a.Length.CompareTo(b.Length) : a.SequenceCompareTo(b);
                if (byNumber != 0)
                {
                    return byNumber;
                }

                continue;
            }

            int byChar = x[i].CompareTo(y[j]);
            if (byChar != 0)
            {
                return byChar;
            }

            i++;
            j++;
        }

        int byLength = (x.Length - i).CompareTo(y.Length - j);
        return byLength != 0 ? byLength : string.CompareOrdinal(x, y);
    }
}
