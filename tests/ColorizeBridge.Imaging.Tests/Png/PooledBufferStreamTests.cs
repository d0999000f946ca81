using System.Buffers;
using ColorizeBridge.Imaging.Png;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Imaging.Tests.Support;

namespace ColorizeBridge.Imaging.Tests.Png;

public sealed class PooledBufferStreamTests
{
    /// <summary>Counts the arrays rented and not yet returned.</summary>
    private sealed class CountingPool : ArrayPool<byte>
    {
        public int Outstanding { get; private set; }

        public int Rents { get; private set; }

        public override byte[] Rent(int minimumLength)
        {
            Outstanding++;
            Rents++;
            return new byte[minimumLength];
        }

        public override void Return(byte[] array, bool clearArray = false) => Outstanding--;
    }

    [Fact]
    public void Write_PastItsCapacity_GrowsKeepsTheBytesAndReturnsEveryArray()
    {
        var pool = new CountingPool();
        byte[] data = new byte[5000];
        new Random(1).NextBytes(data);

        using (var stream = new PooledBufferStream(initialCapacity: 300, pool))
        {
            for (int offset = 0; offset < data.Length; offset += 700)
            {
                stream.Write(data.AsSpan(offset, Math.Min(700, data.Length - offset)));
            }

            stream.WriteByte(42);

            Assert.Equal([.. data, 42], stream.WrittenSpan.ToArray());
            Assert.True(pool.Rents > 1, "the stream must have grown");
            Assert.Equal(1, pool.Outstanding);
            using MemoryStream reader = stream.OpenReader();
            Assert.Equal(data.Length + 1, reader.Length);
        }

        Assert.Equal(0, pool.Outstanding);
    }

    [Fact]
    public void Write_AfterDispose_Throws()
    {
        var stream = new PooledBufferStream(pool: new CountingPool());
        stream.Dispose();

        Assert.Throws<ObjectDisposedException>(() => stream.Write([1, 2]));
    }

    [Fact]
    public void Encode_OutputOverOneIdatChunk_SplitsItAndRoundTrips()
    {
        // Opaque noise barely compresses: 3 MB of RGB is several 1 MiB IDAT chunks.
        RgbaImage image = TestImages.Noise(1024, 1024, seed: 12, opaque: true);

        byte[] png = PngEncoder.Encode(image);

        Assert.True(png.Length > 2 << 20);
        Assert.Equal(image.Pixels, PngDecoder.Decode(png).Pixels);
    }
}
