namespace ColorizeBridge.Imaging.Matching;

/// <summary>
/// An affine map from the new page's pixels to the reference page's:
/// (u, v) = (A x + B y + Tx, C x + D y + Ty).
/// </summary>
internal readonly record struct PageTransform(double A, double B, double C, double D, double Tx, double Ty)
{
    /// <summary>How many reference pixels one new pixel covers.</summary>
    public double AreaScale => Math.Abs((A * D) - (B * C));

    public (double U, double V) Map(double x, double y) => ((A * x) + (B * y) + Tx, (C * x) + (D * y) + Ty);

    /// <summary>The first guesses (see <see cref="RegionMatcher"/>): the figure's frame moved onto the reference's, turned by none, by the difference of the long axes (both ways round), or stretched along the page axes.</summary>
    public static List<PageTransform> Candidates(FigureFrame page, FigureFrame reference)
    {
        double scale = Math.Pow(reference.Determinant / page.Determinant, 0.25);
        var candidates = new List<PageTransform> { Similarity(page, reference, scale, 0) };
        if (page.Anisotropy > 1.2 && reference.Anisotropy > 1.2)
        {
            double turn = reference.Angle - page.Angle;
            candidates.Add(Similarity(page, reference, scale, turn));
            candidates.Add(Similarity(page, reference, scale, turn + Math.PI));
        }

        double scaleX = Math.Sqrt(Math.Max(1, reference.Xx) / Math.Max(1, page.Xx));
        double scaleY = Math.Sqrt(Math.Max(1, reference.Yy) / Math.Max(1, page.Yy));
        candidates.Add(Centred(page, reference, scaleX, 0, 0, scaleY));
        return candidates;
    }

    /// <summary>
    /// The affine map that best takes <paramref name="from"/> to <paramref name="to"/>
    /// in the weighted least-squares sense; null when the points do not pin
    /// one down (fewer than three, or all on a line) or it folds the page over.
    /// </summary>
    public static PageTransform? Fit(IReadOnlyList<(double X, double Y, double U, double V, double Weight)> pairs)
    {
        if (pairs.Count < 3)
        {
            return null;
        }

        // Normal equations of [x y 1] . [a b t] = u (and the same for v).
        double sxx = 0, sxy = 0, sx = 0, syy = 0, sy = 0, s1 = 0, sxu = 0, syu = 0, su = 0, sxv = 0, syv = 0, sv = 0;
        foreach ((double x, double y, double u, double v, double w) in pairs)
        {
            sxx += w * x * x;
            sxy += w * x * y;
            sx += w * x;
            syy += w * y * y;
            sy += w * y;
            s1 += w;
            sxu += w * x * u;
            syu += w * y * u;
            su += w * u;
            sxv += w * x * v;
            syv += w * y * v;
            sv += w * v;
        }

        double[,] m = { { sxx, sxy, sx }, { sxy, syy, sy }, { sx, sy, s1 } };
        double det = Determinant3(m);
        // The spread of the points, relative to their weight, must span a plane.
        double spread = Math.Max(1e-12, (sxx + syy) / Math.Max(s1, 1e-12));
        if (Math.Abs(det) < 1e-6 * s1 * s1 * s1 * spread * spread)
        {
            return null;
        }

        (double a, double b, double tx) = Solve(m, det, sxu, syu, su);
        (double c, double d, double ty) = Solve(m, det, sxv, syv, sv);
        var fitted = new PageTransform(a, b, c, d, tx, ty);
        return (a * d) - (b * c) > 0 ? fitted : null;
    }

    private static PageTransform Similarity(FigureFrame page, FigureFrame reference, double scale, double turn)
    {
        double cos = Math.Cos(turn) * scale, sin = Math.Sin(turn) * scale;
        return Centred(page, reference, cos, -sin, sin, cos);
    }

    private static PageTransform Centred(FigureFrame page, FigureFrame reference, double a, double b, double c, double d) =>
        new(a, b, c, d, reference.CentreX - ((a * page.CentreX) + (b * page.CentreY)), reference.CentreY - ((c * page.CentreX) + (d * page.CentreY)));

    private static double Determinant3(double[,] m) =>
        (m[0, 0] * ((m[1, 1] * m[2, 2]) - (m[1, 2] * m[2, 1])))
        - (m[0, 1] * ((m[1, 0] * m[2, 2]) - (m[1, 2] * m[2, 0])))
        + (m[0, 2] * ((m[1, 0] * m[2, 1]) - (m[1, 1] * m[2, 0])));

    /// <summary>Cramer's rule for the symmetric 3x3 system m . s = (r0, r1, r2).</summary>
    private static (double, double, double) Solve(double[,] m, double det, double r0, double r1, double r2)
    {
        double[,] Replace(int column)
        {
            var copy = (double[,])m.Clone();
            copy[0, column] = r0;
            copy[1, column] = r1;
            copy[2, column] = r2;
            return copy;
        }

        return (Determinant3(Replace(0)) / det, Determinant3(Replace(1)) / det, Determinant3(Replace(2)) / det);
    }
}
