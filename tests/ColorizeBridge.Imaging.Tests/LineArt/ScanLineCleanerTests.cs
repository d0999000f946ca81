using ColorizeBridge.Imaging.LineArt;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Imaging.Tests.Support;

namespace ColorizeBridge.Imaging.Tests.LineArt;

public sealed class ScanLineCleanerTests
{
    [Fact]
    public void Clean_FaintPencilOnUnevenPaper_KeepsTheLineAndWhitensThePaper()
    {
        // Arrange: paper darkening from 250 (left) to 170 (right); a pencil line 60 darker than the paper at row 30.
        var image = new RgbaImage(120, 60);
        for (int y = 0; y < 60; y++)
        {
            for (int x = 0; x < 120; x++)
            {
                int paper = 250 - (80 * x / 119);
                byte value = (byte)(y is 30 or 31 ? paper - 60 : paper);
                image.GetRow(y)[(x * 4)..((x * 4) + 4)].Fill(value);
                image.GetRow(y)[(x * 4) + 3] = 255;
            }
        }

        // Act
        GrayImage cleaned = ScanLineCleaner.Clean(image);

        // Assert
        for (int x = 0; x < 120; x++)
        {
            Assert.Equal(0, cleaned.Pixels[(30 * 120) + x]);
            Assert.Equal(255, cleaned.Pixels[(10 * 120) + x]);
            Assert.Equal(255, cleaned.Pixels[(50 * 120) + x]);
        }
    }

    [Fact]
    public void Clean_SpecksBelowMinimum_AreRemovedAndLargerOnesKept()
    {
        // Arrange: a 2x2 dust speck (4 px) and a 3x3 blob (9 px) on white; minimum 8.
        RgbaImage image = TestImages.Solid(60, 30, 255, 255, 255);
        PaintBlack(image, 10, 10, 2);
        PaintBlack(image, 40, 10, 3);

        // Act
        GrayImage cleaned = ScanLineCleaner.Clean(image, new ScanCleanupOptions { MinSpeckPixels = 8 });

        // Assert
        Assert.Equal(255, cleaned.Pixels[(10 * 60) + 10]);
        Assert.Equal(0, cleaned.Pixels[(10 * 60) + 40]);
        Assert.Equal(9, cleaned.Pixels.Count(p => p == 0));
    }

    [Fact]
    public void Clean_LargeFilledBlackArea_StaysInk()
    {
        RgbaImage image = TestImages.Solid(100, 100, 255, 255, 255);
        PaintBlack(image, 10, 10, 80);

        GrayImage cleaned = ScanLineCleaner.Clean(image);

        Assert.Equal(0, cleaned.Pixels[(50 * 100) + 50]);
    }

    [Fact]
    public void Clean_InvalidThreshold_Throws()
    {
        Assert.Throws<ArgumentException>(
            () => ScanLineCleaner.Clean(TestImages.Solid(4, 4, 0, 0, 0), new ScanCleanupOptions { Threshold = 1.5f }));
    }

    private static void PaintBlack(RgbaImage image, int left, int top, int size)
    {
        for (int y = top; y < top + size; y++)
        {
            image.GetRow(y)[(left * 4)..((left + size) * 4)].Clear();
            for (int x = left; x < left + size; x++)
            {
                image.GetRow(y)[(x * 4) + 3] = 255;
            }
        }
    }
}
