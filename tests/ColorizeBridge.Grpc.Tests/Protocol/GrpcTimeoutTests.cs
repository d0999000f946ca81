using ColorizeBridge.Grpc.Internal;

namespace ColorizeBridge.Grpc.Tests.Protocol;

public sealed class GrpcTimeoutTests
{
    [Theory]
    [InlineData("2H", 2 * TimeSpan.TicksPerHour)]
    [InlineData("3M", 3 * TimeSpan.TicksPerMinute)]
    [InlineData("4S", 4 * TimeSpan.TicksPerSecond)]
    [InlineData("5m", 5 * TimeSpan.TicksPerMillisecond)]
    [InlineData("6u", 6 * TimeSpan.TicksPerMicrosecond)]
    [InlineData("700n", 7)]
    [InlineData("1n", 1)]
    [InlineData("0S", 0)]
    [InlineData("99999999m", 99_999_999 * TimeSpan.TicksPerMillisecond)]
    public void TryParse_EveryUnit_GivesTheTimeout(string header, long expectedTicks)
    {
        var parsed = GrpcTimeout.TryParse(header, out var timeout);

        Assert.True(parsed);
        Assert.Equal(TimeSpan.FromTicks(expectedTicks), timeout);
    }

    [Theory]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("10")]
    [InlineData("10s")]
    [InlineData("10x")]
    [InlineData("-1S")]
    [InlineData("+1S")]
    [InlineData("1.5S")]
    [InlineData(" 1S")]
    [InlineData("123456789S")]
    [InlineData(null)]
    public void TryParse_InvalidValue_IsRejected(string? header)
    {
        var parsed = GrpcTimeout.TryParse(header, out _);

        Assert.False(parsed);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(12_345_678)]
    [InlineData(TimeSpan.TicksPerSecond * 100_000)]
    [InlineData(TimeSpan.TicksPerDay * 3650)]
    public void Format_ParsesBackToAtLeastTheTimeout(long ticks)
    {
        var timeout = TimeSpan.FromTicks(ticks);

        var header = GrpcTimeout.Format(timeout);

        Assert.True(header.Length <= 9, header);
        Assert.True(GrpcTimeout.TryParse(header, out var parsed));
        Assert.True(parsed >= timeout, $"{header} -> {parsed} < {timeout}");
    }
}
