namespace ColorizeBridge.Imaging.Colour;

/// <summary>
/// The CIEDE2000 colour difference (kL = kC = kH = 1), following Sharma, Wu and
/// Dalal (2005), "The CIEDE2000 color-difference formula: implementation notes,
/// supplementary test data, and mathematical observations", the same steps as
/// training/colour.py. About 1 is a just-noticeable difference.
/// </summary>
public static class Ciede2000
{
    private const double Pow25To7 = 6103515625.0;

    public static double Delta(Rgb first, Rgb second) => Delta(CieLab.FromSrgb(first), CieLab.FromSrgb(second));

    public static double Delta(Lab first, Lab second)
    {
        double meanChroma = (Math.Sqrt((first.A * first.A) + (first.B * first.B)) + Math.Sqrt((second.A * second.A) + (second.B * second.B))) / 2.0;
        double meanChroma7 = Math.Pow(meanChroma, 7);
        double g = 0.5 * (1.0 - Math.Sqrt(meanChroma7 / (meanChroma7 + Pow25To7)));
        double a1 = (1.0 + g) * first.A, a2 = (1.0 + g) * second.A;
        double c1 = Math.Sqrt((a1 * a1) + (first.B * first.B)), c2 = Math.Sqrt((a2 * a2) + (second.B * second.B));
        double h1 = HueDegrees(first.B, a1), h2 = HueDegrees(second.B, a2);
        bool achromatic = c1 * c2 == 0;

        // Eq. 10: the hue step takes the short way round the circle; zero for a grey.
        double hueStep = h2 - h1;
        hueStep = achromatic ? 0 : hueStep > 180 ? hueStep - 360 : hueStep < -180 ? hueStep + 360 : hueStep;
        double deltaL = second.L - first.L;
        double deltaC = c2 - c1;
        double deltaH = 2.0 * Math.Sqrt(c1 * c2) * Math.Sin(Radians(hueStep) / 2.0);

        double meanL = (first.L + second.L) / 2.0;
        double meanC = (c1 + c2) / 2.0;

        // Eq. 14: the mean hue, again the short way round; the plain sum for a grey.
        double hueSum = h1 + h2;
        double meanH = achromatic ? hueSum
            : Math.Abs(h1 - h2) <= 180 ? hueSum / 2.0
            : hueSum < 360 ? (hueSum + 360) / 2.0
            : (hueSum - 360) / 2.0;

        double t = 1.0 - (0.17 * Math.Cos(Radians(meanH - 30))) + (0.24 * Math.Cos(Radians(2 * meanH)))
            + (0.32 * Math.Cos(Radians((3 * meanH) + 6))) - (0.20 * Math.Cos(Radians((4 * meanH) - 63)));
        double deltaTheta = 30.0 * Math.Exp(-Math.Pow((meanH - 275.0) / 25.0, 2));
        double meanC7 = Math.Pow(meanC, 7);
        double rotationC = 2.0 * Math.Sqrt(meanC7 / (meanC7 + Pow25To7));
        double lightOffset = (meanL - 50.0) * (meanL - 50.0);
        double scaleL = 1.0 + (0.015 * lightOffset / Math.Sqrt(20.0 + lightOffset));
        double scaleC = 1.0 + (0.045 * meanC);
        double scaleH = 1.0 + (0.015 * meanC * t);
        double rotation = -Math.Sin(Radians(2 * deltaTheta)) * rotationC;

        double l = deltaL / scaleL, c = deltaC / scaleC, h = deltaH / scaleH;
        return Math.Sqrt((l * l) + (c * c) + (h * h) + (rotation * c * h));
    }

    private static double HueDegrees(double b, double aPrime)
    {
        double degrees = Math.Atan2(b, aPrime) * 180.0 / Math.PI;
        return degrees < 0 ? degrees + 360.0 : degrees;
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180.0;
}
