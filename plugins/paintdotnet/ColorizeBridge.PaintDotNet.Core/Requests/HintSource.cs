namespace ColorizeBridge.PaintDotNet.Core.Requests;

/// <summary>Where the colour hints of a request come from.</summary>
public enum HintSource
{
    /// <summary>No hints: the model picks every colour.</summary>
    None,

    /// <summary>The layer below the line art: its painted (non-transparent) pixels are the hints.</summary>
    LayerBelow,

    /// <summary>One dot of <see cref="ColorizeSettings.HintColor"/> in the middle of the area.</summary>
    Color,
}
