using ColorizeBridge.Api.V1;
using ColorizeBridge.PaintDotNet.Core.Imaging;
using Google.Protobuf;

namespace ColorizeBridge.PaintDotNet.Core.Requests;

/// <summary>Turns one area of the layers into a <see cref="ColorizeRequest"/>.</summary>
public static class ColorizeRequestBuilder
{
    /// <summary>The dot of a colour hint spans this share of the area's shorter side.</summary>
    private const float ColorDotShare = 0.15f;

    /// <param name="lineArt">The line art of the area, BGRA as Paint.NET holds it.</param>
    /// <param name="hints">The hint pixels of the same area (the layer below); used when the settings ask for it.</param>
    public static ColorizeRequest Build(ColorizeSettings settings, BgraBitmap lineArt, BgraBitmap? hints)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(lineArt);
        var request = new ColorizeRequest
        {
            Model = settings.Model.Trim(),
            // Grey on white: a quarter of the bytes of BGRA, and transparent
            // line art layers arrive as the paper they mean.
            LineArt = RawImage(lineArt.Width, lineArt.Height, PixelFormat.Gray8, PixelConversion.ToGrayOnWhite(lineArt)),
            Hints = BuildHints(settings, lineArt, hints),
            Options = new ColorizeOptions
            {
                OutputFormat = OutputFormat.RawRgba8,
                LineComposite = settings.KeepLines ? LineComposite.Multiply : LineComposite.None,
            },
        };
        return request;
    }

    private static Hints BuildHints(ColorizeSettings settings, BgraBitmap lineArt, BgraBitmap? hints)
    {
        switch (settings.HintSource)
        {
            case HintSource.LayerBelow:
                if (hints is null)
                {
                    throw new InvalidOperationException("the hints come from the layer below, but the line art is the bottom layer: add a layer of colour hints under it");
                }

                if (hints.Width != lineArt.Width || hints.Height != lineArt.Height)
                {
                    throw new ArgumentException($"the hints are {hints.Width}x{hints.Height}, the line art {lineArt.Width}x{lineArt.Height}", nameof(hints));
                }

                // Paint.NET's straight-alpha BGRA is the contract's BGRA8 as it is.
                return new Hints { HintLayer = RawImage(hints.Width, hints.Height, PixelFormat.Bgra8, hints.Pixels) };
            case HintSource.Color:
                HintColor color = settings.HintColor;
                var dot = new Stroke
                {
                    Color = new Color { R = color.R, G = color.G, B = color.B },
                    Width = Math.Max(1f, Math.Min(lineArt.Width, lineArt.Height) * ColorDotShare),
                };
                dot.Points.Add(new Point { X = lineArt.Width / 2f, Y = lineArt.Height / 2f });
                return new Hints { Strokes = { dot } };
            default:
                return new Hints();
        }
    }

    private static Image RawImage(int width, int height, PixelFormat format, byte[] pixels) => new()
    {
        Raw = new RawImage { Width = (uint)width, Height = (uint)height, Format = format, Pixels = ByteString.CopyFrom(pixels) },
    };
}
