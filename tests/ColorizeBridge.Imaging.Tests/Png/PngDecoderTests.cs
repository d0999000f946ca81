using System.Buffers.Binary;
using System.IO.Compression;
using ColorizeBridge.Imaging.Png;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Imaging.Tests.Support;

namespace ColorizeBridge.Imaging.Tests.Png;

public sealed partial class PngDecoderTests
{
    [ReferenceFact]
    public void Decode_SyntheticPngsOfEveryColourTypeDepthAndInterlace_MatchReference()
    {
        // Arrange: the script writes each case with its expected RGBA, already checked against PIL.
        string directory = Directory.CreateTempSubdirectory("png-synth-").FullName;
        try
        {
            string[] cases = PythonReference.RunScript(["synth", directory])
                .Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var failures = new List<string>();
            var covered = new HashSet<(PngColorType, int, bool)>();

            // Act
            foreach (string name in cases)
            {
                byte[] png = File.ReadAllBytes(Path.Combine(directory, name + ".png"));
                byte[] expected = File.ReadAllBytes(Path.Combine(directory, name + ".rgba"));
                PngInfo info = PngDecoder.ReadHeader(png);
                covered.Add((info.ColorType, info.BitDepth, info.Interlaced));
                RgbaImage decoded = PngDecoder.Decode(png);
                if (!decoded.Pixels.AsSpan().SequenceEqual(expected))
                {
                    failures.Add($"{name}: first difference at byte {decoded.Pixels.AsSpan().CommonPrefixLength(expected)}");
                }
            }

            // Assert: 15 colour type / depth pairs, each plain and interlaced.
            Assert.Empty(failures);
            Assert.Equal(30, covered.Count);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void ReadHeader_ValidPng_ReturnsDeclaredFields()
    {
        byte[] png = PngEncoder.Encode(TestImages.Noise(7, 5, seed: 1));

        PngInfo info = PngDecoder.ReadHeader(png);

        Assert.Equal(new PngInfo(7, 5, 8, PngColorType.Rgba, false), info);
    }

    [Fact]
    public void Decode_HugeDeclaredSize_ThrowsBeforeAllocating()
    {
        byte[] png = PngWithHeader(100_000, 100_000, bitDepth: 8, colorType: 6, idat: [0x78, 0x9C]);
        long before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<ImageFormatException>(() => PngDecoder.Decode(png));

        Assert.Contains("100000x100000", error.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20, "the limit must be checked before pixel memory is allocated");
    }

    [Theory]
    [InlineData(5000, 10, 1000, 1L << 40)]
    [InlineData(300, 300, 32768, 80_000)]
    public void Decode_OverConfiguredLimits_ThrowsNamingTheLimit(int width, int height, int maxDimension, long maxPixels)
    {
        byte[] png = PngEncoder.Encode(new GrayImage(width, height));
        var options = new PngDecoderOptions { MaxDimension = maxDimension, MaxPixels = maxPixels };

        var error = Assert.Throws<ImageFormatException>(() => PngDecoder.Decode(png, options));

        Assert.Contains($"{width}x{height}", error.Message);
        Assert.Contains("exceeds", error.Message);
    }

    [Fact]
    public void Decode_ZlibBombUnderSmallHeader_InflatesOnlyTheDeclaredScanlines()
    {
        // Arrange: 64 MiB of zeros compress to ~64 KiB; the header declares only 16x16 grey.
        byte[] bomb = Deflate(new byte[64 << 20]);
        byte[] png = PngWithHeader(16, 16, bitDepth: 8, colorType: 0, idat: bomb);
        long before = GC.GetAllocatedBytesForCurrentThread();

        // Act
        RgbaImage image = PngDecoder.Decode(png);

        // Assert: the decoder stopped after 16 scanlines instead of inflating everything.
        Assert.Equal(16, image.Width);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 4 << 20);
    }

    [Fact]
    public void Decode_EveryTruncation_ThrowsImageFormatException()
    {
        byte[] png = PngEncoder.Encode(TestImages.Noise(9, 9, seed: 2));

        // Every cut up to IEND loses data the image needs (the IEND chunk itself is optional to us).
        for (int length = 0; length < png.Length - 12; length++)
        {
            byte[] truncated = png[..length];

            Assert.Throws<ImageFormatException>(() => PngDecoder.Decode(truncated));
        }
    }

    [Fact]
    public void Decode_NotAPng_ThrowsSayingSo()
    {
        byte[] jpegStart = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46, 0, 1];

        var error = Assert.Throws<ImageFormatException>(() => PngDecoder.Decode(jpegStart));

        Assert.Contains("Not a PNG", error.Message);
    }

    [Fact]
    public void Decode_CorruptedByteInAnyChunk_ThrowsCrcError()
    {
        byte[] png = PngEncoder.Encode(TestImages.Noise(9, 9, seed: 3));

        // Flip one bit in every byte after the signature that is covered by a CRC.
        for (int offset = 8; offset < png.Length; offset++)
        {
            byte[] corrupted = (byte[])png.Clone();
            corrupted[offset] ^= 0x10;

            var error = Assert.Throws<ImageFormatException>(() => PngDecoder.Decode(corrupted));

            Assert.Matches("CRC|truncated|malformed", error.Message);
        }
    }

    [Fact]
    public void Decode_UnknownFilterType_ThrowsNamingTheFilter()
    {
        byte[] scanlines = [7, 0, 0];
        byte[] png = PngWithHeader(2, 1, bitDepth: 8, colorType: 0, idat: Deflate(scanlines));

        var error = Assert.Throws<ImageFormatException>(() => PngDecoder.Decode(png));

        Assert.Contains("filter type 7", error.Message);
    }

    [Fact]
    public void Decode_UnknownCriticalChunk_Throws()
    {
        byte[] png = PngWithHeader(1, 1, bitDepth: 8, colorType: 0, idat: Deflate([0, 0]), extraChunk: "ABCD"u8.ToArray());

        var error = Assert.Throws<ImageFormatException>(() => PngDecoder.Decode(png));

        Assert.Contains("ABCD", error.Message);
    }

    [Fact]
    public void Decode_UnknownAncillaryChunk_IsSkipped()
    {
        byte[] png = PngWithHeader(1, 1, bitDepth: 8, colorType: 0, idat: Deflate([0, 200]), extraChunk: "zzZz"u8.ToArray());

        RgbaImage image = PngDecoder.Decode(png);

        Assert.Equal(new byte[] { 200, 200, 200, 255 }, image.Pixels);
    }

    [Fact]
    public void Decode_ImageDataEndsEarly_ThrowsTruncated()
    {
        byte[] png = PngWithHeader(4, 4, bitDepth: 8, colorType: 0, idat: Deflate(new byte[10]));

        var error = Assert.Throws<ImageFormatException>(() => PngDecoder.Decode(png));

        Assert.Contains("truncated", error.Message);
    }

    internal static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>Hand-assembles a PNG so tests can declare what an encoder never would.</summary>
    internal static byte[] PngWithHeader(int width, int height, byte bitDepth, byte colorType, byte[] idat, byte[]? extraChunk = null)
    {
        using var output = new MemoryStream();
        output.Write(PngChunkWriter.Signature);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = bitDepth;
        header[9] = colorType;
        PngChunkWriter.Write(output, PngChunkType.Ihdr, header);
        if (extraChunk is not null)
        {
            PngChunkWriter.Write(output, BinaryPrimitives.ReadUInt32BigEndian(extraChunk), [1, 2, 3]);
        }

        PngChunkWriter.Write(output, PngChunkType.Idat, idat);
        PngChunkWriter.Write(output, PngChunkType.Iend, []);
        return output.ToArray();
    }
}
