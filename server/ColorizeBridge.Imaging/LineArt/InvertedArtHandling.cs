namespace ColorizeBridge.Imaging.LineArt;

/// <summary>What <see cref="LineArtLayer"/> does with white-lines-on-black art.</summary>
public enum InvertedArtHandling
{
    /// <summary>Invert when the art looks inverted (mostly dark, dark border); report it in <see cref="LineArtLayer.WasInverted"/>.</summary>
    Auto,

    /// <summary>Take the art as given.</summary>
    Never,

    /// <summary>Always invert opaque art.</summary>
    Always,
}
