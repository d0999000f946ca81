using ColorizeBridge.Server.Limits;

namespace ColorizeBridge.Server.Tests.Limits;

public sealed class RateLimitTests
{
    [Theory]
    [InlineData("20/s", 20, 1)]
    [InlineData("20", 20, 1)]
    [InlineData("600/m", 600, 60)]
    public void Parse_ValidValue_CallsAndPeriod(string value, int calls, int periodSeconds)
    {
        RateLimit limit = RateLimit.Parse(value, "--rate-limit");

        Assert.Equal(new RateLimit(calls, TimeSpan.FromSeconds(periodSeconds)), limit);
    }

    [Theory]
    [InlineData("0/s")]
    [InlineData("-3/s")]
    [InlineData("ten/s")]
    [InlineData("20/h")]
    [InlineData("20/s/s")]
    public void Parse_InvalidValue_SaysWhatIsValid(string value)
    {
        var error = Assert.Throws<FormatException>(() => RateLimit.Parse(value, "--rate-limit"));

        Assert.Contains("--rate-limit must be N/s or N/m", error.Message);
    }

    [Theory]
    [InlineData("20/s")]
    [InlineData("600/m")]
    public void ToString_RoundTripsThroughParse(string value)
    {
        Assert.Equal(value, RateLimit.Parse(value, "--rate-limit").ToString());
    }
}
