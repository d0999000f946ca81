namespace ColorizeBridge.PaintDotNet.Core.Imaging;

/// <summary>
/// How much of each pixel of <see cref="Bounds"/> the selection covers,
/// 0 (outside) to 255 (inside), antialiased edges in between. Paint.NET clips
/// the effect's output to the selection itself; the mask is for the request:
/// line art and hints outside a lasso must not steer the colours inside it.
/// </summary>
public sealed class SelectionMask
{
    private readonly byte[] _coverage;

    public SelectionMask(PixelRect bounds, byte[] coverage)
    {
        ArgumentNullException.ThrowIfNull(coverage);
        if (bounds.IsEmpty)
        {
            throw new ArgumentException("the selection is empty", nameof(bounds));
        }

        if (coverage.Length != (long)bounds.Width * bounds.Height)
        {
            throw new ArgumentException($"a {bounds.Width}x{bounds.Height} mask needs {(long)bounds.Width * bounds.Height} bytes, got {coverage.Length}", nameof(coverage));
        }

        Bounds = bounds;
        _coverage = coverage;
    }

    /// <summary>The selection's bounding box in layer pixels.</summary>
    public PixelRect Bounds { get; }

    /// <summary>True when every pixel of <see cref="Bounds"/> is fully selected (a rectangle, or no selection).</summary>
    public bool IsRectangle => Array.TrueForAll(_coverage, c => c == 255);

    /// <summary>The mask of a layer with nothing selected: Paint.NET then works on the whole layer.</summary>
    public static SelectionMask Everything(int width, int height)
    {
        byte[] coverage = new byte[width * height];
        Array.Fill(coverage, (byte)255);
        return new SelectionMask(new PixelRect(0, 0, width, height), coverage);
    }

    /// <summary>
    /// Fades <paramref name="crop"/> (the layer cropped to <see cref="Bounds"/>)
    /// to transparent where the selection does not cover it: unselected line
    /// art becomes blank paper and unselected hints vanish.
    /// </summary>
    public void ClearOutside(BgraBitmap crop)
    {
        ArgumentNullException.ThrowIfNull(crop);
        if (crop.Width != Bounds.Width || crop.Height != Bounds.Height)
        {
            throw new ArgumentException($"the crop is {crop.Width}x{crop.Height}, the selection's bounds {Bounds.Width}x{Bounds.Height}", nameof(crop));
        }

        Span<byte> pixels = crop.Pixels;
        for (int i = 0; i < _coverage.Length; i++)
        {
            int alpha = pixels[(i * BgraBitmap.BytesPerPixel) + 3];
            pixels[(i * BgraBitmap.BytesPerPixel) + 3] = (byte)(((alpha * _coverage[i]) + 127) / 255);
        }
    }
}
