namespace ColorizeBridge.Imaging.LineArt;

/// <summary>
/// Extended difference of Gaussians (Winnemoeller et al. 2012) with the
/// settings Ci et al. 2018 used to make synthetic line art for training:
/// sigma in {0.3, 0.4, 0.5}, k = 4.5, tau (their gamma) = 0.95,
/// epsilon = -0.1, phi = 1e9 (a hard step). Luminance is in [0, 1].
/// </summary>
public sealed record XDoGOptions
{
    public static readonly XDoGOptions Default = new();

    /// <summary>Standard deviation of the narrow Gaussian, in pixels.</summary>
    public float Sigma { get; init; } = 0.4f;

    /// <summary>The wide Gaussian's sigma is K * Sigma.</summary>
    public float K { get; init; } = 4.5f;

    /// <summary>Weight of the wide Gaussian: D = G(sigma) - Tau * G(K sigma).</summary>
    public float Tau { get; init; } = 0.95f;

    /// <summary>D at or above Epsilon is paper.</summary>
    public float Epsilon { get; init; } = -0.1f;

    /// <summary>Steepness of the soft threshold below Epsilon: 1 + tanh(Phi (D - Epsilon)).</summary>
    public float Phi { get; init; } = 1e9f;

    internal void Validate()
    {
        if (!(Sigma > 0 && Sigma <= 64) || !(K > 1 && K <= 16) || !float.IsFinite(Tau) || !float.IsFinite(Epsilon) || !(Phi > 0))
        {
            throw new ArgumentException(
                $"XDoG needs 0 < sigma <= 64, 1 < k <= 16, finite tau and epsilon, phi > 0; got sigma {Sigma}, k {K}, tau {Tau}, epsilon {Epsilon}, phi {Phi}.");
        }
    }
}
