using ColorizeBridge.Imaging.Png;

namespace ColorizeBridge.Imaging.Tests.Png;

public sealed class Adam7Tests
{
    [Fact]
    public void Passes_ForAnySize_CoverEveryPixelExactlyOnce()
    {
        for (int width = 1; width <= 17; width++)
        {
            for (int height = 1; height <= 17; height++)
            {
                var seen = new int[width, height];
                foreach (PngPass pass in Adam7.Passes)
                {
                    for (int j = 0; j < pass.Height(height); j++)
                    {
                        for (int i = 0; i < pass.Width(width); i++)
                        {
                            seen[pass.XStart + (i * pass.XStep), pass.YStart + (j * pass.YStep)]++;
                        }
                    }
                }

                Assert.All(seen.Cast<int>(), count => Assert.Equal(1, count));
            }
        }
    }
}
