using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using ColorizeBridge.Imaging.Pixels;

namespace ColorizeBridge.Imaging.Png;

/// <summary>
/// Writes 8-bit PNGs: greyscale from a <see cref="GrayImage"/>; RGB from an
/// <see cref="RgbaImage"/> whose alpha is all 255 (a quarter smaller), RGBA otherwise.
/// </summary>
public static class PngEncoder
{
    private const int MaxIdatChunk = 1 << 20;

    private const int IhdrLength = 13;

    public static byte[] Encode(RgbaImage image, PngEncoderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        bool opaque = image.IsOpaque();
        PngInfo info = new(image.Width, image.Height, 8, opaque ? PngColorType.Rgb : PngColorType.Rgba, false);
        return EncodeRows(info, image.Pixels, RgbaImage.BytesPerPixel, options ?? PngEncoderOptions.Default);
    }

    public static byte[] Encode(GrayImage image, PngEncoderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        PngInfo info = new(image.Width, image.Height, 8, PngColorType.Grayscale, false);
        return EncodeRows(info, image.Pixels, 1, options ?? PngEncoderOptions.Default);
    }

    private static byte[] EncodeRows(PngInfo info, byte[] pixels, int sourceBytesPerPixel, PngEncoderOptions options)
    {
        int sourceRowBytes = info.Width * sourceBytesPerPixel;
        int rowBytes = info.ScanlineBytes(info.Width);
        int stride = info.FilterStride;
        var filter = new PngRowFilterSelector(options.Filter, rowBytes);
        byte[] packed = ArrayPool<byte>.Shared.Rent(rowBytes);
        byte[] previous = ArrayPool<byte>.Shared.Rent(rowBytes);
        // Deflate output goes to pooled memory; the one array this allocates is the PNG itself, sized exactly.
        using var compressed = new PooledBufferStream(Math.Max(64 * 1024, info.Height * rowBytes / 8));
        try
        {
            previous.AsSpan(0, rowBytes).Clear();
            using (var deflater = new ZLibStream(compressed, options.CompressionLevel, leaveOpen: true))
            {
                for (int y = 0; y < info.Height; y++)
                {
                    ReadOnlySpan<byte> source = pixels.AsSpan(y * sourceRowBytes, sourceRowBytes);
                    ReadOnlySpan<byte> row = source;
                    if (rowBytes != sourceRowBytes)
                    {
                        DropAlpha(source, packed);
                        row = packed.AsSpan(0, rowBytes);
                    }

                    deflater.Write(filter.FilterRow(row, previous.AsSpan(0, rowBytes), stride));
                    row.CopyTo(previous);
                }
            }

            ReadOnlySpan<byte> data = compressed.WrittenSpan;
            int idatChunks = (data.Length + MaxIdatChunk - 1) / MaxIdatChunk;
            byte[] png = new byte[PngChunkWriter.Signature.Length + PngChunkWriter.Overhead + IhdrLength
                + (idatChunks * PngChunkWriter.Overhead) + data.Length + PngChunkWriter.Overhead];
            PngChunkWriter.Signature.CopyTo(png);
            int written = PngChunkWriter.Signature.Length;
            written += PngChunkWriter.Write(png.AsSpan(written), PngChunkType.Ihdr, Header(info, stackalloc byte[IhdrLength]));
            for (int offset = 0; offset < data.Length; offset += MaxIdatChunk)
            {
                written += PngChunkWriter.Write(png.AsSpan(written), PngChunkType.Idat, data.Slice(offset, Math.Min(MaxIdatChunk, data.Length - offset)));
            }

            PngChunkWriter.Write(png.AsSpan(written), PngChunkType.Iend, []);
            return png;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(packed);
            ArrayPool<byte>.Shared.Return(previous);
            filter.Dispose();
        }
    }

    private static void DropAlpha(ReadOnlySpan<byte> rgba, Span<byte> rgb)
    {
        for (int i = 0, j = 0; i < rgba.Length; i += 4, j += 3)
        {
            rgb[j] = rgba[i];
            rgb[j + 1] = rgba[i + 1];
            rgb[j + 2] = rgba[i + 2];
        }
    }

    private static Span<byte> Header(PngInfo info, Span<byte> header)
    {
        header.Clear();
        BinaryPrimitives.WriteInt32BigEndian(header, info.Width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], info.Height);
        header[8] = (byte)info.BitDepth;
        header[9] = (byte)info.ColorType;
        return header;
    }
}
