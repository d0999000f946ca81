using System.Buffers;

namespace ColorizeBridge.Imaging.Png;

/// <summary>
/// Filters each scanline by the chosen strategy and returns it with its
/// leading filter-type byte, reusing pooled buffers across rows.
/// </summary>
internal sealed class PngRowFilterSelector : IDisposable
{
    private static readonly PngFilterType[] AllFilters =
        [PngFilterType.None, PngFilterType.Sub, PngFilterType.Up, PngFilterType.Average, PngFilterType.Paeth];

    private readonly PngFilterStrategy _strategy;
    private readonly int _rowBytes;
    private readonly byte[] _best;
    private readonly byte[]? _candidate;

    public PngRowFilterSelector(PngFilterStrategy strategy, int rowBytes)
    {
        _strategy = strategy;
        _rowBytes = rowBytes;
        _best = ArrayPool<byte>.Shared.Rent(rowBytes + 1);
        _candidate = strategy == PngFilterStrategy.Adaptive ? ArrayPool<byte>.Shared.Rent(rowBytes + 1) : null;
    }

    public ReadOnlySpan<byte> FilterRow(ReadOnlySpan<byte> row, ReadOnlySpan<byte> previous, int stride)
    {
        if (_strategy != PngFilterStrategy.Adaptive)
        {
            PngFilterType filter = _strategy switch
            {
                PngFilterStrategy.None => PngFilterType.None,
                PngFilterStrategy.Sub => PngFilterType.Sub,
                PngFilterStrategy.Up => PngFilterType.Up,
                _ => PngFilterType.Paeth,
            };
            return Apply(filter, row, previous, stride, _best);
        }

        long bestCost = long.MaxValue;
        byte[] best = _best;
        byte[] candidate = _candidate!;
        foreach (PngFilterType filter in AllFilters)
        {
            long cost = SumOfAbsoluteSignedBytes(Apply(filter, row, previous, stride, candidate)[1..]);
            if (cost < bestCost)
            {
                bestCost = cost;
                (best, candidate) = (candidate, best);
            }
        }

        return best.AsSpan(0, _rowBytes + 1);
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_best);
        if (_candidate is not null)
        {
            ArrayPool<byte>.Shared.Return(_candidate);
        }
    }

    private ReadOnlySpan<byte> Apply(PngFilterType filter, ReadOnlySpan<byte> row, ReadOnlySpan<byte> previous, int stride, byte[] target)
    {
        target[0] = (byte)filter;
        PngScanlineFilter.Filter(filter, row, previous, stride, target.AsSpan(1, _rowBytes));
        return target.AsSpan(0, _rowBytes + 1);
    }

    private static long SumOfAbsoluteSignedBytes(ReadOnlySpan<byte> filtered)
    {
        long sum = 0;
        foreach (byte b in filtered)
        {
            sum += Math.Abs((int)(sbyte)b);
        }

        return sum;
    }
}
