using ColorizeBridge.Imaging.Colour;

namespace ColorizeBridge.Imaging.Tests.Colour;

public sealed class CieLabTests
{
    [Theory]
    [InlineData(255, 255, 255, 100.0, 0.0, 0.0)]
    [InlineData(0, 0, 0, 0.0, 0.0, 0.0)]
    [InlineData(255, 0, 0, 53.24, 80.09, 67.20)]
    [InlineData(0, 0, 255, 32.30, 79.19, -107.86)]
    public void FromSrgb_KnownColour_GivesItsPublishedLab(byte r, byte g, byte b, double l, double a, double bStar)
    {
        Lab lab = CieLab.FromSrgb(new Rgb(r, g, b));

        Assert.Equal(l, lab.L, 0.02);
        Assert.Equal(a, lab.A, 0.02);
        Assert.Equal(bStar, lab.B, 0.02);
    }

    [Fact]
    public void ToSrgb_OfFromSrgb_GivesBackEveryColourOfACoarseGrid()
    {
        for (int r = 0; r < 256; r += 15)
        {
            for (int g = 0; g < 256; g += 15)
            {
                for (int b = 0; b < 256; b += 15)
                {
                    var colour = new Rgb((byte)r, (byte)g, (byte)b);

                    Rgb back = CieLab.ToSrgb(CieLab.FromSrgb(colour));

                    Assert.Equal(colour, back);
                }
            }
        }
    }

    [Fact]
    public void ToSrgb_OutOfGamutLab_IsClippedPerChannel()
    {
        Rgb clipped = CieLab.ToSrgb(new Lab(50, 120, 0));

        Assert.Equal(255, clipped.R);
        Assert.Equal(0, clipped.G);
    }
}
