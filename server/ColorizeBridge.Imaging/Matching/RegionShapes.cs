using ColorizeBridge.Imaging.Regions;

namespace ColorizeBridge.Imaging.Matching;

/// <summary>
/// What the matcher compares of a page's regions, measured in one pass over
/// the labels: each region's centroid and spread (second moments), its
/// boundary length, whether it is background, which regions it borders (and
/// along how many pixel edges), and the frame of the figure: the centroid and
/// covariance of every pixel that is not background.
/// </summary>
internal sealed class RegionShapes
{
    private RegionShapes(int count)
    {
        CentreX = new double[count];
        CentreY = new double[count];
        Xx = new double[count];
        Xy = new double[count];
        Yy = new double[count];
        Perimeter = new int[count];
        Background = new bool[count];
        Neighbours = new (int Region, int Contact)[count][];
    }

    public double[] CentreX { get; }

    public double[] CentreY { get; }

    /// <summary>Central second moments per pixel (the covariance of the region's pixel positions).</summary>
    public double[] Xx { get; }

    public double[] Xy { get; }

    public double[] Yy { get; }

    /// <summary>Pixel edges the region shares with another region or the canvas edge.</summary>
    public int[] Perimeter { get; }

    /// <summary>The paper around the figure: regions holding at least the paper share of the canvas border (as FlatPainter decides).</summary>
    public bool[] Background { get; }

    /// <summary>The regions each region borders, with the number of pixel edges they share.</summary>
    public (int Region, int Contact)[][] Neighbours { get; }

    public FigureFrame Frame { get; private set; }

    public static RegionShapes Measure(RegionMap regions, double paperBorderShare)
    {
        int count = regions.Count, width = regions.Width, height = regions.Height;
        int[] labels = regions.Labels;
        var shapes = new RegionShapes(count);
        int borderLength = Math.Max(1, (2 * (width + height)) - 4);
        for (int i = 0; i < count; i++)
        {
            shapes.Background[i] = regions.Stats[i].BorderPixels >= paperBorderShare * borderLength;
        }

        var sumX = new double[count];
        var sumY = new double[count];
        var sumXx = new double[count];
        var sumXy = new double[count];
        var sumYy = new double[count];
        var contacts = new Dictionary<long, int>();
        void Touch(int a, int b)
        {
            long key = a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;
            contacts[key] = contacts.GetValueOrDefault(key) + 1;
        }

        for (int y = 0; y < height; y++)
        {
            int row = y * width;
            for (int x = 0; x < width; x++)
            {
                int label = labels[row + x];
                sumX[label] += x;
                sumY[label] += y;
                sumXx[label] += (double)x * x;
                sumXy[label] += (double)x * y;
                sumYy[label] += (double)y * y;
                if (x + 1 < width && labels[row + x + 1] != label)
                {
                    int other = labels[row + x + 1];
                    shapes.Perimeter[label]++;
                    shapes.Perimeter[other]++;
                    Touch(label, other);
                }

                if (y + 1 < height && labels[row + width + x] != label)
                {
                    int other = labels[row + width + x];
                    shapes.Perimeter[label]++;
                    shapes.Perimeter[other]++;
                    Touch(label, other);
                }
            }
        }

        for (int i = 0; i < count; i++)
        {
            RegionStats stats = regions.Stats[i];
            double n = stats.Area;
            shapes.Perimeter[i] += stats.BorderPixels;
            shapes.CentreX[i] = sumX[i] / n;
            shapes.CentreY[i] = sumY[i] / n;
            shapes.Xx[i] = (sumXx[i] / n) - (shapes.CentreX[i] * shapes.CentreX[i]);
            shapes.Xy[i] = (sumXy[i] / n) - (shapes.CentreX[i] * shapes.CentreY[i]);
            shapes.Yy[i] = (sumYy[i] / n) - (shapes.CentreY[i] * shapes.CentreY[i]);
        }

        var neighbours = new List<(int, int)>[count];
        foreach ((long key, int contact) in contacts)
        {
            int a = (int)(key >> 32), b = (int)(key & 0xFFFFFFFF);
            (neighbours[a] ??= []).Add((b, contact));
            (neighbours[b] ??= []).Add((a, contact));
        }

        for (int i = 0; i < count; i++)
        {
            shapes.Neighbours[i] = neighbours[i]?.ToArray() ?? [];
        }

        shapes.Frame = FigureFrame.Of(regions, shapes.Background, sumX, sumY, sumXx, sumXy, sumYy);
        return shapes;
    }

    /// <summary>How elongated a region is: the square root of its spread's larger over smaller principal variance (1 for a disc).</summary>
    public double Elongation(int region)
    {
        (double major, double minor) = FigureFrame.Eigenvalues(Xx[region], Xy[region], Yy[region]);
        return Math.Sqrt((major + 0.25) / (minor + 0.25));
    }

    /// <summary>Area over perimeter squared, scale-free (higher is rounder).</summary>
    public double Compactness(int region, int area) => area / Math.Max(1.0, (double)Perimeter[region] * Perimeter[region]);
}
