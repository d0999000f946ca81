using ColorizeBridge.Imaging.Png;

namespace ColorizeBridge.Imaging.Tests.Png;

public sealed class Crc32Tests
{
    [Fact]
    public void Compute_StandardCheckString_Returns0xCBF43926()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
    }

    [Fact]
    public void Compute_IendChunkType_MatchesTheCrcEveryPngEndsWith()
    {
        Assert.Equal(0xAE426082u, Crc32.Compute("IEND"u8));
    }

    [Fact]
    public void Append_InPieces_EqualsComputeInOne()
    {
        byte[] data = new byte[1003];
        new Random(26).NextBytes(data);

        uint running = 0xFFFFFFFFu;
        for (int offset = 0; offset < data.Length; offset += 7)
        {
            running = Crc32.Append(running, data.AsSpan(offset, Math.Min(7, data.Length - offset)));
        }

        Assert.Equal(Crc32.Compute(data), running ^ 0xFFFFFFFFu);
    }
}
