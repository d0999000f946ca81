namespace ColorizeBridge.PaintDotNet.Core;

/// <summary>What the effect's error dialog shows.</summary>
public sealed record DialogMessage(string Title, string Text);
