using ColorizeBridge.Imaging.Colour;

namespace ColorizeBridge.Imaging.Tests.Colour;

public sealed class Ciede2000Tests
{
    /// <summary>
    /// Sharma, Wu and Dalal (2005), Table 1: all 34 pairs (L1, a1, b1, L2, a2, b2, ΔE00),
    /// including the hue branches around 0/360° and the achromatic pairs.
    /// </summary>
    public static TheoryData<double, double, double, double, double, double, double> SharmaPairs => new()
    {
        { 50.0, 2.6772, -79.7751, 50.0, 0.0, -82.7485, 2.0425 },
        { 50.0, 3.1571, -77.2803, 50.0, 0.0, -82.7485, 2.8615 },
        { 50.0, 2.8361, -74.0200, 50.0, 0.0, -82.7485, 3.4412 },
        { 50.0, -1.3802, -84.2814, 50.0, 0.0, -82.7485, 1.0000 },
        { 50.0, -1.1848, -84.8006, 50.0, 0.0, -82.7485, 1.0000 },
        { 50.0, -0.9009, -85.5211, 50.0, 0.0, -82.7485, 1.0000 },
        { 50.0, 0.0, 0.0, 50.0, -1.0, 2.0, 2.3669 },
        { 50.0, -1.0, 2.0, 50.0, 0.0, 0.0, 2.3669 },
        { 50.0, 2.4900, -0.0010, 50.0, -2.4900, 0.0009, 7.1792 },
        { 50.0, 2.4900, -0.0010, 50.0, -2.4900, 0.0010, 7.1792 },
        { 50.0, 2.4900, -0.0010, 50.0, -2.4900, 0.0011, 7.2195 },
        { 50.0, 2.4900, -0.0010, 50.0, -2.4900, 0.0012, 7.2195 },
        { 50.0, -0.0010, 2.4900, 50.0, 0.0009, -2.4900, 4.8045 },
        { 50.0, -0.0010, 2.4900, 50.0, 0.0010, -2.4900, 4.8045 },
        { 50.0, -0.0010, 2.4900, 50.0, 0.0011, -2.4900, 4.7461 },
        { 50.0, 2.5, 0.0, 50.0, 0.0, -2.5, 4.3065 },
        { 50.0, 2.5, 0.0, 73.0, 25.0, -18.0, 27.1492 },
        { 50.0, 2.5, 0.0, 61.0, -5.0, 29.0, 22.8977 },
        { 50.0, 2.5, 0.0, 56.0, -27.0, -3.0, 31.9030 },
        { 50.0, 2.5, 0.0, 58.0, 24.0, 15.0, 19.4535 },
        { 50.0, 2.5, 0.0, 50.0, 3.1736, 0.5854, 1.0000 },
        { 50.0, 2.5, 0.0, 50.0, 3.2972, 0.0, 1.0000 },
        { 50.0, 2.5, 0.0, 50.0, 1.8634, 0.5757, 1.0000 },
        { 50.0, 2.5, 0.0, 50.0, 3.2592, 0.3350, 1.0000 },
        { 60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644 },
        { 63.0109, -31.0961, -5.8663, 62.8187, -29.7946, -4.0864, 1.2630 },
        { 61.2901, 3.7196, -5.3901, 61.4292, 2.2480, -4.9620, 1.8731 },
        { 35.0831, -44.1164, 3.7933, 35.0232, -40.0716, 1.5901, 1.8645 },
        { 22.7233, 20.0904, -46.6940, 23.0331, 14.9730, -42.5619, 2.0373 },
        { 36.4612, 47.8580, 18.3852, 36.2715, 50.5065, 21.2231, 1.4146 },
        { 90.8027, -2.0831, 1.4410, 91.1528, -1.6435, 0.0447, 1.4441 },
        { 90.9257, -0.5406, -0.9208, 88.6381, -0.8985, -0.7239, 1.5381 },
        { 6.7747, -0.2908, -2.4247, 5.8714, -0.0985, -2.2286, 0.6377 },
        { 2.0776, 0.0795, -1.1350, 0.9033, -0.0636, -0.5514, 0.9082 },
    };

    [Theory]
    [MemberData(nameof(SharmaPairs))]
    public void Delta_SharmaTestPair_MatchesThePublishedValue(double l1, double a1, double b1, double l2, double a2, double b2, double expected)
    {
        // Arrange
        var first = new Lab(l1, a1, b1);
        var second = new Lab(l2, a2, b2);

        // Act
        double forward = Ciede2000.Delta(first, second);
        double backward = Ciede2000.Delta(second, first);

        // Assert: the table has four decimals.
        Assert.Equal(expected, forward, 0.0001);
        Assert.Equal(expected, backward, 0.0001);
    }

    [Fact]
    public void Delta_SameColour_IsZero()
    {
        var colour = new Rgb(12, 200, 99);

        double delta = Ciede2000.Delta(colour, colour);

        Assert.Equal(0.0, delta, 1e-12);
    }

    [Fact]
    public void Delta_BlackAndWhite_IsTheFullLightnessRange()
    {
        double delta = Ciede2000.Delta(new Rgb(0, 0, 0), Rgb.White);

        // ΔL = 100 and S_L = 1 at mean L 50, no chroma; white's L is 100 to the matrix's seven decimals.
        Assert.Equal(100.0, delta, 1e-4);
    }
}
