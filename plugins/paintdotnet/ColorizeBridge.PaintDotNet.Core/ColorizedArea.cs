using ColorizeBridge.PaintDotNet.Core.Imaging;

namespace ColorizeBridge.PaintDotNet.Core;

/// <summary>The colorized pixels of <paramref name="Bounds"/> (layer coordinates), BGRA.</summary>
public sealed record ColorizedArea(PixelRect Bounds, BgraBitmap Pixels);
