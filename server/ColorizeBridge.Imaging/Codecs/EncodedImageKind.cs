namespace ColorizeBridge.Imaging.Codecs;

/// <summary>The encoded formats the server accepts as input.</summary>
public enum EncodedImageKind
{
    Png,
    Jpeg,
    Webp,
}
