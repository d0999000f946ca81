namespace ColorizeBridge.PaintDotNet;

/// <summary>The effect's settings, as Paint.NET's property system names them.</summary>
internal enum PropertyNames
{
    ServerAddress,
    AccessToken,
    Model,
    Hints,
    HintColor,
    KeepLines,
}
