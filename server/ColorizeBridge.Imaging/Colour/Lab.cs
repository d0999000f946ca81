namespace ColorizeBridge.Imaging.Colour;

/// <summary>A CIELAB colour (D65 white): L* in [0, 100], a* and b* roughly in [-128, 128].</summary>
public readonly record struct Lab(double L, double A, double B);
