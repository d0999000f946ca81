namespace ColorizeBridge.Imaging.Codecs;

/// <summary>The encoded formats the server accepts as input.</summary>
internal enum EncodedImageKind
{
    Png,
    Jpeg,
    Webp,
}
