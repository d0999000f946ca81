using System.Buffers;
using ColorizeBridge.Imaging.Geometry;
using ColorizeBridge.Imaging.Pixels;

namespace ColorizeBridge.Imaging.Hints;

/// <summary>
/// Builds the model's hint tensor (tensor convention "hints", shared with
/// training and export) from a full-size hint layer and strokes:
/// <list type="number">
/// <item>the hint layer is mapped to the plan's work size: a work pixel is hinted
/// when any source pixel it covers has alpha &gt; 0, and takes the mean RGB of
/// those hinted pixels;</item>
/// <item>strokes are painted on top in order, in work coordinates;</item>
/// <item>the work canvas is cut into 4x4 cells: mask = max over the cell
/// (max-pool), colour = mean RGB of the hinted pixels in the cell.</item>
/// </list>
/// Padding cells stay 0, as the engine pads hints with zeros.
/// </summary>
public static class HintRasterizer
{
    public const int CellSize = 4;

    /// <summary>Channels of the hint tensor: the hint colour (r, g, b in [-1, 1] where hinted, else 0) and the mask.</summary>
    public const int Channels = 4;

    /// <summary>Float count of the hint tensor for <paramref name="plan"/>: 4 x (WorkHeight / 4) x (WorkWidth / 4).</summary>
    public static int TensorLength(FitPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Channels * (plan.WorkWidth / CellSize) * (plan.WorkHeight / CellSize);
    }

    /// <summary>
    /// Writes the model's <c>hints</c> input into <paramref name="values"/>
    /// (<see cref="TensorLength"/> floats, NCHW [1,4,H/4,W/4], e.g. a pooled buffer; cleared first).
    /// </summary>
    /// <exception cref="ArgumentException">The hint layer is not the line art's size, a stroke is invalid, the work size is not a multiple of 4, or <paramref name="values"/> has another length.</exception>
    public static void RasterizeInto(FitPlan plan, RgbaImage? hintLayer, IReadOnlyList<HintStroke>? strokes, Span<float> values)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.WorkWidth % CellSize != 0 || plan.WorkHeight % CellSize != 0)
        {
            throw new ArgumentException(
                $"Work size {plan.WorkWidth}x{plan.WorkHeight} is not a multiple of {CellSize}; the model's multiple_of must be.", nameof(plan));
        }

        if (hintLayer is not null)
        {
            plan.RequireSourceSize(hintLayer.Width, hintLayer.Height, nameof(hintLayer));
        }

        strokes ??= [];
        for (int i = 0; i < strokes.Count; i++)
        {
            strokes[i].Validate(i);
        }

        if (values.Length != TensorLength(plan))
        {
            throw new ArgumentException($"The hint tensor of a {plan.WorkWidth}x{plan.WorkHeight} work size has {TensorLength(plan)} floats; got {values.Length}.", nameof(values));
        }

        int canvasLength = plan.WorkWidth * plan.WorkHeight * 4;
        byte[] canvas = ArrayPool<byte>.Shared.Rent(canvasLength);
        try
        {
            Span<byte> work = canvas.AsSpan(0, canvasLength);
            work.Clear();
            if (hintLayer is not null)
            {
                MapLayer(plan, hintLayer, work);
            }

            foreach (HintStroke stroke in strokes)
            {
                StrokePainter.Paint(stroke, (float)plan.ScaleX, (float)plan.ScaleY, plan.ContentWidth, plan.ContentHeight, plan.WorkWidth, work);
            }

            values.Clear();
            PoolCells(plan, work, values);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(canvas);
        }
    }

    /// <summary>Canvas pixels are R, G, B and a hinted flag (255 = hinted).</summary>
    private static void MapLayer(FitPlan plan, RgbaImage layer, Span<byte> canvas)
    {
        (int[] columnStart, int[] columnEnd) = SourceSpans(plan.ContentWidth, plan.SourceWidth);
        (int[] rowStart, int[] rowEnd) = SourceSpans(plan.ContentHeight, plan.SourceHeight);
        ReadOnlySpan<byte> source = layer.Pixels;
        for (int y = 0; y < plan.ContentHeight; y++)
        {
            for (int x = 0; x < plan.ContentWidth; x++)
            {
                int count = 0, r = 0, g = 0, b = 0;
                for (int sy = rowStart[y]; sy < rowEnd[y]; sy++)
                {
                    for (int sx = columnStart[x], o = ((sy * layer.Width) + sx) * 4; sx < columnEnd[x]; sx++, o += 4)
                    {
                        if (source[o + 3] > 0)
                        {
                            count++;
                            r += source[o];
                            g += source[o + 1];
                            b += source[o + 2];
                        }
                    }
                }

                if (count > 0)
                {
                    int c = ((y * plan.WorkWidth) + x) * 4;
                    canvas[c] = (byte)((r + (count / 2)) / count);
                    canvas[c + 1] = (byte)((g + (count / 2)) / count);
                    canvas[c + 2] = (byte)((b + (count / 2)) / count);
                    canvas[c + 3] = 255;
                }
            }
        }
    }

    /// <summary>For each work index, the source indices [start, end) it covers; at least one.</summary>
    private static (int[] Start, int[] End) SourceSpans(int workLength, int sourceLength)
    {
        var start = new int[workLength];
        var end = new int[workLength];
        double ratio = (double)sourceLength / workLength;
        for (int i = 0; i < workLength; i++)
        {
            start[i] = Math.Min(sourceLength - 1, (int)Math.Floor(i * ratio));
            end[i] = Math.Clamp((int)Math.Ceiling((i + 1) * ratio), start[i] + 1, sourceLength);
        }

        return (start, end);
    }

    private static void PoolCells(FitPlan plan, ReadOnlySpan<byte> canvas, Span<float> values)
    {
        int cellsX = plan.WorkWidth / CellSize, cellsY = plan.WorkHeight / CellSize;
        int plane = cellsX * cellsY;
        for (int cy = 0; cy < cellsY; cy++)
        {
            for (int cx = 0; cx < cellsX; cx++)
            {
                int count = 0, r = 0, g = 0, b = 0;
                for (int y = cy * CellSize; y < (cy + 1) * CellSize; y++)
                {
                    for (int x = cx * CellSize, c = ((y * plan.WorkWidth) + x) * 4; x < (cx + 1) * CellSize; x++, c += 4)
                    {
                        if (canvas[c + 3] != 0)
                        {
                            count++;
                            r += canvas[c];
                            g += canvas[c + 1];
                            b += canvas[c + 2];
                        }
                    }
                }

                if (count == 0)
                {
                    continue;
                }

                int cell = (cy * cellsX) + cx;
                values[cell] = ToModelRange(r, count);
                values[plane + cell] = ToModelRange(g, count);
                values[(2 * plane) + cell] = ToModelRange(b, count);
                values[(3 * plane) + cell] = 1f;
            }
        }
    }

    /// <summary>Mean of <paramref name="count"/> 8-bit values as value / 127.5 - 1.</summary>
    private static float ToModelRange(int sum, int count) => (sum / (count * 127.5f)) - 1f;
}
