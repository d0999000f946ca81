namespace ColorizeBridge.Imaging.Png;

/// <summary>
/// Expands one unfiltered scanline of any colour type and bit depth into RGBA8
/// pixels of the output row: 1/2/4-bit grey scaled to 0..255, 16-bit samples
/// rounded to 8 bits, palette and colour-key transparency (tRNS) applied.
/// </summary>
internal sealed class PngRowConverter
{
    private readonly PngInfo _info;
    private readonly byte[] _paletteRgba;
    private readonly int[]? _colorKey;

    /// <param name="info">The image header.</param>
    /// <param name="paletteRgba">256 RGBA entries (palette images only).</param>
    /// <param name="colorKey">tRNS key samples at the image's bit depth: 1 for grey, 3 for RGB; null when none.</param>
    public PngRowConverter(PngInfo info, byte[] paletteRgba, int[]? colorKey)
    {
        _info = info;
        _paletteRgba = paletteRgba;
        _colorKey = colorKey;
    }

    /// <summary>Writes pixel i of <paramref name="scanline"/> to pixel xStart + i*xStep of <paramref name="rgbaRow"/>.</summary>
    public void Convert(ReadOnlySpan<byte> scanline, int pixelCount, Span<byte> rgbaRow, int xStart, int xStep)
    {
        if (_info.BitDepth == 8)
        {
            ConvertEightBit(scanline, pixelCount, rgbaRow, xStart, xStep);
        }
        else if (_info.BitDepth == 16)
        {
            ConvertSixteenBit(scanline, pixelCount, rgbaRow, xStart, xStep);
        }
        else
        {
            ConvertPacked(scanline, pixelCount, rgbaRow, xStart, xStep);
        }
    }

    private void ConvertEightBit(ReadOnlySpan<byte> s, int count, Span<byte> row, int xStart, int xStep)
    {
        int o = xStart * 4;
        int step = xStep * 4;
        switch (_info.ColorType)
        {
            case PngColorType.Rgba when xStep == 1:
                s[..(count * 4)].CopyTo(row[o..]);
                break;
            case PngColorType.Rgba:
                for (int i = 0, j = 0; i < count; i++, j += 4, o += step)
                {
                    row[o] = s[j];
                    row[o + 1] = s[j + 1];
                    row[o + 2] = s[j + 2];
                    row[o + 3] = s[j + 3];
                }

                break;
            case PngColorType.Rgb:
                int keyR = _colorKey?[0] ?? -1, keyG = _colorKey?[1] ?? -1, keyB = _colorKey?[2] ?? -1;
                for (int i = 0, j = 0; i < count; i++, j += 3, o += step)
                {
                    byte r = s[j], g = s[j + 1], b = s[j + 2];
                    row[o] = r;
                    row[o + 1] = g;
                    row[o + 2] = b;
                    row[o + 3] = r == keyR && g == keyG && b == keyB ? (byte)0 : (byte)255;
                }

                break;
            case PngColorType.Palette:
                ReadOnlySpan<byte> palette = _paletteRgba;
                for (int i = 0; i < count; i++, o += step)
                {
                    palette.Slice(s[i] * 4, 4).CopyTo(row[o..]);
                }

                break;
            case PngColorType.GrayscaleAlpha:
                for (int i = 0, j = 0; i < count; i++, j += 2, o += step)
                {
                    byte g = s[j];
                    row[o] = g;
                    row[o + 1] = g;
                    row[o + 2] = g;
                    row[o + 3] = s[j + 1];
                }

                break;
            default:
                int key = _colorKey?[0] ?? -1;
                for (int i = 0; i < count; i++, o += step)
                {
                    byte g = s[i];
                    row[o] = g;
                    row[o + 1] = g;
                    row[o + 2] = g;
                    row[o + 3] = g == key ? (byte)0 : (byte)255;
                }

                break;
        }
    }

    private void ConvertSixteenBit(ReadOnlySpan<byte> s, int count, Span<byte> row, int xStart, int xStep)
    {
        int channels = _info.Channels;
        Span<int> samples = stackalloc int[4];
        for (int i = 0, j = 0, o = xStart * 4; i < count; i++, o += xStep * 4)
        {
            for (int c = 0; c < channels; c++, j += 2)
            {
                samples[c] = (s[j] << 8) | s[j + 1];
            }

            bool keyed = _colorKey is not null && samples[..channels].SequenceEqual(_colorKey);
            switch (_info.ColorType)
            {
                case PngColorType.Grayscale or PngColorType.GrayscaleAlpha:
                    byte g = To8(samples[0]);
                    row[o] = g;
                    row[o + 1] = g;
                    row[o + 2] = g;
                    row[o + 3] = channels == 2 ? To8(samples[1]) : keyed ? (byte)0 : (byte)255;
                    break;
                default:
                    row[o] = To8(samples[0]);
                    row[o + 1] = To8(samples[1]);
                    row[o + 2] = To8(samples[2]);
                    row[o + 3] = channels == 4 ? To8(samples[3]) : keyed ? (byte)0 : (byte)255;
                    break;
            }
        }
    }

    /// <summary>1, 2 or 4 bits a pixel: grey or palette only (PNG spec table 11.1).</summary>
    private void ConvertPacked(ReadOnlySpan<byte> s, int count, Span<byte> row, int xStart, int xStep)
    {
        int depth = _info.BitDepth;
        int mask = (1 << depth) - 1;
        int greyScale = 255 / mask;
        int key = _colorKey?[0] ?? -1;
        bool palette = _info.ColorType == PngColorType.Palette;
        ReadOnlySpan<byte> paletteRgba = _paletteRgba;
        for (int i = 0, o = xStart * 4; i < count; i++, o += xStep * 4)
        {
            int bit = i * depth;
            int value = (s[bit >> 3] >> (8 - depth - (bit & 7))) & mask;
            if (palette)
            {
                paletteRgba.Slice(value * 4, 4).CopyTo(row[o..]);
            }
            else
            {
                byte g = (byte)(value * greyScale);
                row[o] = g;
                row[o + 1] = g;
                row[o + 2] = g;
                row[o + 3] = value == key ? (byte)0 : (byte)255;
            }
        }
    }

    /// <summary>16 to 8 bits by rounding: round(v * 255 / 65535).</summary>
    private static byte To8(int sample) => (byte)(((sample * 255) + 32767) / 65535);
}
