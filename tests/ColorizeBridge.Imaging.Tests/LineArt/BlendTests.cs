using ColorizeBridge.Imaging.LineArt;

namespace ColorizeBridge.Imaging.Tests.LineArt;

public sealed class BlendTests
{
    [Fact]
    public void Over_EveryAlphaAndTopValue_EqualsRoundedExactBlend()
    {
        for (int alpha = 0; alpha < 256; alpha++)
        {
            for (int top = 0; top < 256; top++)
            {
                foreach (int bottom in new[] { 0, 77, 255 })
                {
                    double exact = ((top * alpha) + (bottom * (255.0 - alpha))) / 255.0;

                    byte blended = Blend.Over((byte)top, (byte)bottom, alpha);

                    Assert.Equal((int)Math.Floor(exact + 0.5), blended);
                }
            }
        }
    }
}
