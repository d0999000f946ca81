namespace ColorizeBridge.Engine.Models;

public enum ModelLoadState
{
    Loading,
    Ready,
    Failed,
}
