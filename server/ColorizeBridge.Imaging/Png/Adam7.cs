namespace ColorizeBridge.Imaging.Png;

/// <summary>The seven passes of Adam7 interlacing (PNG spec 8.2).</summary>
internal static class Adam7
{
    public static readonly PngPass[] Passes =
    [
        new(0, 0, 8, 8),
        new(4, 0, 8, 8),
        new(0, 4, 4, 8),
        new(2, 0, 4, 4),
        new(0, 2, 2, 4),
        new(1, 0, 2, 2),
        new(0, 1, 1, 2),
    ];

    /// <summary>A non-interlaced image is one pass over every pixel.</summary>
    public static readonly PngPass[] Single = [new(0, 0, 1, 1)];
}

/// <summary>A sub-image: the pixels at (XStart + i*XStep, YStart + j*YStep).</summary>
internal readonly record struct PngPass(int XStart, int YStart, int XStep, int YStep)
{
    public int Width(int imageWidth) => Math.Max(0, (imageWidth - XStart + XStep - 1) / XStep);

    public int Height(int imageHeight) => Math.Max(0, (imageHeight - YStart + YStep - 1) / YStep);
}
