using ColorizeBridge.Imaging.Codecs;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Imaging.Tests.Support;

namespace ColorizeBridge.Imaging.Tests.Codecs;

public sealed partial class ImageDecoderTests
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

            // Act
            foreach (string name in cases)
            {
                byte[] png = File.ReadAllBytes(Path.Combine(directory, name + ".png"));
                byte[] expected = File.ReadAllBytes(Path.Combine(directory, name + ".rgba"));
                RgbaImage decoded = ImageDecoder.Decode(png);
                if (!decoded.Pixels.AsSpan().SequenceEqual(expected))
                {
                    failures.Add($"{name}: first difference at byte {decoded.Pixels.AsSpan().CommonPrefixLength(expected)}");
                }
            }

            // Assert: 15 colour type / depth pairs, each plain and interlaced (the case names say which: ct6_d16_i1_...).
            Assert.Empty(failures);
            Assert.Equal(30, cases.Select(name => name[..name.IndexOf("_t", StringComparison.Ordinal)]).Distinct().Count());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Decode_EachAcceptedFormat_TakesTheSizeFromTheFile()
    {
        RgbaImage image = TestImages.Noise(7, 5, seed: 1, opaque: true);

        foreach (byte[] encoded in new[] { ImageEncoder.EncodePng(image), EncodedFixtures.Jpeg(image), EncodedFixtures.LosslessWebp(image) })
        {
            RgbaImage decoded = ImageDecoder.Decode(encoded);

            Assert.Equal((7, 5), (decoded.Width, decoded.Height));
        }
    }

    [Fact]
    public void Decode_Jpeg_IsCloseToTheSourcePixels()
    {
        RgbaImage image = TestImages.LineArt(64, 48, seed: 2, inkR: 200, inkG: 30, inkB: 90);

        RgbaImage decoded = ImageDecoder.Decode(EncodedFixtures.Jpeg(image, quality: 100));

        // JPEG is lossy: at quality 100 a channel is off by a few levels on average, and alpha is opaque.
        double meanError = image.Pixels.Zip(decoded.Pixels).Average(pair => Math.Abs(pair.First - pair.Second));
        Assert.Equal((64, 48), (decoded.Width, decoded.Height));
        Assert.True(meanError < 3, $"mean absolute error {meanError:F2}");
        Assert.True(decoded.IsOpaque());
    }

    [Fact]
    public void Decode_LosslessWebpWithTransparency_RoundTripsExactly()
    {
        // Straight alpha throughout: a part-transparent hint keeps its exact colour. (libwebp drops the colour
        // under alpha 0 when it encodes, so those pixels are made transparent black in the source too.)
        RgbaImage image = TestImages.Noise(33, 17, seed: 3);
        for (int i = 0; i < image.Pixels.Length; i += 4)
        {
            if (image.Pixels[i + 3] == 0)
            {
                image.Pixels.AsSpan(i, 3).Clear();
            }
        }

        RgbaImage decoded = ImageDecoder.Decode(EncodedFixtures.LosslessWebp(image));

        Assert.Equal(image.Pixels, decoded.Pixels);
    }

    [Theory]
    [InlineData(6, 16, 32)] // rotated a quarter clockwise to view: stored 32x16 comes out 16x32
    [InlineData(3, 32, 16)] // upside down
    [InlineData(1, 32, 16)] // already upright
    public void Decode_JpegWithExifOrientation_ComesOutUpright(ushort orientation, int width, int height)
    {
        // Arrange: stored left half red, right half blue.
        var stored = new RgbaImage(32, 16);
        for (int y = 0; y < 16; y++)
        {
            for (int x = 0; x < 32; x++)
            {
                (x < 16 ? new byte[] { 255, 0, 0, 255 } : [0, 0, 255, 255]).CopyTo(stored.GetRow(y).Slice(x * 4, 4));
            }
        }

        byte[] jpeg = EncodedFixtures.WithExifOrientation(EncodedFixtures.Jpeg(stored), orientation);

        // Act
        RgbaImage upright = ImageDecoder.Decode(jpeg);

        // Assert: where the red half ends up says how the image was turned.
        Assert.Equal((width, height), (upright.Width, upright.Height));
        (int redX, int redY) = orientation switch
        {
            6 => (8, 8),   // stored left side is now the top
            3 => (24, 8),  // stored left side is now the right
            _ => (8, 8),
        };
        (int blueX, int blueY) = orientation == 6 ? (8, 24) : orientation == 3 ? (8, 8) : (24, 8);
        Assert.True(upright.GetRow(redY)[redX * 4] > 200 && upright.GetRow(redY)[(redX * 4) + 2] < 60, "red where expected");
        Assert.True(upright.GetRow(blueY)[(blueX * 4) + 2] > 200 && upright.GetRow(blueY)[blueX * 4] < 60, "blue where expected");
    }

    [Fact]
    public void Decode_PngWithGamma_SamplesAreNotColourConverted()
    {
        // A gAMA of 1.0 would brighten every mid-tone if Skia converted to sRGB; the old decoder ignored it, and so do we.
        RgbaImage image = TestImages.Noise(16, 9, seed: 4);
        byte[] png = PngChunks.InsertAfterHeader(ImageEncoder.EncodePng(image), "gAMA", [0, 1, 0x86, 0xA0]);

        RgbaImage decoded = ImageDecoder.Decode(png);

        Assert.Equal(image.Pixels, decoded.Pixels);
    }

    [Fact]
    public void Decode_HugeDeclaredSize_ThrowsBeforeAllocating()
    {
        byte[] png = PngChunks.WithHeader(100_000, 100_000, bitDepth: 8, colorType: 6, idat: [0x78, 0x9C]);
        long before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<ImageFormatException>(() => ImageDecoder.Decode(png));

        Assert.Contains("100000x100000", error.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20, "the limit must be checked before pixel memory is allocated");
    }

    [Theory]
    [InlineData(5000, 10, 1000, 1L << 40)]
    [InlineData(300, 300, 32768, 80_000)]
    public void Decode_OverConfiguredLimits_ThrowsNamingTheLimit(int width, int height, int maxDimension, long maxPixels)
    {
        byte[] png = ImageEncoder.EncodePng(new GrayImage(width, height));
        var options = new ImageDecoderOptions { MaxDimension = maxDimension, MaxPixels = maxPixels };

        var error = Assert.Throws<ImageFormatException>(() => ImageDecoder.Decode(png, options));

        Assert.Contains($"{width}x{height}", error.Message);
        Assert.Contains("exceeds", error.Message);
    }

    [Fact]
    public void Decode_JpegOverLimits_ThrowsBeforeDecoding()
    {
        byte[] jpeg = EncodedFixtures.Jpeg(TestImages.Noise(300, 200, seed: 5, opaque: true));

        var error = Assert.Throws<ImageFormatException>(() => ImageDecoder.Decode(jpeg, new ImageDecoderOptions { MaxPixels = 50_000 }));

        Assert.Equal("JPEG of 300x200 (60000 pixels) exceeds the limit of 50000 pixels.", error.Message);
    }

    [Fact]
    public void Decode_ZlibBombUnderSmallHeader_DecodesOnlyTheDeclaredSize()
    {
        // 64 MiB of zeros compress to ~64 KiB; the header declares only 16x16 grey (every row: filter 0, zero samples).
        byte[] png = PngChunks.WithHeader(16, 16, bitDepth: 8, colorType: 0, idat: PngChunks.Deflate(new byte[64 << 20]));

        RgbaImage image = ImageDecoder.Decode(png);

        Assert.Equal((16, 16), (image.Width, image.Height));
        Assert.Equal(TestImages.Solid(16, 16, 0, 0, 0).Pixels, image.Pixels);
    }

    [Fact]
    public void Decode_EveryTruncationOfTheImageData_ThrowsImageFormatException()
    {
        byte[] png = ImageEncoder.EncodePng(TestImages.Noise(9, 9, seed: 6));

        // Every cut before the last pixel byte loses rows. The zlib checksum (4 bytes), the IDAT CRC (4) and
        // IEND (12) come after it: Skia has every row by then and does not read them, as browsers do not.
        for (int length = 0; length < png.Length - 20; length++)
        {
            byte[] truncated = png[..length];

            Assert.Throws<ImageFormatException>(() => ImageDecoder.Decode(truncated));
        }
    }

    [Fact]
    public void Decode_TruncatedImageData_SaysTruncated()
    {
        byte[] png = ImageEncoder.EncodePng(TestImages.Noise(64, 64, seed: 7));

        var error = Assert.Throws<ImageFormatException>(() => ImageDecoder.Decode(png[..(png.Length / 2)]));

        Assert.StartsWith("PNG is truncated", error.Message);
    }

    [Fact]
    public void Decode_CorruptedHeaderOrImageData_Throws()
    {
        byte[] png = ImageEncoder.EncodePng(TestImages.Noise(9, 9, seed: 8));
        int idat = PngChunks.OffsetOf(png, "IDAT");
        int idatEnd = idat + 12 + System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(idat));
        IEnumerable<int> covered = Enumerable.Range(8, 25).Concat(Enumerable.Range(idat + 4, idatEnd - idat - 24));

        // Flip one bit in every byte of IHDR (its CRC included) and of IDAT from its type on (an overlong length
        // field only makes the decoder read on to the end) but its last 20: the end of the deflate
        // stream, its checksum and the chunk's CRC follow the last row, and Skia, like browsers, stops once it has
        // every row. A corrupted ancillary chunk is dropped, as libpng does.
        int[] accepted = covered.Where(offset =>
        {
            byte[] corrupted = (byte[])png.Clone();
            corrupted[offset] ^= 0x10;
            return Record.Exception(() => ImageDecoder.Decode(corrupted)) is not ImageFormatException;
        }).ToArray();

        Assert.True(accepted.Length == 0, $"IDAT at {idat}, {png.Length} bytes; decoded without error after flipping byte {string.Join(", ", accepted)}");
    }

    public static TheoryData<string, byte[], string> Refused() => new()
    {
        { "GIF", EncodedFixtures.Gif, "This is a GIF image, which is not accepted: send a PNG, JPEG or WebP image." },
        { "BMP", EncodedFixtures.Bmp, "This is a BMP image, which is not accepted: send a PNG, JPEG or WebP image." },
        { "GIF header only", "GIF89a this is not a png at all"u8.ToArray(), "This is a GIF image" },
        { "text", "<svg xmlns='http://www.w3.org/2000/svg'/>"u8.ToArray(), "The bytes are not an image this server reads (they start with 3C73766720786D6C)" },
        { "empty", [], "The image is empty (0 bytes): send a PNG, JPEG or WebP image." },
        { "PNG signature only", PngChunks.Signature, "PNG is truncated or malformed" },
        { "JPEG start only", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46, 0, 1], "JPEG is" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Decode_NotAcceptedOrBrokenBytes_ThrowsNamingWhatTheyAre(string name, byte[] bytes, string expected)
    {
        var error = Assert.Throws<ImageFormatException>(() => ImageDecoder.Decode(bytes));

        Assert.True(error.Message.StartsWith(expected, StringComparison.Ordinal), $"{name}: {error.Message}");
    }

    [Fact]
    public void Decode_UnknownAncillaryChunk_IsSkipped()
    {
        byte[] png = PngChunks.WithHeader(1, 1, bitDepth: 8, colorType: 0, idat: PngChunks.Deflate([0, 200]), ("zzZz", [1, 2, 3]));

        RgbaImage image = ImageDecoder.Decode(png);

        Assert.Equal(new byte[] { 200, 200, 200, 255 }, image.Pixels);
    }
}
