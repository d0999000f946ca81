using ColorizeBridge.Imaging.Regions;

namespace ColorizeBridge.Imaging.Matching;

/// <summary>
/// Where the figure of a page is and how it lies: the centroid, covariance and
/// area of every pixel outside the background (the whole canvas when all of
/// it is background). Two pages' frames give the first guess of how the figure
/// moved, scaled and turned between them.
/// </summary>
internal readonly record struct FigureFrame(double CentreX, double CentreY, double Xx, double Xy, double Yy, double Area)
{
    /// <summary>The figure's size: the root of its total variance (about half its extent).</summary>
    public double Radius => Math.Sqrt(Math.Max(1.0, Xx + Yy));

    /// <summary>The angle of the figure's long axis, radians.</summary>
    public double Angle => 0.5 * Math.Atan2(2 * Xy, Xx - Yy);

    /// <summary>The ratio of the larger to the smaller principal variance: near 1 the long axis means nothing.</summary>
    public double Anisotropy
    {
        get
        {
            (double major, double minor) = Eigenvalues(Xx, Xy, Yy);
            return (major + 1) / (minor + 1);
        }
    }

    public double Determinant => Math.Max(1.0, (Xx * Yy) - (Xy * Xy));

    public static (double Major, double Minor) Eigenvalues(double xx, double xy, double yy)
    {
        double mean = (xx + yy) / 2, spread = Math.Sqrt((((xx - yy) / 2) * ((xx - yy) / 2)) + (xy * xy));
        return (mean + spread, Math.Max(0, mean - spread));
    }

    public static FigureFrame Of(RegionMap regions, bool[] background, double[] sumX, double[] sumY, double[] sumXx, double[] sumXy, double[] sumYy)
    {
        double n = 0, x = 0, y = 0, xx = 0, xy = 0, yy = 0;
        bool anyFigure = Array.Exists(background, b => !b);
        for (int i = 0; i < regions.Count; i++)
        {
            if (anyFigure && background[i])
            {
                continue;
            }

            n += regions.Stats[i].Area;
            x += sumX[i];
            y += sumY[i];
            xx += sumXx[i];
            xy += sumXy[i];
            yy += sumYy[i];
        }

        double cx = x / n, cy = y / n;
        return new FigureFrame(cx, cy, (xx / n) - (cx * cx), (xy / n) - (cx * cy), (yy / n) - (cy * cy), n);
    }
}
