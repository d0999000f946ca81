using ColorizeBridge.Imaging.Codecs;
using ColorizeBridge.Imaging.Pixels;
using SkiaSharp;

namespace ColorizeBridge.Imaging.Tests.Codecs;

public sealed class ImageOrientationTests
{
    /// <summary>
    /// Stored 3x2 as "a b c / d e f" (one pixel value each); the upright rows
    /// for every EXIF orientation, worked out from EXIF 2.3's tag 0x0112.
    /// </summary>
    public static TheoryData<SKEncodedOrigin, int, string> Cases() => new()
    {
        { SKEncodedOrigin.TopLeft, 3, "abc/def" },
        { SKEncodedOrigin.TopRight, 3, "cba/fed" },
        { SKEncodedOrigin.BottomRight, 3, "fed/cba" },
        { SKEncodedOrigin.BottomLeft, 3, "def/abc" },
        { SKEncodedOrigin.LeftTop, 2, "ad/be/cf" },
        { SKEncodedOrigin.RightTop, 2, "da/eb/fc" },
        { SKEncodedOrigin.RightBottom, 2, "fc/eb/da" },
        { SKEncodedOrigin.LeftBottom, 2, "cf/be/ad" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ToUpright_EachOrientation_MovesPixelsAsExifSays(SKEncodedOrigin origin, int uprightWidth, string uprightRows)
    {
        var stored = new RgbaImage(3, 2);
        for (int i = 0; i < 6; i++)
        {
            stored.Pixels.AsSpan(i * 4, 4).Fill((byte)('a' + i));
        }

        RgbaImage upright = ImageOrientation.ToUpright(stored, origin);

        string rows = string.Join('/', Enumerable.Range(0, upright.Height)
            .Select(y => new string(Enumerable.Range(0, upright.Width).Select(x => (char)upright.GetRow(y)[x * 4]).ToArray())));
        Assert.Equal(uprightWidth, upright.Width);
        Assert.Equal(uprightRows, rows);
    }
}
