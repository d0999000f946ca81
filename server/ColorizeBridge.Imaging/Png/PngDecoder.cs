using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using ColorizeBridge.Imaging.Pixels;

namespace ColorizeBridge.Imaging.Png;

/// <summary>
/// Decodes any standard PNG (every colour type, bit depths 1 to 16, tRNS,
/// Adam7) to straight-alpha RGBA8. Limits are checked against the header
/// before pixel memory is allocated, and inflation stops at the number of
/// scanline bytes the header implies, so a zlib bomb cannot make it allocate
/// more than the output image.
/// </summary>
public static class PngDecoder
{
    /// <summary>Reads and validates the signature and IHDR only.</summary>
    /// <exception cref="ImageFormatException">Not a PNG, or the header is malformed.</exception>
    public static PngInfo ReadHeader(ReadOnlySpan<byte> png)
    {
        var reader = new PngChunkReader(png);
        if (!reader.TryReadNext(out uint type, out ReadOnlySpan<byte> data) || type != PngChunkType.Ihdr)
        {
            throw new ImageFormatException("PNG is malformed: the first chunk must be IHDR.");
        }

        return ParseHeader(data);
    }

    /// <summary>Reads the header and checks it against <paramref name="options"/>' limits.</summary>
    /// <exception cref="ImageFormatException">Malformed, or larger than the limits allow.</exception>
    public static PngInfo ReadHeader(ReadOnlySpan<byte> png, PngDecoderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        PngInfo info = ReadHeader(png);
        EnforceLimits(info, options);
        return info;
    }

    /// <exception cref="ImageFormatException">Not a PNG, truncated, corrupted (CRC, zlib, filter) or over the limits.</exception>
    public static RgbaImage Decode(ReadOnlySpan<byte> png, PngDecoderOptions? options = null)
    {
        PngInfo info = ReadHeader(png, options ?? PngDecoderOptions.Default);
        var reader = new PngChunkReader(png);
        reader.TryReadNext(out _, out _);

        byte[] palette = CreateOpaqueBlackPalette();
        int paletteEntries = 0;
        int[]? colorKey = null;
        using var imageData = new PooledBufferStream(png.Length);
        bool ended = false;
        while (!ended && reader.TryReadNext(out uint type, out ReadOnlySpan<byte> data))
        {
            switch (type)
            {
                case PngChunkType.Plte:
                    paletteEntries = ReadPalette(data, info, palette);
                    break;
                case PngChunkType.Trns:
                    colorKey = ReadTransparency(data, info, palette);
                    break;
                case PngChunkType.Idat:
                    imageData.Write(data);
                    break;
                case PngChunkType.Iend:
                    ended = true;
                    break;
                case PngChunkType.Ihdr:
                    throw new ImageFormatException("PNG is malformed: it has more than one IHDR chunk.");
                default:
                    if (PngChunkType.IsCritical(type))
                    {
                        throw new ImageFormatException(
                            $"PNG uses critical chunk {PngChunkType.Name(type)}, which this decoder does not understand.");
                    }

                    break;
            }
        }

        if (imageData.Length == 0)
        {
            throw new ImageFormatException(ended
                ? "PNG is malformed: it has no IDAT (image data) chunk."
                : "PNG is truncated: the file ends before any image data.");
        }

        if (info.ColorType == PngColorType.Palette && paletteEntries == 0)
        {
            throw new ImageFormatException("PNG is malformed: a palette image has no PLTE chunk.");
        }

        var image = new RgbaImage(info.Width, info.Height);
        var converter = new PngRowConverter(info, palette, colorKey);
        using MemoryStream compressed = imageData.OpenReader();
        using var inflater = new ZLibStream(compressed, CompressionMode.Decompress);
        DecodeScanlines(info, inflater, converter, image);
        return image;
    }

    private static void DecodeScanlines(PngInfo info, Stream inflater, PngRowConverter converter, RgbaImage image)
    {
        int maxScanline = info.ScanlineBytes(info.Width);
        byte[] current = ArrayPool<byte>.Shared.Rent(maxScanline + 1);
        byte[] previous = ArrayPool<byte>.Shared.Rent(maxScanline + 1);
        try
        {
            foreach (PngPass pass in info.Interlaced ? Adam7.Passes : Adam7.Single)
            {
                int passWidth = pass.Width(info.Width);
                int passHeight = pass.Height(info.Height);
                if (passWidth == 0 || passHeight == 0)
                {
                    continue;
                }

                int scanlineBytes = info.ScanlineBytes(passWidth);
                previous.AsSpan(0, scanlineBytes + 1).Clear();
                for (int j = 0; j < passHeight; j++)
                {
                    Span<byte> line = current.AsSpan(0, scanlineBytes + 1);
                    ReadScanline(inflater, line);
                    Span<byte> samples = line[1..];
                    PngScanlineFilter.Unfilter(line[0], samples, previous.AsSpan(1, scanlineBytes), info.FilterStride);
                    converter.Convert(samples, passWidth, image.GetRow(pass.YStart + (j * pass.YStep)), pass.XStart, pass.XStep);
                    (current, previous) = (previous, current);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(current);
            ArrayPool<byte>.Shared.Return(previous);
        }
    }

    private static void ReadScanline(Stream inflater, Span<byte> line)
    {
        try
        {
            int read = inflater.ReadAtLeast(line, line.Length, throwOnEndOfStream: false);
            if (read < line.Length)
            {
                throw new ImageFormatException("PNG is truncated: the image data ends before the last scanline.");
            }
        }
        catch (InvalidDataException exception)
        {
            throw new ImageFormatException($"PNG is corrupted: the zlib image data is invalid ({exception.Message}).", exception);
        }
    }

    private static PngInfo ParseHeader(ReadOnlySpan<byte> data)
    {
        if (data.Length != 13)
        {
            throw new ImageFormatException($"PNG is malformed: IHDR has {data.Length} bytes, 13 expected.");
        }

        uint width = BinaryPrimitives.ReadUInt32BigEndian(data);
        uint height = BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
        byte bitDepth = data[8];
        byte colorType = data[9];
        if (width == 0 || height == 0 || width > int.MaxValue || height > int.MaxValue)
        {
            throw new ImageFormatException($"PNG is malformed: image size {width}x{height} is not allowed (1..2^31-1 each).");
        }

        bool validDepth = colorType switch
        {
            0 => bitDepth is 1 or 2 or 4 or 8 or 16,
            3 => bitDepth is 1 or 2 or 4 or 8,
            2 or 4 or 6 => bitDepth is 8 or 16,
            _ => throw new ImageFormatException($"PNG is malformed: colour type {colorType} is not defined (0, 2, 3, 4, 6 are)."),
        };
        if (!validDepth)
        {
            throw new ImageFormatException($"PNG is malformed: bit depth {bitDepth} is not allowed for colour type {colorType}.");
        }

        if (data[10] != 0 || data[11] != 0 || data[12] > 1)
        {
            throw new ImageFormatException(
                $"PNG is malformed: compression {data[10]}, filter {data[11]}, interlace {data[12]} (0, 0 and 0 or 1 are defined).");
        }

        return new PngInfo((int)width, (int)height, bitDepth, (PngColorType)colorType, data[12] == 1);
    }

    private static void EnforceLimits(PngInfo info, PngDecoderOptions options)
    {
        if (info.Width > options.MaxDimension || info.Height > options.MaxDimension)
        {
            throw new ImageFormatException(
                $"PNG of {info.Width}x{info.Height} exceeds the largest side allowed, {options.MaxDimension} pixels.");
        }

        if (info.PixelCount > options.MaxPixels || info.PixelCount * RgbaImage.BytesPerPixel > Array.MaxLength)
        {
            throw new ImageFormatException(
                $"PNG of {info.Width}x{info.Height} ({info.PixelCount} pixels) exceeds the limit of {options.MaxPixels} pixels.");
        }
    }

    private static byte[] CreateOpaqueBlackPalette()
    {
        // Indices past the PLTE entries decode as opaque black, as libpng does.
        var palette = new byte[256 * 4];
        for (int i = 3; i < palette.Length; i += 4)
        {
            palette[i] = 255;
        }

        return palette;
    }

    private static int ReadPalette(ReadOnlySpan<byte> data, PngInfo info, byte[] palette)
    {
        if (data.Length % 3 != 0 || data.Length == 0 || data.Length > 256 * 3)
        {
            throw new ImageFormatException($"PNG is malformed: PLTE has {data.Length} bytes (a multiple of 3, 3..768 expected).");
        }

        if (info.ColorType is PngColorType.Grayscale or PngColorType.GrayscaleAlpha)
        {
            throw new ImageFormatException("PNG is malformed: a greyscale image must not have a PLTE chunk.");
        }

        int entries = data.Length / 3;
        for (int i = 0; i < entries; i++)
        {
            palette[i * 4] = data[i * 3];
            palette[(i * 4) + 1] = data[(i * 3) + 1];
            palette[(i * 4) + 2] = data[(i * 3) + 2];
        }

        return entries;
    }

    /// <summary>Applies palette alphas, or returns the colour key for grey/RGB images (PNG spec 11.3.2.1).</summary>
    private static int[]? ReadTransparency(ReadOnlySpan<byte> data, PngInfo info, byte[] palette)
    {
        switch (info.ColorType)
        {
            case PngColorType.Palette:
                // Entries past the palette are a spec violation that libpng and PIL tolerate.
                for (int i = 0; i < data.Length && i < 256; i++)
                {
                    palette[(i * 4) + 3] = data[i];
                }

                return null;
            case PngColorType.Grayscale when data.Length == 2:
                return [BinaryPrimitives.ReadUInt16BigEndian(data)];
            case PngColorType.Rgb when data.Length == 6:
                return
                [
                    BinaryPrimitives.ReadUInt16BigEndian(data),
                    BinaryPrimitives.ReadUInt16BigEndian(data[2..]),
                    BinaryPrimitives.ReadUInt16BigEndian(data[4..]),
                ];
            case PngColorType.Grayscale or PngColorType.Rgb:
                throw new ImageFormatException($"PNG is malformed: tRNS of a {info.ColorType} image has {data.Length} bytes.");
            default:
                // tRNS is not allowed with an alpha channel; libpng and PIL ignore it, so do we.
                return null;
        }
    }
}
