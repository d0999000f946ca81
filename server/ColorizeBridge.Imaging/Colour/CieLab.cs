namespace ColorizeBridge.Imaging.Colour;

/// <summary>
/// sRGB (IEC 61966-2-1 transfer curve) to and from CIELAB with the D65 white,
/// with the same matrix and white point as training/colour.py so the
/// server and the evaluation measure colours alike.
/// </summary>
public static class CieLab
{
    // Linear sRGB -> XYZ (D65), Bruce Lindbloom's matrix, as in training/colour.py.
    private const double Xr = 0.4124564, Xg = 0.3575761, Xb = 0.1804375;
    private const double Yr = 0.2126729, Yg = 0.7151522, Yb = 0.0721750;
    private const double Zr = 0.0193339, Zg = 0.1191920, Zb = 0.9503041;

    private const double WhiteX = 0.95047, WhiteY = 1.0, WhiteZ = 1.08883;

    // CIE's exact constants: delta = 6/29, the f(t) knee at delta^3.
    private const double Delta = 6.0 / 29.0;

    private static readonly double[] LinearOfByte = BuildLinearTable();

    public static Lab FromSrgb(Rgb colour)
    {
        double r = LinearOfByte[colour.R], g = LinearOfByte[colour.G], b = LinearOfByte[colour.B];
        double fx = F(((Xr * r) + (Xg * g) + (Xb * b)) / WhiteX);
        double fy = F(((Yr * r) + (Yg * g) + (Yb * b)) / WhiteY);
        double fz = F(((Zr * r) + (Zg * g) + (Zb * b)) / WhiteZ);
        return new Lab((116.0 * fy) - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz));
    }

    /// <summary>The nearest 8-bit sRGB colour; colours outside the sRGB gamut are clipped per channel.</summary>
    public static Rgb ToSrgb(Lab colour)
    {
        double fy = (colour.L + 16.0) / 116.0;
        double fx = fy + (colour.A / 500.0);
        double fz = fy - (colour.B / 200.0);
        double x = FInverse(fx) * WhiteX, y = FInverse(fy) * WhiteY, z = FInverse(fz) * WhiteZ;

        // The inverse of the matrix above, computed once.
        double r = (3.2404542 * x) - (1.5371385 * y) - (0.4985314 * z);
        double g = (-0.9692660 * x) + (1.8760108 * y) + (0.0415560 * z);
        double b = (0.0556434 * x) - (0.2040259 * y) + (1.0572252 * z);
        return new Rgb(Encode(r), Encode(g), Encode(b));
    }

    private static double F(double t) =>
        t > Delta * Delta * Delta ? Math.Cbrt(t) : (t / (3 * Delta * Delta)) + (4.0 / 29.0);

    private static double FInverse(double f) =>
        f > Delta ? f * f * f : 3 * Delta * Delta * (f - (4.0 / 29.0));

    private static byte Encode(double linear)
    {
        double clipped = Math.Clamp(linear, 0.0, 1.0);
        double encoded = clipped <= 0.0031308 ? 12.92 * clipped : (1.055 * Math.Pow(clipped, 1 / 2.4)) - 0.055;
        return (byte)Math.Round(encoded * 255.0, MidpointRounding.AwayFromZero);
    }

    private static double[] BuildLinearTable()
    {
        var table = new double[256];
        for (int i = 0; i < table.Length; i++)
        {
            double value = i / 255.0;
            table[i] = value <= 0.04045 ? value / 12.92 : Math.Pow((value + 0.055) / 1.055, 2.4);
        }

        return table;
    }
}
