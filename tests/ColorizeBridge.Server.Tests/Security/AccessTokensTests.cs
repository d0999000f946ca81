using ColorizeBridge.Server.Security;

namespace ColorizeBridge.Server.Tests.Security;

public sealed class AccessTokensTests
{
    [Theory]
    [InlineData("Bearer alpha-0123456789abcdef", true)]
    [InlineData("bearer beta-0123456789abcdef", true)]
    [InlineData("Bearer  alpha-0123456789abcdef ", true)]
    [InlineData("Bearer alpha-0123456789abcdeF", false)]
    [InlineData("alpha-0123456789abcdef", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Admits_OnlyAConfiguredBearerToken(string? header, bool expected)
    {
        var tokens = new AccessTokens(["alpha-0123456789abcdef", "beta-0123456789abcdef"]);

        Assert.Equal(expected, tokens.Admits(header));
    }

    [Fact]
    public void FromFile_SkipsCommentsAndBlankLines()
    {
        string file = Path.GetTempFileName();
        File.WriteAllLines(file, ["# studio tokens", "", "  gamma-0123456789abcdef  "]);

        AccessTokens tokens = AccessTokens.FromFile(file);

        Assert.False(tokens.IsOpen);
        Assert.True(tokens.Admits("Bearer gamma-0123456789abcdef"));
    }

    [Theory]
    [InlineData("# only a comment", "holds no token")]
    [InlineData("short", "at least 16 characters")]
    public void FromFile_UnusableFile_SaysWhy(string content, string expected)
    {
        string file = Path.GetTempFileName();
        File.WriteAllText(file, content);

        var error = Assert.Throws<FormatException>(() => AccessTokens.FromFile(file));

        Assert.Contains(expected, error.Message);
    }
}
